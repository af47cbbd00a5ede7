import QtQuick

// Attract item: a quotation, large and calm, drifting very slightly.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    ready: true

    function start() {
        drift.restart();
    }

    color: Theme.background

    Column {
        id: words
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -Theme.px(80)
        width: Math.min(parent.width - 4 * Theme.margin, Theme.px(1500))
        spacing: Theme.px(30)

        QuoteMark {
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
            pixelSize: Theme.quoteSize * 1.15
            lineHeight: 1.2
            maximumLineCount: 6
        }
        LocalizedText {
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
