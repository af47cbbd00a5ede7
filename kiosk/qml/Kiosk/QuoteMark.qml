import QtQuick

// The opening quotation mark above a quote, on the side where the words are aligned (the
// screen's start side: layout mirroring puts it on the right in Arabic, like the words below
// it), in the convention of the words' language: « for French, “ for other left-to-right
// text; for right-to-left text the opening guillemet as it is drawn there, pointing outward (»)
// as in «…» read from the right. Text does not mirror a lone mark by itself (a string of neutral characters is
// laid out left to right), so the glyph is chosen here.
Text {
    id: mark

    property bool rtl: false
    // The words' language code: French opens a quote with a guillemet.
    property string lang: ""
    readonly property bool guillemet: rtl || lang === "fr" || lang.startsWith("fr-")
    // The size of the curly mark; a guillemet sits at mid-height of the line, not at its top,
    // so it is drawn smaller and centred in the mark's box, clear of the words below it.
    property real size: Theme.px(160)
    // Where the mark is drawn once mirroring applies (read by tests).
    readonly property bool atRight: effectiveHorizontalAlignment === Text.AlignRight

    objectName: "quoteMark"
    horizontalAlignment: Text.AlignLeft
    text: rtl ? "\u00BB" : (guillemet ? "\u00AB" : "\u201C")
    color: Theme.accent
    font.family: Theme.headingFont
    font.pixelSize: guillemet ? size * 0.5 : size
    verticalAlignment: guillemet ? Text.AlignVCenter : Text.AlignTop
}
