import QtQuick
import KioskBackend

// Attract item: a film excerpt, muted, without controls (VideoPlayer with attract: true).
// Until the player exists, or while it prepares, the poster stands in.
Item {
    id: root

    property var item
    property int durationMs: 9000
    property real captionSpace: Theme.px(230)
    property ExhibitionStore store
    property bool hasPlayer: false
    property string filmWord: ""
    readonly property bool ready: player.item ? player.item.ready === true : poster.ready
    // With a player, the excerpt's end (finished) ends the item, not the loop's timer.
    readonly property bool ownsDuration: player.item !== null
    signal finished

    function start() {
        if (player.item)
            player.item.start();
        else
            poster.start();
    }
    function stop() {
        if (player.item)
            player.item.stop();
    }

    AttractTitle {
        id: poster
        anchors.fill: parent
        visible: !player.item || !player.item.ready
        item: root.item
        durationMs: root.durationMs
        badge: root.filmWord
        captionSpace: root.captionSpace
    }

    // The film plays above the invitation band (aspect-fitted there), its captions inside it.
    Loader {
        id: player
        anchors.fill: parent
        anchors.bottomMargin: root.captionSpace
        active: root.hasPlayer
        Component.onCompleted: if (root.hasPlayer)
            setSource(Qt.resolvedUrl("VideoPlayer.qml"), {
                store: root.store,
                panelId: root.item.panelId,
                language: root.item.language,
                attract: true,
                captionMargin: 0
            })
    }

    Connections {
        target: player.item
        ignoreUnknownSignals: true
        function onFinished() {
            root.finished();
        }
    }

    Component.onDestruction: stop()
}
