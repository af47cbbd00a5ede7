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
    // A heading never breaks inside a word: when its longest word is wider than the line (a
    // narrow tile, large text), the heading gets smaller instead, down to 60 %.
    readonly property string longestWord: heading && value && value.text
        ? value.text.split(/[ \t\n]+/).reduce((a, b) => b.length > a.length ? b : a, "") : ""
    readonly property real longestWordWidth: longestWord ? longest.advanceWidth : 0
    readonly property real fittedPixelSize: heading && width > 0 && longestWordWidth > width
        ? Math.max(pixelSize * 0.6, Math.floor(pixelSize * width / longestWordWidth)) : pixelSize

    spacing: Theme.px(8)
    visible: value !== undefined && value !== null && value.text !== ""

    TextMetrics {
        id: longest
        // At the size asked for, not the fitted one: the fitted size is computed from this.
        font.family: root.heading ? Theme.headingFontFor(root.lang) : Theme.fontFor(root.lang)
        font.pixelSize: root.pixelSize
        font.weight: root.weight
        text: root.longestWord
    }

    Text {
        id: label
        width: root.width
        text: root.value ? root.value.text : ""
        textFormat: root.styled ? Text.StyledText : Text.PlainText
        color: root.color
        font.family: root.heading ? Theme.headingFontFor(root.lang) : Theme.fontFor(root.lang)
        font.pixelSize: root.fittedPixelSize
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
