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
    // An item leaves beneath this one: it dissolves in when shown (the loop's first item shows at once).
    property bool dissolveIn: false
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
    onLeavingChanged: {
        if (leaving) {
            if (!fadeIn.running)
                opacity = 1;
        } else if (!shown) {
            fadeIn.stop();
            opacity = 0;
            if (shownItem)
                shownItem.rest();
        }
    }
    // The new item fades in over the old one, which stays fully drawn beneath it until the
    // dissolve ends: the screen never dips to the background between two items. Set here, not
    // by a Behavior enabled while `shown`: that Behavior's `enabled` was re-evaluated after the
    // opacity it was to animate, and every switch was a cut (measured: opacity 1 at once).
    onShownChanged: {
        if (shown && dissolveIn) {
            opacity = 0;
            fadeIn.restart();
        } else if (shown) {
            fadeIn.stop();
            opacity = 1;
        } else if (!leaving) {
            fadeIn.stop();
            opacity = 0;
        }
    }
    Component.onCompleted: opacity = shown || leaving ? 1 : 0

    objectName: "attractSlide_" + (item ? item.panelId : "")
    visible: prepared && opacity > 0
    opacity: 0
    z: shown ? 2 : (leaving ? 1 : 0)
    LayoutMirroring.enabled: item ? item.rtl === true : false
    LayoutMirroring.childrenInherit: true

    NumberAnimation {
        id: fadeIn
        target: slide
        property: "opacity"
        to: 1
        duration: Theme.dissolveMs
        easing.type: Easing.InOutQuad
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
            captionSpace: slide.captionSpace
            durationMs: slide.durationMs
        }
    }
    Component {
        id: timelineItem
        AttractTimeline {
            item: slide.item
            captionSpace: slide.captionSpace
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
