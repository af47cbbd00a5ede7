pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// The invitation to touch, in every exhibition language at once, each in its own script,
// beside a slowly pulsing ring.
Item {
    id: root

    required property InvitationModel invitations
    property bool running: false

    objectName: "invitation"
    implicitHeight: texts.height + Theme.px(110)

    Rectangle {
        anchors.fill: parent
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 0.35
                color: Qt.rgba(0, 0, 0, 0.72)
            }
            GradientStop {
                position: 1
                color: Qt.rgba(0, 0, 0, 0.92)
            }
        }
    }

    Item {
        id: ring
        anchors.left: parent.left
        anchors.leftMargin: Theme.margin * 1.5
        anchors.verticalCenter: texts.verticalCenter
        width: Theme.px(88)
        height: width

        Rectangle {
            anchors.centerIn: parent
            width: Theme.px(34)
            height: width
            radius: width / 2
            color: Theme.accent
        }
        Rectangle {
            id: pulse
            anchors.centerIn: parent
            width: parent.width
            height: width
            radius: width / 2
            color: "transparent"
            border.color: Theme.accent
            border.width: Theme.px(4)
            scale: 0.5
            SequentialAnimation on scale {
                running: root.running
                loops: Animation.Infinite
                NumberAnimation {
                    from: 0.45
                    to: 1.1
                    duration: 1800
                    easing.type: Easing.OutCubic
                }
                PauseAnimation {
                    duration: 600
                }
            }
            opacity: 1.2 - scale
        }
    }

    // One line per language, so that no invitation ever wraps into another.
    Column {
        id: texts
        anchors.left: ring.right
        anchors.leftMargin: Theme.px(30)
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.px(44)
        spacing: Theme.px(4)

        Repeater {
            model: root.invitations
            delegate: Text {
                required property string code
                required property var model
                objectName: "invitation_" + code
                width: texts.width
                text: model.text
                elide: Text.ElideRight
                // Every line starts at the ring, Arabic too: one column, read at a glance.
                horizontalAlignment: Text.AlignLeft
                color: "#FFFFFF"
                font.family: Theme.fontFor(code)
                font.pixelSize: Theme.titleSize * 0.62
                font.weight: Font.DemiBold
            }
        }
    }
}
