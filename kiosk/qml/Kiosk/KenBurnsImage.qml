import QtQuick
import KioskBackend

// A picture filling its frame, cropped around its focus point, slowly zooming toward it.
// ``ready`` is true once the picture is decoded (or known broken): the attract loop waits
// for it before it dissolves, so no frame is ever black.
Item {
    id: root

    property string source: ""
    property real focusX: 0.5
    property real focusY: 0.5
    property int durationMs: 9000
    property real zoom: 1.12
    readonly property bool knownBroken: MediaProblems.isBroken(source, MediaProblems.revision)
    readonly property bool broken: source === "" || knownBroken || image.status === Image.Error
    readonly property bool ready: broken || image.status === Image.Ready
    // The size the picture is decoded at: the screen's at full zoom, known from the start (an
    // attract item is as wide as the screen, and a crop scales by the larger of the two ratios).
    // Taken from the item's own size, it changed as the layout settled, and the picture was
    // decoded at each size on the way: three full-screen decodes per slide at startup.
    // A picture smaller than that is decoded at its own size: scaled up, it would cost more and
    // show nothing more (the zoom scales it on screen).
    readonly property size decodeSize: {
        const wanted = Qt.size(Math.ceil(Theme.windowWidth * zoom * Theme.pictureScale), Math.ceil(Theme.windowHeight * zoom * Theme.pictureScale));
        const own = PictureSizes.of(source);
        const larger = own.width > 0 && own.height > 0 && Math.max(wanted.width / own.width, wanted.height / own.height) >= 1;
        return larger ? own : wanted;
    }

    function start() {
        kenburns.restart();
    }
    function stop() {
        kenburns.stop();
    }

    clip: true

    // The share of the picture a crop may cut away to fill the frame. Past it, the whole picture
    // shows, centred, and its zoom stays inside the frame: it grows to the frame's size at its end.
    property real mostCropped: 0.4
    readonly property bool whole: image.fit

    Image {
        id: image
        objectName: "kenBurnsPicture"
        readonly property real ratio: implicitHeight > 0 ? implicitWidth / implicitHeight : 1
        readonly property real frameRatio: root.width / Math.max(1, root.height)
        readonly property bool wide: ratio > frameRatio
        // Cropping a landscape picture for a portrait screen (or the reverse) would cut away
        // most of it (and any words on it): past ``mostCropped`` lost, the whole picture shows.
        readonly property bool fit: Math.min(ratio / frameRatio, frameRatio / ratio) < 1 - root.mostCropped
        // Shown whole, it starts smaller by the zoom, so that zoomed it just fills the frame.
        readonly property real shrink: fit ? 1 / root.zoom : 1
        asynchronous: true
        source: root.knownBroken ? "" : root.source
        onStatusChanged: if (status === Image.Error)
            MediaProblems.report(root.source)
        // Decoded once at the size it will be shown at full zoom; the crop keeps its aspect.
        sourceSize: root.decodeSize
        fillMode: Image.PreserveAspectCrop
        smooth: true
        width: shrink * (fit ? (wide ? root.width : root.height * ratio) : (wide ? root.height * ratio : root.width))
        height: shrink * (fit ? (wide ? root.width / ratio : root.height) : (wide ? root.height : root.width / ratio))
        x: fit ? (root.width - width) / 2 : Math.max(root.width - width, Math.min(0, root.width / 2 - root.focusX * width))
        y: fit ? (root.height - height) / 2 : Math.max(root.height - height, Math.min(0, root.height / 2 - root.focusY * height))
        transform: Scale {
            id: scaling
            // A crop zooms toward the focus point; a whole picture about its centre, staying in the frame.
            origin.x: (image.fit ? 0.5 : root.focusX) * image.width
            origin.y: (image.fit ? 0.5 : root.focusY) * image.height
            xScale: 1
            yScale: xScale
        }
    }

    NumberAnimation {
        id: kenburns
        target: scaling
        property: "xScale"
        from: 1
        to: root.zoom
        duration: root.durationMs
        easing.type: Easing.InOutSine
    }

    Rectangle {
        anchors.fill: parent
        visible: root.broken
        color: Theme.surface
    }
}
