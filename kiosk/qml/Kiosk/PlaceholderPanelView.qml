import QtQuick

// Stands in for a panel the loader could not read: visitors see a calm notice, staff see
// what is wrong, in small print.
Item {
    id: root

    property var panel
    property var words

    objectName: "placeholderPanel"

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width, Theme.px(1300))
        spacing: Theme.gap

        PanelTitle {
            width: parent.width
            value: root.panel.title
            note: root.words.not_translated
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: root.words.unavailable
            color: Theme.text
            font.family: Theme.fontFor(root.panel.title.lang)
            font.pixelSize: Theme.bodySize
        }
        Text {
            objectName: "placeholderProblems"
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: root.panel.problems
            color: Theme.muted
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Theme.smallSize * 0.8
            // File paths and YAML keys read left to right in every layout.
            LayoutMirroring.enabled: false
            horizontalAlignment: Text.AlignLeft
        }
    }
}
