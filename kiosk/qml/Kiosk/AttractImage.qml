import QtQuick

// Attract item: a picture slowly zooming toward its focus point, its caption in a corner.
Item {
    id: root

    property var item
    property int durationMs: 9000
    property real captionSpace: Theme.px(230)
    readonly property bool ready: picture.ready

    function start() {
        picture.start();
    }

    KenBurnsImage {
        id: picture
        anchors.fill: parent
        source: root.item.imageUrl
        focusX: root.item.focusX
        focusY: root.item.focusY
        durationMs: root.durationMs + Theme.dissolveMs
    }

    AttractCaption {
        anchors.fill: parent
        bottomSpace: root.captionSpace
        title: root.item.title
        line: root.item.caption
    }
}
