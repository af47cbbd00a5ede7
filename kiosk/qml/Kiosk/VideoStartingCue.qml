import QtQuick
import QtQuick.Shapes

// Over a film's poster while a start the visitor asked for takes a moment (a 4K film opens a
// lead-in ahead of its excerpt, about a second): the big button's circle, with an arc turning
// round it. It comes only after `delay`, so that a quick start never flashes it.
Item {
    id: cue

    // The start is under way and no picture of it is on screen yet.
    property bool waiting: false
    property int delay: 300

    width: Theme.touch * 1.6
    height: width
    visible: false

    onWaitingChanged: if (!waiting)
        visible = false

    Timer {
        interval: cue.delay
        running: cue.waiting
        onTriggered: cue.visible = true
    }

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: Qt.rgba(0, 0, 0, 0.55)
        border.color: Qt.rgba(1, 1, 1, 0.35)
        border.width: Theme.px(3)
    }

    Shape {
        id: arc
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.text
            strokeWidth: Theme.px(6)
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: cue.width / 2
                centerY: cue.height / 2
                radiusX: cue.width / 2 - Theme.px(3)
                radiusY: radiusX
                startAngle: -90
                sweepAngle: 90
            }
        }
        RotationAnimator on rotation {
            from: 0
            to: 360
            duration: 1000
            loops: Animation.Infinite
            running: cue.visible
        }
    }
}
