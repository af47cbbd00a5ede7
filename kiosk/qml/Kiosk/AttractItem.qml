import QtQuick

// What the attract loop asks of every item, whatever its kind (AttractSlide loads one):
// `ready` once its first frame can show, `start()` to begin its motion, and, for an item that
// owns its duration (a film), `finished` when it is done and `lengthMs` its length; the others
// last the loop's dwell time. `prepare()` readies an item whose turn nears (a film's first frame);
// `rest()` lets go of what an item out of sight holds until its next turn (a film's last frame).
Rectangle {
    property bool ready: false
    property bool ownsDuration: false
    property int lengthMs: 0
    signal finished

    function start() {
    }
    function prepare() {
    }
    function rest() {
    }

    color: "transparent"
}
