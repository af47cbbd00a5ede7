import QtQuick

// What the attract loop asks of every item, whatever its kind (AttractSlide loads one):
// `ready` once its first frame can show, `start()` to begin its motion, and, for an item that
// owns its duration (a film), `finished` when it is done; the others last the loop's dwell time.
Rectangle {
    property bool ready: false
    property bool ownsDuration: false
    signal finished

    function start() {
    }

    color: "transparent"
}
