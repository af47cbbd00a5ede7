import QtQuick

// The words over an attract picture: a title, a line and who made it, on a soft scrim above the
// invitation. The credit is in words here because a crop may cut what the picture carries (a
// stand-in's label drawn along its edges). On a landscape screen it stands small in the far
// corner, as a photo credit does, so the caption keeps its place over the picture; on a portrait
// screen, under the caption.
Item {
    id: root

    property var title
    property var line
    property var credit
    property real bottomSpace: Theme.px(230)
    readonly property bool creditBeside: width > height
    readonly property bool hasCredit: credit !== undefined && credit !== null && credit.text !== ""
    readonly property real creditRoom: creditBeside && hasCredit ? Math.min(creditBesideText.label.implicitWidth, width * 0.25) + Theme.margin : 0

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
        width: Math.min(parent.width - 3 * Theme.margin - root.creditRoom, Theme.px(1400))
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
        LocalizedText {
            objectName: "attractCredit"
            width: parent.width
            visible: !root.creditBeside && root.hasCredit
            value: root.credit
            pixelSize: Theme.smallSize
            maximumLineCount: 2
            color: "#D9D4CA"
        }
    }

    LocalizedText {
        id: creditBesideText
        objectName: "attractCredit"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.rightMargin: Theme.margin * 1.5
        anchors.bottomMargin: root.bottomSpace
        width: Math.min(label.implicitWidth, root.width * 0.25)
        visible: root.creditBeside && root.hasCredit
        value: root.credit
        pixelSize: Theme.smallSize
        maximumLineCount: 3
        color: "#D9D4CA"
    }
}
