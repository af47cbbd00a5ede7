import QtQuick
import QtQuick.Shapes
import KioskBackend

// "Still there?": after the idle timeout, a calm countdown over the screen. Any touch keeps
// the visit (the touch guard takes it); when the ring empties the kiosk returns to the loop.
Rectangle {
    id: root

    required property Navigator navigator
    property real progress: 1

    objectName: "idleCountdown"
    // Dark enough that the panel beneath does not show through the question and its countdown.
    color: Qt.rgba(0, 0, 0, 0.9)
    opacity: navigator.countingDown ? 1 : 0
    visible: opacity > 0

    Behavior on opacity {
        NumberAnimation {
            duration: Theme.transitionMs
        }
    }

    NumberAnimation on progress {
        id: drain
        running: root.navigator.countingDown
        from: 1
        to: 0
        duration: root.navigator.countdownMs
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.px(1100))
        spacing: Theme.px(36)

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: root.navigator.words.still_there
            color: Theme.text
            font.family: Theme.headingFontFor(root.navigator.language)
            font.pixelSize: Theme.titleSize
        }

        Item {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.px(220)
            height: width

            Shape {
                anchors.fill: parent
                ShapePath {
                    strokeColor: Theme.accent
                    strokeWidth: Theme.px(14)
                    fillColor: "transparent"
                    capStyle: ShapePath.RoundCap
                    PathAngleArc {
                        centerX: Theme.px(110)
                        centerY: Theme.px(110)
                        radiusX: Theme.px(96)
                        radiusY: Theme.px(96)
                        startAngle: -90
                        sweepAngle: 360 * root.progress
                    }
                }
            }
            Text {
                objectName: "countdownSeconds"
                anchors.centerIn: parent
                text: Math.ceil(root.progress * root.navigator.countdownMs / 1000)
                color: Theme.text
                font.family: Theme.bodyFont
                font.pixelSize: Theme.px(84)
            }
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: root.navigator.words.still_there_hint
            color: Theme.muted
            font.family: Theme.fontFor(root.navigator.language)
            font.pixelSize: Theme.bodySize
        }

        KioskButton {
            objectName: "continueButton"
            anchors.horizontalCenter: parent.horizontalCenter
            label: root.navigator.words["continue"]
            labelLanguage: root.navigator.language
            highlighted: true
            onClicked: root.navigator.stillHere()
        }
    }

    // The scrim takes every touch so nothing under it reacts while it shows.
    MouseArea {
        anchors.fill: parent
        z: -1
        onPressed: root.navigator.stillHere()
    }
}
