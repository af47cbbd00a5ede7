import QtQuick

// Words someone said, large, with who said them and when.
Item {
    id: root

    property var panel
    property var words

    objectName: "quotePanel"

    // The words as large as the panel lets them be: smaller, down to a little above the body text,
    // where large text or a long quote would push who said them below the panel (a visitor would
    // not know to scroll for them).
    readonly property real othersHeight: mark.height + rule.height + 2 * quote.spacing
        + (who.visible ? who.height + quote.spacing : 0) + (when.visible ? when.height + quote.spacing : 0)
    readonly property real wordsSize: wordsFit.size

    WordsFit {
        id: wordsFit
        width: quote.width
        text: root.panel.words ? root.panel.words.text : ""
        family: Theme.headingFontFor(root.panel.words ? root.panel.words.lang : "en")
        largest: Theme.quoteSize
        smallest: Theme.bodySize * 1.2
        room: root.height - root.othersHeight
    }

    Flickable {
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, quote.height)
        boundsBehavior: Flickable.StopAtBounds
        interactive: quote.height > height
        clip: true

        Column {
            id: quote
            width: Math.min(parent.width, Theme.px(1500))
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(0, (root.height - height) / 2)
            spacing: Theme.px(28)

            QuoteMark {
                id: mark
                width: parent.width
                rtl: root.panel.words ? root.panel.words.rtl === true : false
                lang: root.panel.words ? root.panel.words.lang : ""
                size: Theme.px(160)
                height: Theme.px(100)
            }
            LocalizedText {
                objectName: "quoteWords"
                width: parent.width
                value: root.panel.words
                heading: true
                pixelSize: root.wordsSize
                lineHeight: 1.25
                note: root.words.not_translated
            }
            Item {
                id: rule
                width: parent.width
                height: Theme.px(4)
                Rectangle {
                    anchors.left: parent.left
                    width: Theme.px(120)
                    height: parent.height
                    color: Theme.accent
                }
            }
            LocalizedText {
                id: who
                objectName: "quoteWho"
                width: parent.width
                value: root.panel.who
                pixelSize: Theme.bodySize * 1.1
                weight: Font.DemiBold
                note: root.words.not_translated
            }
            LocalizedText {
                id: when
                objectName: "quoteWhen"
                width: parent.width
                value: root.panel.when
                color: Theme.muted
                pixelSize: Theme.smallSize
                note: root.words.not_translated
            }
        }
    }
}
