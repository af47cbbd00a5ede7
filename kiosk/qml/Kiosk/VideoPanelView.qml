import QtQuick
import KioskBackend

// A film excerpt: it plays here (VideoPlayer); whenever the player cannot, the poster and the
// title stand in its place.
Item {
    id: root

    required property var panel
    required property var words
    required property ExhibitionStore store
    required property Navigator navigator
    required property string language
    property bool isCurrent: false
    // Next to the panel on screen: the player prepares its excerpt behind the poster.
    property bool neighbour: false
    // Only the panel on screen holds the idle timer: a neighbour's player that a late libVLC
    // event set going again must not hold it for the panel the visitor is looking at.
    readonly property bool holdsIdle: isCurrent && player.holdsIdle

    objectName: "videoPanel"

    // Select on the keypad: play the excerpt, or pause it.
    function activate() {
        player.excerpt.toggle();
    }

    // Leaving stops a film the visitor started; an excerpt only prepared stays ready for a return.
    onIsCurrentChanged: if (!isCurrent)
        player.leave()
    // The navigator keeps the hold for the excerpt's length and a margin at most, and drops it
    // when the visitor leaves this panel: a player that never reports its end cannot keep
    // the kiosk from going back to its loop.
    onHoldsIdleChanged: navigator.holdIdle(holdsIdle, holdsIdle ? player.duration : 0)
    Component.onDestruction: if (holdsIdle)
        navigator.holdIdle(false, 0)

    PanelTitle {
        id: title
        width: parent.width
        value: root.panel.title
        note: root.words.not_translated
        pixelSize: Theme.titleSize * 0.8
    }

    Item {
        id: stage
        anchors.top: title.visible ? title.bottom : parent.top
        anchors.topMargin: title.visible ? Theme.gap : 0
        anchors.bottom: texts.top
        anchors.bottomMargin: Theme.gap
        width: parent.width

        MediaImage {
            id: poster
            objectName: "videoPoster"
            anchors.fill: parent
            visible: !player.ready
            source: root.panel.imageUrl
            problem: root.panel.imageProblem
            placeholderText: root.words.unavailable
        }

        VideoPlayer {
            id: player
            anchors.fill: parent
            store: root.store
            panelId: root.panel.panelId
            language: root.language
            current: root.isCurrent
            neighbour: root.neighbour
            onStarted: root.navigator.reportExcerptStarted(root.panel.panelId)
            onStopped: watchedMs => root.navigator.reportExcerptStopped(root.panel.panelId, watchedMs, root.panel.durationMs)
        }
    }

    Column {
        id: texts
        anchors.bottom: parent.bottom
        width: parent.width
        spacing: Theme.px(6)
        LocalizedText {
            width: parent.width
            value: root.panel.description
            maximumLineCount: 3
            note: root.words.not_translated
        }
        LocalizedText {
            width: parent.width
            value: root.panel.credit
            color: Theme.muted
            pixelSize: Theme.smallSize
            maximumLineCount: 2
            note: root.words.not_translated
        }
    }
}
