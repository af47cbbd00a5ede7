import QtQuick

// Words someone said, large, with who said them and when.
Item {
    id: root

    property var panel
    property var words

    objectName: "quotePanel"

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
                pixelSize: Theme.quoteSize
                lineHeight: 1.25
                note: root.words.not_translated
            }
            Item {
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
                width: parent.width
                value: root.panel.who
                pixelSize: Theme.bodySize * 1.1
                weight: Font.DemiBold
                note: root.words.not_translated
            }
            LocalizedText {
                width: parent.width
                value: root.panel.when
                color: Theme.muted
                pixelSize: Theme.smallSize
                note: root.words.not_translated
            }
        }
    }
}
