import QtQuick
import KioskBackend

// The keypad's help (the help key): which key does what, on screen and spoken.
Rectangle {
    id: help

    required property Access access
    property string text: ""
    property string language: "en"

    objectName: "keyHelp"
    visible: access.helpShown
    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: Theme.touch * 2 + Theme.px(40)
    width: Math.min(parent.width - 2 * Theme.margin, Theme.px(1400))
    height: label.implicitHeight + Theme.px(48)
    radius: Theme.radius
    color: Theme.surface
    border.width: Theme.focusRingWidth
    border.color: Theme.accent
    z: 80

    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - Theme.px(64)
        text: help.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.text
        font.family: Theme.fontFor(help.language)
        font.pixelSize: Theme.bodySize
    }
}
