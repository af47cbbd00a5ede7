import QtQuick

// A large touch button: an icon, a label or both. Tapping works with a finger or a mouse;
// a drag that starts on it is a swipe, not a tap (TapHandler's drag threshold).
Rectangle {
    id: button

    property string icon: ""
    property string label: ""
    property string labelLanguage: "en"
    property bool highlighted: false
    property bool showLabel: label !== ""
    property real size: Theme.touch
    // Its name in the keypad's focus order: the focus ring shows around it when it has the focus.
    property string focusName: ""
    signal clicked

    implicitHeight: size
    implicitWidth: showLabel ? Math.max(size, content.implicitWidth + Theme.px(44)) : size
    radius: height / 2
    color: highlighted ? Theme.accent : (tap.pressed ? Qt.lighter(Theme.surface, 1.5) : Theme.surface)
    border.width: Math.max(1, Theme.px(2))
    border.color: highlighted ? Theme.accent : Theme.outline
    opacity: enabled ? 1 : 0.35
    scale: tap.pressed ? 0.96 : 1
    Accessible.role: Accessible.Button
    Accessible.name: label

    Behavior on scale {
        NumberAnimation {
            duration: 90
        }
    }

    Row {
        id: content
        anchors.centerIn: parent
        spacing: Theme.px(12)

        Icon {
            name: button.icon
            visible: button.icon !== ""
            width: button.size * 0.42
            height: width
            anchors.verticalCenter: parent.verticalCenter
            color: button.highlighted ? Theme.onAccent : Theme.text
        }
        Text {
            visible: button.showLabel
            text: button.label
            anchors.verticalCenter: parent.verticalCenter
            color: button.highlighted ? Theme.onAccent : Theme.text
            font.family: Theme.fontFor(button.labelLanguage)
            font.pixelSize: Math.min(Theme.labelSize, button.size * 0.36)
            font.weight: Font.DemiBold
        }
    }

    FocusRing {
        name: button.focusName
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.clicked()
    }
}
