pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// A film excerpt inside the scene: frames from libVLC (ExcerptPlayer + VideoFrame), the
// poster before play and after the end, captions drawn by the kiosk, touch controls.
// Interface agreed with the presentation: see docs/video.md.
// The player and the frame item are made in Python (FilmParts), never declared here: PySide
// keeps the Python side of every object QML creates (kiosk/ui/video/parts.py says why).
Item {
    id: root

    // First: the bindings below read it.
    readonly property ExcerptPlayer excerpt: FilmParts.player(root)
    required property ExhibitionStore store
    required property string panelId
    required property string language
    // Muted, no controls, plays once: the attract loop's excerpt (and the sign-language inset).
    property bool attract: false
    // The panel's sign-language film in `language` instead of its excerpt (SignLanguageInset).
    property bool signLanguage: false
    // Prepare at once rather than after settling (see `current`): the first frame waits,
    // paused, behind the poster (costs a decoder while the panel is on screen).
    property bool preload: false
    // The panel is the one on screen: after a moment there, the excerpt prepares itself
    // behind the poster (ExcerptPlayer.settleMs), so that a tap starts it at once.
    property bool current: false
    // The panel is next to the one on screen: it prepares too, once the panel on screen decodes
    // nothing, so that a tap the moment the visitor arrives starts on the exact first frame.
    property bool neighbour: false
    // Room the host keeps at the bottom for its own overlay (the attract loop's invitation):
    // captions sit above it.
    property real captionMargin: attract ? Theme.px(230) : 0

    // Prepare as soon as the item is made. The attract loop asks for it itself instead, when
    // the excerpt's turn nears: two large films preparing at once hold two decoders' pictures.
    property bool prepareOnLoad: attract || preload

    // Attract: the excerpt's own first frame is held, or it plays on (or the film cannot play
    // and the poster stands in); an ended run's last frame is not ready to start from.
    // Otherwise: the poster or a frame is on screen.
    readonly property bool ready: root.excerpt.failed
        || (attract ? root.excerpt.runShown
                    : root.excerpt.hasFrame || poster.status === Image.Ready || poster.source.toString() === "")
    // A picture of the film is on screen (or the film cannot play): a host's stand-in hides.
    readonly property bool pictureShown: root.excerpt.failed || root.excerpt.hasFrame
    readonly property bool holdsIdle: root.excerpt.holdsIdle
    // The excerpt's length (ms): the host holds the idle timer for at most this and a margin.
    readonly property int duration: root.excerpt.duration
    readonly property string playerState: root.excerpt.state
    readonly property bool controlsShown: !attract && !root.excerpt.failed && root.excerpt.engaged

    signal finished
    signal started
    signal stopped(int watchedMs)

    function start() {
        root.excerpt.play();
    }
    // Hold the excerpt's first frame, paused, so that start() shows no gap.
    function prepare() {
        root.excerpt.prepare();
    }
    function stop() {
        root.excerpt.stop();
    }
    // The visitor left the panel: stop what they started, keep a prepared excerpt prepared.
    function leave() {
        root.excerpt.leave();
    }
    // Out of sight until it plays again: let go of the last picture (ExcerptPlayer.rest).
    function rest() {
        root.excerpt.rest();
    }

    objectName: "videoPlayer"
    clip: true

    Binding {
        target: root.excerpt
        property: "signLanguage"
        value: root.signLanguage
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "store"
        value: root.store
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "panelId"
        value: root.panelId
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "language"
        value: root.language
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "attract"
        value: root.attract
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "current"
        value: root.current
        restoreMode: Binding.RestoreNone
    }
    Binding {
        target: root.excerpt
        property: "neighbour"
        value: root.neighbour
        restoreMode: Binding.RestoreNone
    }
    Connections {
        target: root.excerpt
        function onStarted() {
            root.started();
        }
        function onStopped(watched) {
            root.stopped(watched);
        }
        function onFinished() {
            root.finished();
        }
        // The first frame appears at once; at the end the picture fades back to the poster
        // (set imperatively: a Behavior would also fade in, delaying the first frame).
        function onShowsFrameChanged() {
            fadeOut.stop();
            if (root.excerpt.showsFrame)
                frameHost.opacity = 1;
            else
                fadeOut.start();
        }
    }

    // The gapless attract loop shows us once ready (see prepareOnLoad).
    Component.onCompleted: if (prepareOnLoad)
        root.excerpt.prepare()
    Component.onDestruction: root.excerpt.release()

    Image {
        id: poster
        objectName: "videoPoster"
        anchors.fill: parent
        source: MediaProblems.isBroken(String(root.excerpt.posterUrl), MediaProblems.revision) ? "" : root.excerpt.posterUrl
        onStatusChanged: if (status === Image.Error)
            MediaProblems.report(String(root.excerpt.posterUrl))
        fillMode: Image.PreserveAspectFit
        visible: frameHost.opacity < 1  // not around a playing picture of another shape
        asynchronous: false
        cache: true
    }

    // The frame item (made in Python) paints inside this host, which fades.
    Item {
        id: frameHost
        objectName: "videoFrameHost"
        anchors.fill: parent
        visible: opacity > 0
        opacity: 0
        readonly property VideoFrame frame: FilmParts.frame(frameHost)
        Binding {
            target: frameHost.frame
            property: "player"
            value: root.excerpt
            restoreMode: Binding.RestoreNone
        }
        Binding {
            target: frameHost.frame
            property: "width"
            value: frameHost.width
            restoreMode: Binding.RestoreNone
        }
        Binding {
            target: frameHost.frame
            property: "height"
            value: frameHost.height
            restoreMode: Binding.RestoreNone
        }
        NumberAnimation on opacity {
            id: fadeOut
            running: false
            to: 0
            duration: root.attract ? 0 : 250
            onFinished: root.rest() // faded back to the poster: the picture is not needed
        }
    }

    // MouseAreas, not TapHandlers, everywhere here: a tap on a button must not also
    // reach the area behind it (TapHandler grabs passively, so both would toggle).
    MouseArea {
        objectName: "videoTapArea"
        anchors.fill: parent
        enabled: !root.attract && !root.excerpt.failed
        onClicked: root.excerpt.toggle()
    }

    // The big button over the poster (before play, paused, after the end).
    VideoPlayButton {
        objectName: "videoBigButton"
        visible: !root.attract && !root.excerpt.failed && !root.excerpt.playing
        anchors.centerIn: parent
        replay: root.excerpt.ended
        onTapped: root.excerpt.ended ? root.excerpt.replay() : root.excerpt.play()
    }

    VideoStartingCue {
        objectName: "videoStartingCue"
        anchors.centerIn: parent
        waiting: !root.attract && root.excerpt.state === "loading" && !root.excerpt.showsFrame
    }

    VideoCaption {
        objectName: "videoCaptionBand"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: (root.controlsShown ? Theme.touch + Theme.px(24) : 0) + root.captionMargin + Theme.px(20)
        maxWidth: root.width * 0.88
        text: root.excerpt.captionText
        rtl: root.excerpt.captionRtl
        fontFamily: root.excerpt.captionFont
        pixelSize: Math.max(Theme.px(40), Math.min(root.height * 0.055, Theme.px(64)))
        shown: root.excerpt.showsFrame && root.excerpt.captionText !== ""
    }

    VideoControls {
        id: controls
        objectName: "videoControls"
        visible: root.controlsShown
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        player: root.excerpt
    }

    // Why the film does not play (no libVLC, a corrupt file): said plainly over the poster.
    Rectangle {
        objectName: "videoNote"
        visible: root.excerpt.note !== ""
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.px(24)
        width: Math.min(parent.width * 0.9, noteText.implicitWidth + Theme.px(40))
        height: noteText.implicitHeight + Theme.px(24)
        radius: Theme.px(10)
        color: Qt.rgba(0, 0, 0, 0.75)
        Text {
            id: noteText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, root.width * 0.9 - Theme.px(40))
            text: root.excerpt.note
            color: Theme.text
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
