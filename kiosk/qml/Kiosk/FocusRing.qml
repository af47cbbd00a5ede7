import QtQuick

// The keypad's focus: a thick ring in the accent colour (3:1 against every surface, checked by
// tests/theme) around the control that has it. Drawn only once a visitor uses the keys.
Rectangle {
    id: ring

    // The control's name in the keypad's focus order (kiosk/navigation/keys.py).
    property string name: ""
    // Drawn outside the control, or inside it when the control clips what it holds (a tile).
    property bool outside: true
    readonly property real gap: outside ? -Theme.focusRingWidth * 1.6 : 0
    readonly property bool shown: name !== "" && Theme.focusName === name

    objectName: "focusRing_" + name
    visible: shown
    anchors.fill: parent
    anchors.margins: gap
    // Around a rounded control, rounded the same way.
    readonly property Rectangle rounded: parent as Rectangle
    radius: rounded !== null ? rounded.radius - gap : Theme.radius
    color: "transparent"
    border.width: Theme.focusRingWidth
    border.color: Theme.accent
    z: 50
}
