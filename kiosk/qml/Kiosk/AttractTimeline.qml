pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Attract item: a timeline's moments appearing one after another, each with its date and what
// happened (its title, and its words), above the invitation to touch. Along a line across the
// screen where each moment has room for its words beside the others; down the screen where the
// columns would be too narrow (a portrait screen), the date beside the words.
AttractItem {
    id: root

    property var item
    property int durationMs: 9000
    property ExhibitionStore store
    property int revealed: 0
    // Room kept free at the bottom for the invitation to touch.
    property real captionSpace: Theme.px(230)
    readonly property real across: width - 3 * Theme.margin
    readonly property bool downward: across / Math.max(1, events.count) < Theme.px(260)
    // Read from a distance: as large as body text where the moments run down the screen.
    readonly property real wordsSize: downward ? Theme.bodySize : Theme.bodySize * 0.85
    readonly property real lineHeight: wordsMetrics.height * 1.25
    readonly property real roomBelow: height - captionSpace - Theme.px(24) - moments.y
    // The lines each moment's words may take: across, as many as fit under the tallest date and
    // title; down the screen, each moment's share of the room.
    readonly property int wordsLines: Math.max(1, Math.floor(downward
        ? (roomBelow / Math.max(1, events.count) - moments.spacing - moments.tallestTitle) / lineHeight
        : (roomBelow - moments.tallestHead) / lineHeight))
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
        width: root.across
        value: root.item.title
        heading: true
        pixelSize: Theme.titleSize * 1.1
    }

    // The line the dots sit on: across under the heading, or down through the dots.
    Rectangle {
        id: line
        // Down the screen, through the dots: at the start of each moment, the right in Arabic.
        readonly property real dotCentre: root.item.rtl === true ? moments.width - Theme.px(11) : Theme.px(11)
        x: root.downward ? moments.x + dotCentre - width / 2 : moments.x
        y: root.downward ? moments.y + Theme.px(11) : moments.y + Theme.px(9)
        width: root.downward ? Theme.px(4) : root.across
        height: root.downward ? Math.max(0, moments.height - Theme.px(22)) : Theme.px(4)
        color: Qt.lighter(Theme.surface, 1.8)
    }

    FontMetrics {
        id: wordsMetrics
        font.family: Theme.fontFor(root.item.language)
        font.pixelSize: root.wordsSize
    }

    Grid {
        id: moments
        // The height of the tallest date and title, and of the tallest title alone: the words
        // start under them.
        property real tallestHead: 0
        property real tallestTitle: 0
        x: Theme.margin * 1.5
        // Under the heading, leaving the words below it the most room.
        y: Math.min(root.height * 0.45, heading.y + heading.height + Theme.px(110))
        width: root.across
        columns: root.downward ? 1 : Math.max(1, events.count)
        spacing: root.downward ? Theme.px(40) : 0

        Repeater {
            model: TimelineModel {
                id: events
                store: root.store
                panelId: root.item.panelId
                language: root.item.language
            }
            delegate: Grid {
                id: moment
                objectName: "attractMoment"
                required property int index
                required property var date
                required property var title
                required property var text
                readonly property real headHeight: body.y + words.y
                readonly property real columnWidth: root.downward ? root.across : root.across / Math.max(1, events.count)
                readonly property real dateWidth: root.downward ? Theme.px(200) : columnWidth
                onHeadHeightChanged: moments.tallestHead = Math.max(moments.tallestHead, headHeight)
                columns: root.downward ? 2 : 1
                rowSpacing: Theme.px(16)
                opacity: moment.index < root.revealed ? 1 : 0
                Behavior on opacity {
                    NumberAnimation {
                        duration: 700
                    }
                }

                Grid {
                    id: head
                    width: moment.dateWidth
                    columns: root.downward ? 2 : 1
                    rowSpacing: Theme.px(16)
                    columnSpacing: Theme.px(22)
                    verticalItemAlignment: Grid.AlignVCenter
                    Rectangle {
                        width: Theme.px(22)
                        height: width
                        radius: width / 2
                        color: Theme.accent
                    }
                    LocalizedText {
                        width: head.width - Theme.gap - (root.downward ? Theme.px(44) : 0)
                        value: moment.date
                        heading: true
                        color: Theme.accent
                        pixelSize: Theme.titleSize * 0.8
                        weight: Font.Bold
                    }
                }
                Column {
                    id: body
                    width: moment.columnWidth - (root.downward ? moment.dateWidth : 0) - Theme.gap
                    spacing: Theme.px(8)
                    LocalizedText {
                        id: titleText
                        width: parent.width
                        value: moment.title
                        pixelSize: Theme.bodySize
                        maximumLineCount: 3
                        onHeightChanged: moments.tallestTitle = Math.max(moments.tallestTitle, visible ? height : 0)
                    }
                    LocalizedText {
                        id: words
                        objectName: "attractMomentWords"
                        width: parent.width
                        value: moment.text
                        color: Theme.muted
                        pixelSize: root.wordsSize
                        maximumLineCount: root.wordsLines
                    }
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
