pragma ComponentBehavior: Bound
import QtQuick

// A text panel's body, block by block: paragraphs with a clear gap between them, list lines
// with their bullet and a hanging indent (a wrapped line stays under its item's text, not
// under the bullet). ``value`` is the body map {text, lang, fallback, rtl, blocks}.
// Layout mirroring (Arabic) puts the bullet and the indent on the right.
Column {
    id: root

    property var value
    property string note: ""
    property real pixelSize: Theme.bodySize
    property real lineHeight: 1.4
    readonly property string lang: value ? value.lang : "en"
    readonly property real paragraphGap: pixelSize * 0.9
    readonly property real itemGap: pixelSize * 0.3
    readonly property real indent: pixelSize * 1.3

    objectName: "bodyText"
    visible: value !== undefined && value !== null && value.text !== ""

    Repeater {
        model: root.value && root.value.blocks ? root.value.blocks : []
        delegate: Item {
            id: block
            required property var modelData
            required property int index
            readonly property bool listItem: modelData.kind === "item"
            objectName: (listItem ? "bodyItem_" : "bodyParagraph_") + index
            width: root.width
            height: line.y + line.height

            Text {
                objectName: "bodyBullet"
                visible: block.listItem
                anchors.left: parent.left
                anchors.top: line.top
                width: root.indent
                text: "\u2022"
                color: Theme.accent
                font: line.font
                lineHeight: root.lineHeight
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                id: line
                objectName: "bodyLine"
                anchors.left: parent.left
                anchors.leftMargin: block.listItem ? root.indent : 0
                anchors.right: parent.right
                y: block.modelData.gap === "paragraph" ? root.paragraphGap : (block.modelData.gap === "item" ? root.itemGap : 0)
                text: block.modelData.text
                textFormat: Text.StyledText
                color: Theme.text
                font.family: Theme.fontFor(root.lang)
                font.pixelSize: root.pixelSize
                lineHeight: root.lineHeight
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignLeft
            }
        }
    }
    Item {
        visible: root.value ? root.value.fallback === true : false
        width: tag.width
        height: tag.height + Theme.px(8)
        FallbackTag {
            id: tag
            y: Theme.px(8)
            language: root.lang
            note: root.note
        }
    }
}
