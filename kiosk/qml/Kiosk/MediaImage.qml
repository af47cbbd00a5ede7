import QtQuick
import KioskBackend

// A picture from the media folder, decoded off the UI thread at the size it is shown.
// An unusable file (missing, corrupt) shows a calm placeholder, never a black hole.
Item {
    id: root

    property string source: ""
    property string problem: ""
    property string placeholderText: ""
    property int fillMode: Image.PreserveAspectFit
    property alias status: image.status
    property alias paintedWidth: image.paintedWidth
    property alias paintedHeight: image.paintedHeight
    // A file some Image already failed to decode: the placeholder at once, and Qt is not asked
    // to decode (and warn about) it again at each visit.
    readonly property bool knownBroken: MediaProblems.isBroken(source, MediaProblems.revision)
    readonly property bool ready: broken || image.status === Image.Ready
    readonly property bool broken: source === "" || knownBroken || image.status === Image.Error

    Image {
        id: image
        anchors.fill: parent
        asynchronous: true
        // Until the item has a size, load nothing: a first decode at the wrong size is waste.
        source: root.width > 0 && root.height > 0 && !root.knownBroken ? root.source : ""
        sourceSize: Qt.size(Math.ceil(root.width * Theme.pictureScale), Math.ceil(root.height * Theme.pictureScale))
        fillMode: root.fillMode
        smooth: true
        opacity: status === Image.Ready ? 1 : 0
        onStatusChanged: if (status === Image.Error)
            MediaProblems.report(root.source)
        Behavior on opacity {
            NumberAnimation {
                duration: 160
            }
        }
    }

    Rectangle {
        objectName: "mediaPlaceholder"
        anchors.fill: parent
        visible: root.broken
        color: Theme.surface
        radius: Theme.radius
        border.color: Qt.lighter(Theme.surface, 1.6)
        border.width: Math.max(1, Theme.px(2))

        Column {
            anchors.centerIn: parent
            width: parent.width * 0.8
            spacing: Theme.px(12)
            Icon {
                anchors.horizontalCenter: parent.horizontalCenter
                name: "enlarge"
                color: Theme.muted
                width: Theme.px(48)
                height: width
            }
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: root.placeholderText
                color: Theme.muted
                font.family: Theme.bodyFont
                font.pixelSize: Theme.smallSize
            }
        }
    }
}
