pragma ComponentBehavior: Bound
import QtQuick

Rectangle {
    id: button
    property string glyph
    signal tapped
    width: Theme.touch
    height: Theme.touch
    radius: width / 2
    color: tap.pressed ? Qt.lighter(Theme.surface, 1.5) : Theme.surface
    // Outlined as every control is: in high contrast the surface is the background's black.
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.outline
    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: button.tapped()
    }
    Icon {
        visible: button.glyph === "play"
        anchors.centerIn: parent
        anchors.horizontalCenterOffset: Theme.px(3)
        name: "play"
        width: parent.width * 0.5
        height: width
    }
    Row {
        visible: button.glyph === "pause"
        anchors.centerIn: parent
        spacing: button.width * 0.12
        Repeater {
            model: 2
            Rectangle {
                width: button.width * 0.12
                height: button.height * 0.42
                color: Theme.text
            }
        }
    }
    Text {
        visible: button.glyph === "replay"
        anchors.centerIn: parent
        text: "\u21bb"
        color: Theme.text
        font.pixelSize: button.height * 0.55
    }
}
