import QtQuick

// Body text that scrolls when it is longer than its frame, with a thin indicator and a
// fade at the bottom edge that says "there is more".
Item {
    id: root

    property var value
    property string note: ""
    readonly property bool scrollable: flick.contentHeight > flick.height + 1

    clip: true

    Flickable {
        id: flick
        objectName: "textScroller"
        anchors.fill: parent
        contentWidth: width
        contentHeight: body.height + Theme.px(48)
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.StopAtBounds
        interactive: root.scrollable

        BodyText {
            id: body
            // Anchored, not placed by x: in Arabic the text then starts at the right edge, in
            // line with the title, and the room for the scroll indicator is on the left.
            anchors.left: parent.left
            width: flick.width - Theme.px(28)
            value: root.value
            note: root.note
            pixelSize: Theme.bodySize
            lineHeight: 1.4
        }
    }

    Rectangle {
        visible: root.scrollable && !flick.atYEnd
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Theme.px(90)
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 1
                color: Theme.background
            }
        }
    }

    Rectangle {
        visible: root.scrollable
        anchors.right: parent.right
        width: Theme.px(6)
        radius: width / 2
        color: Theme.muted
        opacity: 0.7
        y: flick.visibleArea.yPosition * root.height
        height: flick.visibleArea.heightRatio * root.height
    }
}
