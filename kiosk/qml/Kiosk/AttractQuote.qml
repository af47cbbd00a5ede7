import QtQuick

// Attract item: a quotation, large and calm, drifting very slightly. The words and who said
// them stay above the invitation to touch: a long quote gets smaller rather than reaching it,
// and is never cut short.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    // Room kept free at the bottom for the invitation to touch.
    property real captionSpace: Theme.px(230)
    ready: true

    function start() {
        drift.restart();
    }

    color: Theme.background

    // The room the words are laid out in: under the top margin, above the invitation, with a
    // little to spare for the drift (the column grows 3 % about its centre).
    Item {
        id: room
        objectName: "attractQuoteRoom"
        anchors.top: parent.top
        anchors.topMargin: Theme.margin
        anchors.left: parent.left
        anchors.right: parent.right
        height: Math.max(0, (parent.height - root.captionSpace - Theme.margin) / 1.03)
    }

    WordsFit {
        id: wordsFit
        width: words.width
        text: root.item.words ? root.item.words.text : ""
        family: Theme.headingFontFor(root.item.words ? root.item.words.lang : "en")
        largest: Theme.quoteSize * 1.15
        smallest: Theme.bodySize
        lineHeight: 1.2
        room: room.height - mark.height - who.height - 2 * words.spacing
    }

    Column {
        id: words
        objectName: "attractQuoteWords"
        anchors.centerIn: room
        width: Math.min(parent.width - 4 * Theme.margin, Theme.px(1500))
        spacing: Theme.px(30)

        QuoteMark {
            id: mark
            width: parent.width
            rtl: root.item.words ? root.item.words.rtl === true : false
            lang: root.item.words ? root.item.words.lang : ""
            size: Theme.px(200)
            height: Theme.px(120)
        }
        LocalizedText {
            width: parent.width
            value: root.item.words
            heading: true
            pixelSize: wordsFit.size
            lineHeight: 1.2
        }
        LocalizedText {
            id: who
            width: parent.width
            value: root.item.who
            color: Theme.accent
            pixelSize: Theme.bodySize * 1.1
        }
    }

    NumberAnimation {
        id: drift
        target: words
        property: "scale"
        from: 1
        to: 1.03
        duration: root.durationMs + Theme.dissolveMs
        easing.type: Easing.InOutSine
    }
}
