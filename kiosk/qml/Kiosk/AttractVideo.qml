import QtQuick
import KioskBackend

// Attract item: a film excerpt, muted, without controls (VideoPlayer with attract: true).
// Until the player holds a picture, or when the film cannot play, the poster stands in.
AttractItem {
    id: root

    required property var item
    property int durationMs: 9000
    property real captionSpace: Theme.px(230)
    required property ExhibitionStore store
    property string filmWord: ""
    // Opaque, as every attract item: the film is fitted, and whatever shows beside it must be
    // this item's own, not the item beneath it, which would vanish at once when the dissolve ends.
    color: Theme.background
    ready: player.ready
    // The excerpt's end (finished) ends the item, not the loop's timer; a film that cannot
    // play says so with `finished` too.
    ownsDuration: true
    lengthMs: player.duration

    function start() {
        player.start();
    }
    function prepare() {
        player.prepare();
    }
    function stop() {
        player.stop();
    }
    function rest() {
        player.rest();
    }

    AttractTitle {
        id: poster
        anchors.fill: parent
        visible: !player.pictureShown
        item: root.item
        durationMs: root.durationMs
        badge: root.filmWord
        captionSpace: root.captionSpace
    }

    // The film plays above the invitation band (aspect-fitted there), its captions inside it.
    VideoPlayer {
        id: player
        anchors.fill: parent
        anchors.bottomMargin: root.captionSpace
        store: root.store
        panelId: root.item.panelId
        language: root.item.language
        attract: true
        prepareOnLoad: false // the loop asks, when this excerpt's turn nears
        captionMargin: 0
        onFinished: root.finished()
    }

    Component.onDestruction: stop()
}
