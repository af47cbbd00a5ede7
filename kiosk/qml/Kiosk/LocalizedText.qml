import QtQuick

// A visitor text in the visitor's language, or visibly marked when it fell back to another.
// ``value`` is the map a view model gives: {text, lang, fallback, rtl}. Set a width.
Column {
    id: root

    property var value: ({
            text: "",
            lang: "en",
            fallback: false,
            rtl: false
        })
    property real pixelSize: Theme.bodySize
    property bool heading: false
    property bool styled: false
    property color color: Theme.text
    property int weight: Font.Normal
    property int maximumLineCount: 1000
    property real lineHeight: 1.25
    property string note: ""
    property alias label: label
    readonly property string lang: value ? value.lang : "en"

    spacing: Theme.px(8)
    visible: value !== undefined && value !== null && value.text !== ""

    Text {
        id: label
        width: root.width
        text: root.value ? root.value.text : ""
        textFormat: root.styled ? Text.StyledText : Text.PlainText
        color: root.color
        font.family: root.heading ? Theme.headingFontFor(root.lang) : Theme.fontFor(root.lang)
        font.pixelSize: root.pixelSize
        font.weight: root.weight
        lineHeight: root.lineHeight
        wrapMode: Text.Wrap
        maximumLineCount: root.maximumLineCount
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignLeft
    }
    FallbackTag {
        visible: root.value ? root.value.fallback === true : false
        language: root.lang
        note: root.note
    }
}
