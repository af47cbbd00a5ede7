import QtQuick

// The words over an attract picture: a title and a line, on a soft scrim above the invitation.
Item {
    id: root

    property var title
    property var line
    property real bottomSpace: Theme.px(230)

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: parent.height * 0.55
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 1
                color: Qt.rgba(0, 0, 0, 0.82)
            }
        }
    }

    Column {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin * 1.5
        anchors.bottomMargin: root.bottomSpace
        width: Math.min(parent.width - 3 * Theme.margin, Theme.px(1400))
        spacing: Theme.px(10)

        LocalizedText {
            width: parent.width
            value: root.title
            heading: true
            pixelSize: Theme.titleSize * 1.1
            maximumLineCount: 2
            color: "#FFFFFF"
        }
        LocalizedText {
            width: parent.width
            value: root.line
            pixelSize: Theme.bodySize
            maximumLineCount: 2
            color: "#F4F1EA"
        }
    }
}
