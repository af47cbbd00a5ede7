pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// One attract item, of whatever kind, behind the common contract: ``ready`` once its first
// frame can show, ``start()`` to begin its motion. The loop builds it hidden while the
// previous item shows and dissolves to it only once it is ready.
Item {
    id: slide

    required property var item
    property bool prepared: false
    property bool shown: false
    property bool leaving: false
    property int durationMs: 9000
    required property ExhibitionStore store
    property string filmWord: ""
    // Room kept free at the bottom for the invitation to touch.
    property real captionSpace: Theme.px(230)
    readonly property AttractItem shownItem: loader.item as AttractItem
    readonly property bool ready: shownItem !== null && shownItem.ready
    readonly property bool ownsDuration: shownItem !== null && shownItem.ownsDuration
    readonly property int lengthMs: shownItem !== null ? shownItem.lengthMs : 0
    signal finished

    function start() {
        if (shownItem)
            shownItem.start();
    }
    function prepare() {
        if (shownItem)
            shownItem.prepare();
    }
    // Covered by the next item once the dissolve is over (the loop sets `leaving` before it
    // moves `shown` on, and clears it after): what this item holds is not seen until its next turn.
    onLeavingChanged: if (!leaving && !shown && shownItem)
        shownItem.rest()

    objectName: "attractSlide_" + (item ? item.panelId : "")
    visible: prepared && opacity > 0
    // The new item fades in over the old one, which stays fully drawn beneath it until the
    // dissolve ends: the screen never dips to the background between two items.
    opacity: shown || leaving ? 1 : 0
    z: shown ? 2 : (leaving ? 1 : 0)
    LayoutMirroring.enabled: item ? item.rtl === true : false
    LayoutMirroring.childrenInherit: true

    Behavior on opacity {
        enabled: slide.shown
        NumberAnimation {
            duration: Theme.dissolveMs
            easing.type: Easing.InOutQuad
        }
    }

    Loader {
        id: loader
        anchors.fill: parent
        active: slide.prepared
        sourceComponent: {
            switch (slide.item ? slide.item.kind : "") {
            case "image":
                return imageItem;
            case "quote":
                return quoteItem;
            case "timeline":
                return timelineItem;
            case "video":
                return videoItem;
            default:
                return titleItem;
            }
        }
    }

    Connections {
        target: slide.shownItem
        ignoreUnknownSignals: true
        function onFinished() {
            slide.finished();
        }
    }

    Component {
        id: imageItem
        AttractImage {
            item: slide.item
            captionSpace: slide.captionSpace
            durationMs: slide.durationMs
        }
    }
    Component {
        id: quoteItem
        AttractQuote {
            item: slide.item
            durationMs: slide.durationMs
        }
    }
    Component {
        id: timelineItem
        AttractTimeline {
            item: slide.item
            durationMs: slide.durationMs
            store: slide.store
        }
    }
    Component {
        id: videoItem
        AttractVideo {
            item: slide.item
            captionSpace: slide.captionSpace
            durationMs: slide.durationMs
            store: slide.store
            filmWord: slide.filmWord
        }
    }
    Component {
        id: titleItem
        AttractTitle {
            item: slide.item
            captionSpace: slide.captionSpace
            durationMs: slide.durationMs
        }
    }
}
