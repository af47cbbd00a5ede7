pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// While nobody touches: the exhibition's chosen items one after another, each dissolving
// into the next only when the next is ready (gapless: the last frame holds until then),
// with the invitation to touch over them. A touch anywhere is taken by the touch guard
// (kiosk/ui/touch_guard.py), which wakes the kiosk; this view has no tap of its own.
Rectangle {
    id: loop

    required property AttractModel items
    required property InvitationModel invitations
    required property ExhibitionStore store
    property string filmWord: ""
    property bool running: false
    property int current: 0
    property int upcoming: -1
    property int leaving: -1
    property bool waiting: false
    readonly property int count: items.count
    // True once the item on screen has its first frame drawn (read by tests and the benchmark).
    property bool currentReady: false
    // How long before a film's end the next item prepares (a film: opened a lead-in ahead and
    // its first frame held, about a second at 2160p). Not earlier: a prepared film holds its
    // decoder's pictures, 230 MiB at 2160p, and two at once would double them.
    property int prepareAheadMs: 1500
    // The upcoming item is still dissolving out (a loop of two): it prepares once covered.
    property bool prepareWhenCovered: false

    objectName: "attractLoop"
    color: Theme.background

    function slideAt(index: int): AttractSlide {
        return slides.itemAt(index) as AttractSlide;
    }
    function restart() {
        currentReady = false;
        leaving = -1;
        prepareWhenCovered = false;
        current = 0;
        upcoming = count > 1 ? 1 : -1;
        waiting = false;
        Qt.callLater(startCurrent);
    }
    function startCurrent() {
        const slide = slideAt(current);
        if (!running || !slide)
            return;
        if (!slide.ready) {
            currentReady = false;
            waiting = true;
            slide.prepare();
            return;
        }
        waiting = false;
        currentReady = true;
        slide.start();
        if (!slide.ownsDuration)
            dwell.restart();
        // The next item readies itself while this one shows: at once after a picture, near the
        // end of a film (a film ended in an earlier round holds its last frame, not its first).
        // Memory short: after a film, only once it has ended (advance()), never beside it.
        if (upcoming !== -1 && upcoming !== current && (Theme.prepareFilmsAhead || !slide.ownsDuration)) {
            prepareNext.interval = slide.ownsDuration ? Math.max(0, slide.lengthMs - prepareAheadMs) : 0;
            prepareNext.restart();
        }
    }
    function prepareUpcoming() {
        const next = slideAt(upcoming);
        // Not while it still shows beneath the item dissolving in: a film would change from its
        // last frame to its first under the dissolve.
        prepareWhenCovered = running && upcoming === leaving;
        if (running && next && upcoming !== current && !prepareWhenCovered)
            next.prepare();
    }
    function advance() {
        if (!running)
            return;
        if (count < 2) {
            startCurrent(); // a lone film prepares again first: its last frame holds meanwhile
            return;
        }
        const next = slideAt(upcoming);
        if (next && next.ready) {
            switchToUpcoming();
        } else {
            waiting = true;
            prepareUpcoming();
        }
    }
    function switchToUpcoming() {
        waiting = false;
        leaving = current;
        current = upcoming;
        upcoming = (current + 1) % count;
        cleanup.restart();
        startCurrent();
    }
    function slideReady(index) {
        if (!waiting)
            return;
        // From a current item that has shown (a film that ended is no longer `ready`: its last
        // frame holds until the next dissolves over it).
        if (index === upcoming && leaving === -1 && currentReady)
            switchToUpcoming();
        else if (index === current)
            startCurrent();
    }

    onRunningChanged: {
        if (running) {
            restart();
        } else {
            dwell.stop();
            prepareNext.stop();
        }
    }
    onCountChanged: if (running)
        restart()

    Timer {
        id: dwell
        interval: loop.store.attractItemMs
        onTriggered: loop.advance()
    }
    Timer {
        id: prepareNext
        onTriggered: loop.prepareUpcoming()
    }
    Timer {
        id: cleanup
        interval: Theme.dissolveMs + 50
        onTriggered: {
            loop.leaving = -1;
            if (loop.prepareWhenCovered)
                loop.prepareUpcoming();
        }
    }

    Repeater {
        id: slides
        model: loop.items
        delegate: AttractSlide {
            required property int index
            required property var model
            width: loop.width
            height: loop.height
            item: model
            // The first item stays built even while visitors explore, so the loop comes
            // back with a picture on its very first frame.
            // The next one is built once the current one shows: built together, the two pictures
            // were decoded side by side, and the first frame of the loop waited for both.
            prepared: index === 0 || (loop.running && (index === loop.current || index === loop.leaving || (index === loop.upcoming && loop.currentReady)))
            shown: index === loop.current
            leaving: index === loop.leaving
            dissolveIn: loop.leaving !== -1 // set before `current` moves on: see switchToUpcoming()
            durationMs: loop.store.attractItemMs
            store: loop.store
            filmWord: loop.filmWord
            captionSpace: invitation.height
            // Later, not inside the change: starting the slide plays its film, whose state
            // feeds this very `ready` (a binding loop when the loop's first item is a film).
            // One function per slide: Qt.callLater runs a function once per turn, whatever its
            // arguments, and two slides may become ready in the same turn.
            function announceReady() {
                loop.slideReady(index);
            }
            onReadyChanged: if (ready)
                Qt.callLater(announceReady)
            onFinished: if (index === loop.current)
                loop.advance()
        }
    }

    Invitation {
        id: invitation
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 10
        invitations: loop.invitations
        running: loop.running
    }
}
