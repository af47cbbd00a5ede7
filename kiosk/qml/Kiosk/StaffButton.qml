import QtQuick

// A plain, large button for the staff screens. They keep their own calm colours and do not
// follow the exhibition's Theme: the error screen must look right when no exhibition loaded.
Rectangle {
    id: button

    property alias text: label.text
    property bool primary: false
    property bool danger: false
    // Pixels per millimetre of this screen; at least 9 mm high whatever the screen.
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property color base: danger ? "#9A4236" : (primary ? "#E2A740" : "#2F343D")
    signal clicked

    implicitHeight: Math.max(Math.round(12 * mm), 64)
    implicitWidth: Math.max(label.implicitWidth + 2 * Math.round(6 * mm), implicitHeight * 2.5)
    radius: Math.round(implicitHeight * 0.18)
    color: area.pressed ? Qt.darker(base, 1.35) : base
    border.width: 1
    border.color: Qt.lighter(base, 1.4)
    opacity: enabled ? 1 : 0.4
    Accessible.role: Accessible.Button
    Accessible.name: label.text

    Text {
        id: label
        anchors.centerIn: parent
        color: button.primary ? "#15181D" : "#F4F1EA"
        font.family: "Noto Sans"
        font.pixelSize: Math.round(button.implicitHeight * 0.34)
        font.weight: Font.DemiBold
    }

    MouseArea {
        id: area
        objectName: button.objectName + "Area"
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
