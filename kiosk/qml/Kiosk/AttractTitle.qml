import QtQuick

// Attract item for a text panel (or a film while no player is installed): its picture,
// if any, slowly zooming, and its title large.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    property real captionSpace: Theme.px(230)
    property string badge: ""
    ready: picture.ready

    function start() {
        picture.start();
    }

    color: Theme.surface

    // Above the invitation band, never under it (see AttractImage).
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
        durationMs: root.durationMs + Theme.dissolveMs
        visible: root.item.imageUrl !== ""
        opacity: 0.85
    }

    AttractCaption {
        anchors.fill: parent
        bottomSpace: root.captionSpace
        title: root.item.title
        line: root.item.description
    }

    Rectangle {
        visible: root.badge !== ""
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin
        width: badgeText.implicitWidth + Theme.px(36)
        height: badgeText.implicitHeight + Theme.px(14)
        radius: height / 2
        color: Qt.rgba(0, 0, 0, 0.6)
        Text {
            id: badgeText
            anchors.centerIn: parent
            text: root.badge
            color: Theme.text
            font.family: Theme.fontFor(root.item.language)
            font.pixelSize: Theme.smallSize
        }
    }
}
