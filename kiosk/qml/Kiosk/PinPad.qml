pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// The staff PIN pad: large keys (at least 9 mm, here 15 mm), digits shown only as dots,
// and a plain sentence after a wrong PIN, during a lock-out, or when no PIN was ever set.
Rectangle {
    id: pad
    objectName: "pinPad"

    required property StaffViewModel staff
    property string digits: ""
    readonly property int minDigits: 4
    readonly property int maxDigits: 12
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property real keySize: Math.max(Math.round(15 * mm), 88)
    readonly property bool locked: staff.lockedSeconds > 0
    readonly property bool usable: staff.pinSet && !locked
    readonly property real gap: Math.round(keySize * 0.2)

    function press(key: string) {
        staff.touched();
        if (key === "clear") {
            digits = digits.slice(0, -1);
        } else if (key === "ok") {
            submit();
        } else if (digits.length < maxDigits) {
            digits += key;
        }
    }

    function submit() {
        if (digits.length < minDigits)
            return;
        const entered = digits;
        digits = "";
        staff.submitPin(entered);
    }

    width: keys.width + 2 * keySize * 0.45
    height: column.implicitHeight + 2 * keySize * 0.4
    radius: Math.round(keySize * 0.2)
    color: "#20242B"
    border.width: 1
    border.color: "#3A3F48"
    onVisibleChanged: digits = ""

    FontMetrics {
        id: messageMetrics
        font.family: "Noto Sans"
        font.pixelSize: Math.round(pad.keySize * 0.2)
    }

    // Touches between the keys stay on the pad and count as "still here".
    MouseArea {
        anchors.fill: parent
        onPressed: pad.staff.touched()
    }

    Column {
        id: column
        anchors.centerIn: parent
        spacing: pad.gap

        Text {
            objectName: "pinTitle"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Staff access")
            color: "#F4F1EA"
            font.family: "Noto Sans"
            font.pixelSize: Math.round(pad.keySize * 0.34)
            font.weight: Font.DemiBold
        }

        Text {
            objectName: "pinDots"
            anchors.horizontalCenter: parent.horizontalCenter
            height: Math.round(pad.keySize * 0.6)
            verticalAlignment: Text.AlignVCenter
            text: pad.digits.length > 0 ? "●".repeat(pad.digits.length) : qsTr("Enter the staff PIN")
            color: pad.digits.length > 0 ? "#F4F1EA" : "#8E887E"
            font.family: "Noto Sans"
            font.pixelSize: pad.digits.length > 0 ? Math.round(pad.keySize * 0.34) : Math.round(pad.keySize * 0.24)
            font.letterSpacing: pad.digits.length > 0 ? Math.round(pad.keySize * 0.1) : 0
        }

        Text {
            objectName: "pinMessage"
            width: keys.width
            // Room for three lines whether or not there is a message: the keys never jump.
            height: messageMetrics.lineSpacing * 3
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            text: pad.staff.pinMessage
            color: pad.locked || !pad.staff.pinSet ? "#F0C070" : "#F2A08E"
            font.family: "Noto Sans"
            font.pixelSize: Math.round(pad.keySize * 0.2)
        }

        Grid {
            id: keys
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: pad.gap

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]

                delegate: Rectangle {
                    id: key

                    required property string modelData
                    readonly property bool isOk: modelData === "ok"

                    objectName: "pinKey_" + modelData
                    width: pad.keySize
                    height: pad.keySize
                    radius: Math.round(pad.keySize * 0.18)
                    enabled: pad.usable && (!isOk || pad.digits.length >= pad.minDigits)
                             && (modelData !== "clear" || pad.digits.length > 0)
                    opacity: enabled ? 1 : 0.35
                    color: keyArea.pressed ? "#4A505B" : (isOk ? "#E2A740" : "#2F343D")
                    border.width: 1
                    border.color: isOk ? "#E2A740" : "#454B55"
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData === "clear" ? qsTr("Delete last digit") : (isOk ? qsTr("OK") : modelData)

                    Text {
                        anchors.centerIn: parent
                        text: key.modelData === "clear" ? "⌫" : (key.isOk ? qsTr("OK") : key.modelData)
                        color: key.isOk ? "#15181D" : "#F4F1EA"
                        font.family: "Noto Sans"
                        font.pixelSize: Math.round(pad.keySize * (key.modelData.length === 1 ? 0.4 : 0.3))
                        font.weight: Font.DemiBold
                    }

                    MouseArea {
                        id: keyArea
                        anchors.fill: parent
                        onClicked: pad.press(key.modelData)
                    }
                }
            }
        }

        StaffButton {
            objectName: "pinCancel"
            width: keys.width
            text: qsTr("Cancel")
            onClicked: pad.staff.close()
        }
    }
}
