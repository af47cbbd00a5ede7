import QtQuick

// Attract item: a picture slowly zooming toward its focus point, its caption in a corner.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    property real captionSpace: Theme.px(230)
    ready: picture.ready

    function start() {
        picture.start();
    }

    // The picture keeps clear of the invitation band at the bottom: it is fitted (cropped around
    // its focus point) into the screen above the band, so the invitation never covers it. A
    // photograph is cropped by a quarter at most: one further from the screen's shape shows
    // whole (a 3:2 photograph on a landscape screen lost a third of its height).
    KenBurnsImage {
        id: picture
        objectName: "attractPicture"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: parent.height - root.captionSpace
        source: root.item.imageUrl
        focusX: root.item.focusX
        focusY: root.item.focusY
        mostCropped: 0.25
        durationMs: root.durationMs + Theme.dissolveMs
    }

    AttractCaption {
        anchors.fill: parent
        bottomSpace: root.captionSpace
        title: root.item.title
        line: root.item.caption
        credit: root.item.credit
    }
}
