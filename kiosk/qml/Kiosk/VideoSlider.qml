import QtQuick

// A touch-sized slider: tap or drag anywhere on it.
Item {
    id: slider
    property real value: 0
    signal moved(real fraction)
    height: Theme.touch
    Rectangle {
        id: track
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width
        height: Theme.px(8)
        radius: height / 2
        color: Qt.rgba(1, 1, 1, 0.3)
        Rectangle {
            width: parent.width * Math.max(0, Math.min(1, slider.value))
            height: parent.height
            radius: parent.radius
            color: Theme.accent
        }
    }
    Rectangle {
        x: track.width * Math.max(0, Math.min(1, slider.value)) - width / 2
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.px(34)
        height: width
        radius: width / 2
        color: Theme.text
    }
    MouseArea {
        anchors.fill: parent
        preventStealing: true
        function report(mouse) {
            slider.moved(Math.max(0, Math.min(1, mouse.x / width)));
        }
        onPressed: mouse => report(mouse)
        onPositionChanged: mouse => report(mouse)
    }
}
