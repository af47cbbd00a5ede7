import QtQuick
import KioskBackend

// A picture full screen: pinch (or the mouse wheel) zooms, a drag pans when zoomed,
// a double tap goes back to the whole picture; the close button sits at the bottom.
Rectangle {
    id: viewer

    required property Navigator navigator
    property string source: ""
    property var alt
    readonly property bool opened: state === "open"

    function open(src, description) {
        source = src;
        alt = description;
        reset();
        state = "open";
    }
    function close() {
        state = "";
    }
    function reset() {
        zoom = 1;
        picture.scale = 1;
        picture.x = 0;
        picture.y = 0;
    }
    // Zoom without a pinch (the buttons and the keypad), about the centre of the screen.
    function zoomBy(factor) {
        // From the target while the Behavior animates (reads give the old value), else from the
        // scale a pinch or the wheel left.
        const from = zoomAnimation.running ? zoom : picture.scale;
        zoom = Math.max(1, Math.min(6, from * factor));
        if (zoom <= 1.01)
            reset();
        else
            picture.scale = zoom;
    }
    property real zoom: 1

    onOpenedChanged: if (Theme.access)
        Theme.access.setViewerOpen(opened)
    Connections {
        target: Theme.access
        enabled: viewer.opened
        function onViewerAction(name) {
            if (name === "zoom_in")
                viewer.zoomBy(1.5);
            else if (name === "zoom_out")
                viewer.zoomBy(1 / 1.5);
            else
                viewer.close();
        }
    }

    objectName: "imageViewer"
    color: "#000000"
    opacity: 0
    visible: opacity > 0
    states: State {
        name: "open"
        PropertyChanges {
            viewer.opacity: 1
        }
    }
    transitions: Transition {
        NumberAnimation {
            property: "opacity"
            duration: Theme.transitionMs
        }
    }

    // Leaving the chapter (home, idle) closes the viewer.
    Connections {
        target: viewer.navigator
        function onStateChanged() {
            if (viewer.navigator.screen !== "chapter")
                viewer.close();
        }
    }

    // Takes every touch the picture's handlers do not, so nothing under the viewer reacts.
    MouseArea {
        anchors.fill: parent
        enabled: viewer.opened
    }

    Item {
        id: viewport
        anchors.fill: parent
        clip: true

        Image {
            id: picture
            objectName: "viewerImage"
            width: viewport.width
            height: viewport.height
            asynchronous: true
            source: viewer.visible && !MediaProblems.isBroken(viewer.source, MediaProblems.revision) ? viewer.source : ""
            onStatusChanged: if (status === Image.Error)
                MediaProblems.report(viewer.source)
            // Decoded at twice the screen, so zooming in stays sharp without decoding a poster-size file.
            sourceSize: Qt.size(viewport.width * 2 * Theme.pictureScale, viewport.height * 2 * Theme.pictureScale)
            fillMode: Image.PreserveAspectFit
            smooth: true
            Accessible.name: viewer.alt ? viewer.alt.text : ""

            Behavior on scale {
                enabled: !pinch.active
                NumberAnimation {
                    id: zoomAnimation
                    duration: Theme.transitionMs
                    easing.type: Easing.OutCubic
                }
            }
        }

        PinchHandler {
            id: pinch
            objectName: "viewerPinch"
            target: picture
            rotationAxis.enabled: false
            scaleAxis.minimum: 1
            scaleAxis.maximum: 6
        }
        DragHandler {
            objectName: "viewerPan"
            target: picture
            enabled: picture.scale > 1.01
        }
        WheelHandler {
            target: picture
            property: "scale"
            targetScaleMultiplier: 1.2
            acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
        }
        TapHandler {
            objectName: "viewerDoubleTap"
            onDoubleTapped: viewer.reset()
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Theme.touch + Theme.px(60)
        color: Qt.rgba(0, 0, 0, 0.6)

        Text {
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            anchors.right: close.left
            anchors.verticalCenter: parent.verticalCenter
            text: viewer.navigator.words.zoom_hint
            color: Theme.muted
            elide: Text.ElideRight
            font.family: Theme.fontFor(viewer.navigator.language)
            font.pixelSize: Theme.smallSize
        }
        Row {
            id: close
            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(14)
            KioskButton {
                objectName: "zoomInButton"
                icon: "plus"
                label: viewer.navigator.words.zoom_in
                showLabel: false
                focusName: "zoom_in"
                onClicked: viewer.zoomBy(1.5)
            }
            KioskButton {
                objectName: "zoomOutButton"
                icon: "minus"
                label: viewer.navigator.words.zoom_out
                showLabel: false
                enabled: viewer.zoom > 1.01 || picture.scale > 1.01
                focusName: "zoom_out"
                onClicked: viewer.zoomBy(1 / 1.5)
            }
            KioskButton {
                objectName: "closeViewerButton"
                icon: "close"
                label: viewer.navigator.words.close
                labelLanguage: viewer.navigator.language
                focusName: "close_viewer"
                onClicked: viewer.close()
            }
        }
    }
}
