import QtQuick
import QtQml.Models
import KioskBackend

// The panels of a chapter side by side. The strip follows the finger (or the mouse) and,
// on release, moves one panel if the drag went past a distance threshold or ended in a
// flick, else snaps back, as on a phone. Right to left, panels run the other way.
Item {
    id: strip

    required property PanelModel panels
    required property Navigator navigator
    required property ExhibitionStore store
    readonly property int current: navigator.panelIndex
    readonly property real direction: navigator.rtl ? -1 : 1
    // Past this share of the width, or this speed, a release moves to the next panel.
    property real distanceThreshold: 0.2
    property real flickVelocity: Theme.px(900)
    property real drag: 0
    // Recent (time, translation) samples: the release velocity over the last 100 ms, in
    // wall time, whatever timestamps the touch driver puts on its events.
    property var samples: []
    property bool animated: false
    readonly property bool moving: dragHandler.active || slide.running
    // The panel the strip last came to rest on. Neighbours are built around it, once the slide
    // has ended: building a panel mid-slide would cost the slide a frame.
    property int settled: 0
    signal openImage(string source, var alt)

    objectName: "panelStrip"
    clip: true

    function settle(velocity) {
        // Forward = towards the next panel: a leftward drag in LTR, rightward in RTL.
        const forward = -strip.drag * strip.direction;
        const speed = -velocity * strip.direction;
        strip.animated = true;
        let moved = false;
        if ((forward > width * distanceThreshold || speed > flickVelocity) && current < panels.count - 1)
            moved = navigator.next();
        else if ((forward < -width * distanceThreshold || speed < -flickVelocity) && current > 0)
            moved = navigator.previous();
        strip.drag = 0;
        return moved;
    }

    onCurrentChanged: settleTimer.restart()
    Timer {
        id: settleTimer
        interval: Theme.transitionMs + 40
        onTriggered: strip.settled = strip.current
    }

    // A change of reading direction re-lays the strip in place, without sliding across it.
    onDirectionChanged: {
        strip.animated = false;
        Qt.callLater(() => strip.animated = true);
    }

    // A new chapter opens in place; only moves within a chapter slide.
    Connections {
        target: strip.panels
        function onModelReset() {
            strip.settled = strip.current;
            strip.animated = false;
            Qt.callLater(() => strip.animated = true);
        }
    }
    // New rows (a chapter opened, a reload): their delegates, once the delegate model has them.
    Connections {
        target: panelsInView.items
        function onChanged(removed: var, inserted: var) {
            if (inserted.length > 0)
                strip.keepNear();
        }
    }

    // Delegates exist for the panels near the strip's position only: the one shown and those
    // beside the panel it rests on (the same that PanelView builds). A chapter of a thousand
    // panels makes three or four, not a thousand (docs/decisions/0062).
    readonly property var nearIndexes: [current, settled - 1, settled, settled + 1]
    onNearIndexesChanged: keepNear()
    function keepNear() {
        const count = panelsInView.items.count;
        const wanted = nearIndexes.filter(i => i >= 0 && i < count);
        for (let n = nearGroup.count - 1; n >= 0; --n) {
            if (wanted.indexOf(nearGroup.get(n).itemsIndex) < 0)
                nearGroup.remove(n, 1);
        }
        for (const i of wanted) {
            if (!panelsInView.items.get(i).inNear)
                panelsInView.items.addGroups(i, 1, "near");
        }
    }

    Item {
        id: row
        width: strip.width
        height: strip.height
        x: -strip.direction * strip.current * strip.width + strip.drag

        Behavior on x {
            enabled: strip.animated && !dragHandler.active
            NumberAnimation {
                id: slide
                duration: Theme.transitionMs
                easing.type: Easing.OutCubic
            }
        }

        // Not `pragma ComponentBehavior: Bound` here: with it the delegates' model objects were
        // destroyed at a model reset before the panel views that read them, and those views
        // warned (a chapter opening, a reload). So the delegate reads the strip unqualified.
        // qmllint disable unqualified
        DelegateModel {
            id: panelsInView
            model: strip.panels
            groups: DelegateModelGroup {
                id: nearGroup
                name: "near"
            }
            filterOnGroup: "near"
            delegate: PanelView {
                // The panel's place in the chapter (not among the delegates made).
                readonly property int index: DelegateModel.itemsIndex
                required property var model
                x: strip.direction * index * strip.width
                width: strip.width
                height: strip.height
                panel: model
                near: index === strip.current || Math.abs(index - strip.settled) <= 1
                isCurrent: index === strip.current
                // Next to the panel the strip rests on: a film there prepares its excerpt, so
                // that a tap the moment the visitor arrives starts it on its exact first frame.
                neighbour: index !== strip.current && Math.abs(index - strip.settled) === 1
                store: strip.store
                navigator: strip.navigator
                onOpenImage: (source, alt) => strip.openImage(source, alt)
            }
        }
        Repeater {
            model: panelsInView
        }
        // qmllint enable unqualified
    }

    DragHandler {
        id: dragHandler
        objectName: "swipeHandler"
        target: null
        yAxis.enabled: false
        onTranslationChanged: {
            const dx = translation.x;
            const now = Date.now();
            strip.samples = strip.samples.filter(s => now - s[0] <= 100).concat([[now, dx]]);
            const forward = -dx * strip.direction;
            const atEnd = (forward > 0 && strip.current >= strip.panels.count - 1) || (forward < 0 && strip.current <= 0);
            // Past the first or last panel the strip resists, like a rubber band.
            strip.drag = atEnd ? dx * 0.25 : dx;
        }
        onActiveChanged: {
            if (active) {
                strip.samples = [];
                return;
            }
            const now = Date.now();
            const recent = strip.samples.filter(s => now - s[0] <= 100);
            const first = recent.length > 0 ? recent[0] : [now, 0];
            const last = recent.length > 0 ? recent[recent.length - 1] : first;
            const elapsed = Math.max(16, now - first[0]);
            strip.settle(recent.length > 1 ? (last[1] - first[1]) * 1000 / elapsed : 0);
        }
    }
}
