import QtQuick
import QtQuick.Shapes
import KioskBackend

// The staff layer over everything. Closed, it is invisible and takes no touch except in one
// corner, where a long press (3 s) opens the PIN pad. A faint ring appears only after the
// first second, so staff see the press register and a visitor resting a hand sees nothing.
Item {
    id: overlay
    objectName: "staffOverlay"
    // Staff screens read left to right whatever language visitors chose.
    LayoutMirroring.enabled: false
    LayoutMirroring.childrenInherit: true

    required property StaffViewModel staff
    // Injectable so that tests hold the corner for milliseconds.
    property int holdDuration: 3000
    property int ringDelay: 1000
    property int corner: Qt.TopLeftCorner
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    property real hotZoneSize: Math.max(Math.round(15 * mm), 72)
    property real holdProgress: 0
    readonly property bool rightSide: corner === Qt.TopRightCorner || corner === Qt.BottomRightCorner
    readonly property bool bottomSide: corner === Qt.BottomLeftCorner || corner === Qt.BottomRightCorner

    function cancelHold() {
        holdTimer.stop();
        ringAnimation.stop();
        holdProgress = 0;
    }

    MouseArea {
        id: hotZone
        objectName: "staffHotZone"
        x: overlay.rightSide ? overlay.width - width : 0
        y: overlay.bottomSide ? overlay.height - height : 0
        width: overlay.hotZoneSize
        height: overlay.hotZoneSize
        enabled: overlay.staff.stage === "closed"
        onPressed: {
            holdTimer.restart();
            ringAnimation.restart();
        }
        onReleased: overlay.cancelHold()
        onCanceled: overlay.cancelHold()
    }

    Timer {
        id: holdTimer
        interval: overlay.holdDuration
        onTriggered: {
            overlay.cancelHold();
            overlay.staff.requestAccess();
        }
    }

    NumberAnimation {
        id: ringAnimation
        target: overlay
        property: "holdProgress"
        from: 0
        to: 1
        duration: overlay.holdDuration
    }

    Shape {
        id: ring
        objectName: "staffHoldRing"
        readonly property real radius: hotZone.width * 0.32
        x: hotZone.x + hotZone.width / 2 - radius
        y: hotZone.y + hotZone.height / 2 - radius
        width: radius * 2
        height: radius * 2
        visible: hotZone.pressed && overlay.holdProgress * overlay.holdDuration >= overlay.ringDelay
        opacity: 0.55

        ShapePath {
            strokeColor: "#F4F1EA"
            strokeWidth: Math.max(2, ring.radius * 0.12)
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap

            PathAngleArc {
                centerX: ring.radius
                centerY: ring.radius
                radiusX: ring.radius * 0.9
                radiusY: ring.radius * 0.9
                startAngle: -90
                // The ring fills over the time left after it appears.
                sweepAngle: 360 * Math.max(0, (overlay.holdProgress * overlay.holdDuration - overlay.ringDelay)
                                                / Math.max(1, overlay.holdDuration - overlay.ringDelay))
            }
        }
    }

    // Behind the pad and panel: dims the exhibition and keeps visitors' touches off it.
    Rectangle {
        objectName: "staffScrim"
        anchors.fill: parent
        visible: overlay.staff.stage !== "closed"
        color: "#E6101216"

        MouseArea {
            anchors.fill: parent
            onPressed: overlay.staff.touched()
        }
    }

    PinPad {
        anchors.centerIn: parent
        visible: overlay.staff.stage === "pin"
        staff: overlay.staff
    }

    StaffPanel {
        anchors.fill: parent
        visible: overlay.staff.stage === "panel"
        staff: overlay.staff
    }
}
