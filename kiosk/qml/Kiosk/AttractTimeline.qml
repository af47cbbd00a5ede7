pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Attract item: a timeline's dates appearing one after another along a line.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    property ExhibitionStore store
    property int revealed: 0
    ready: true

    function start() {
        revealed = 0;
        reveal.restart();
    }

    color: Theme.background

    LocalizedText {
        id: heading
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin * 1.5
        width: parent.width - 3 * Theme.margin
        value: root.item.title
        heading: true
        pixelSize: Theme.titleSize * 1.1
    }

    Rectangle {
        id: line
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin * 1.5
        y: parent.height * 0.45
        height: Theme.px(4)
        color: Qt.lighter(Theme.surface, 1.8)
    }

    Row {
        anchors.left: line.left
        anchors.right: line.right
        y: line.y - Theme.px(9)

        Repeater {
            model: TimelineModel {
                id: events
                store: root.store
                panelId: root.item.panelId
                language: root.item.language
            }
            delegate: Column {
                id: moment
                required property int index
                required property var date
                required property var title
                width: line.width / Math.max(1, events.count)
                spacing: Theme.px(16)
                opacity: moment.index < root.revealed ? 1 : 0
                Behavior on opacity {
                    NumberAnimation {
                        duration: 700
                    }
                }
                Rectangle {
                    width: Theme.px(22)
                    height: width
                    radius: width / 2
                    color: Theme.accent
                }
                LocalizedText {
                    width: parent.width - Theme.gap
                    value: moment.date
                    heading: true
                    color: Theme.accent
                    pixelSize: Theme.titleSize * 0.8
                    weight: Font.Bold
                }
                LocalizedText {
                    width: parent.width - Theme.gap
                    value: moment.title
                    pixelSize: Theme.bodySize
                    maximumLineCount: 3
                }
            }
        }
    }

    Timer {
        id: reveal
        interval: Math.max(400, root.durationMs / Math.max(1, events.count + 1))
        repeat: true
        onTriggered: {
            root.revealed += 1;
            if (root.revealed >= events.count)
                stop();
        }
    }
}
