import QtQuick

// Marks a text shown in another language because the visitor's is missing: the text's
// own language, in its own script, and "not translated" in the visitor's language.
Rectangle {
    id: tag

    property string language: ""
    property string note: ""

    objectName: "fallbackTag"
    implicitWidth: label.implicitWidth + Theme.px(24)
    implicitHeight: label.implicitHeight + Theme.px(8)
    radius: height / 2
    color: "transparent"
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.muted

    Text {
        id: label
        anchors.centerIn: parent
        text: tag.language.toUpperCase() + (tag.note ? " · " + tag.note : "")
        color: Theme.muted
        font.family: Theme.bodyFont
        font.pixelSize: Theme.smallSize * 0.85
    }
}
