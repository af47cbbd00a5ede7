pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// What staff see behind the PIN: which exhibition runs, since when, what is wrong with it,
// and the two things they may do (reload it, exit the kiosk). Exit asks for a second touch.
Rectangle {
    id: panel
    objectName: "staffPanel"

    required property StaffViewModel staff
    property bool exitArmed: false
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property real unit: Math.max(Math.round(4 * mm), 16)
    readonly property real textSize: Math.max(Math.round(4.2 * mm), 20)

    color: "#15181D"
    onVisibleChanged: exitArmed = false

    Timer {
        id: disarm
        interval: 4000
        onTriggered: panel.exitArmed = false
    }

    MouseArea {
        anchors.fill: parent
        onPressed: panel.staff.touched()
    }

    Column {
        id: header
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
            margins: panel.unit * 2
        }
        spacing: panel.unit

        Row {
            spacing: panel.unit * 1.5

            Text {
                objectName: "staffTitle"
                text: qsTr("Staff panel")
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: Math.round(panel.textSize * 1.6)
                font.weight: Font.DemiBold
            }

            Text {
                objectName: "staffVersion"
                height: parent.children[0].height
                verticalAlignment: Text.AlignBottom
                bottomPadding: Math.round(panel.textSize * 0.2)
                text: (panel.staff.preview ? qsTr("kiosk %1 · preview") : qsTr("kiosk %1")).arg(panel.staff.version)
                color: "#B8B2A7"
                font.family: "Noto Sans"
                font.pixelSize: panel.textSize
            }
        }

        Text {
            objectName: "staffNoPinNote"
            visible: !panel.staff.pinSet
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("No staff PIN is set: run  kiosk pin set  before the kiosk goes on show.")
            color: "#F0C070"
            font.family: "Noto Sans"
            font.pixelSize: panel.textSize
        }

        Text {
            objectName: "staffMachineNotes"  // a full disk, memory short (kiosk/health.py)
            visible: text !== ""
            width: parent.width
            wrapMode: Text.Wrap
            text: panel.staff.machineNotes
            color: "#F0C070"
            font.family: "Noto Sans"
            font.pixelSize: panel.textSize
        }

        Grid {
            columns: 2
            columnSpacing: panel.unit * 2
            rowSpacing: panel.unit * 0.6

            Text { text: qsTr("Exhibition file"); color: "#B8B2A7"; font.family: "Noto Sans"; font.pixelSize: panel.textSize }
            Text {
                objectName: "staffExhibitionFile"
                width: header.width - panel.unit * 16
                elide: Text.ElideMiddle
                text: panel.staff.exhibitionFile || "—"
                color: "#F4F1EA"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: panel.textSize
            }
            Text { text: qsTr("Loaded"); color: "#B8B2A7"; font.family: "Noto Sans"; font.pixelSize: panel.textSize }
            Text {
                objectName: "staffLoadedAt"
                text: (panel.staff.loadedAt || "—") + (panel.staff.exhibitionLoaded ? "" : "  " + qsTr("(could not be shown)"))
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: panel.textSize
            }
            Text { text: qsTr("Running for"); color: "#B8B2A7"; font.family: "Noto Sans"; font.pixelSize: panel.textSize }
            Text {
                objectName: "staffUptime"
                text: panel.staff.uptime
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: panel.textSize
            }
            Text { text: qsTr("Problems"); color: "#B8B2A7"; font.family: "Noto Sans"; font.pixelSize: panel.textSize }
            Text {
                objectName: "staffProblemSummary"
                text: panel.staff.errorCount + panel.staff.warningCount === 0 ? qsTr("None")
                      : qsTr("%1 (shown as placeholders), %2")
                        .arg(panel.staff.errorCount === 1 ? qsTr("1 error") : qsTr("%1 errors").arg(panel.staff.errorCount))
                        .arg(panel.staff.warningCount === 1 ? qsTr("1 warning") : qsTr("%1 warnings").arg(panel.staff.warningCount))
                color: panel.staff.errorCount > 0 ? "#F2A08E" : "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: panel.textSize
            }
        }
    }

    Rectangle {
        id: listFrame
        anchors {
            left: parent.left
            right: parent.right
            top: header.bottom
            bottom: buttons.top
            margins: panel.unit * 2
        }
        color: "#1C2026"
        radius: panel.unit * 0.5
        border.width: 1
        border.color: "#2F343D"

        Text {
            anchors.centerIn: parent
            visible: problemList.count === 0
            text: qsTr("The exhibition file has no problems.")
            color: "#8E887E"
            font.family: "Noto Sans"
            font.pixelSize: panel.textSize
        }

        ListView {
            id: problemList
            objectName: "staffProblemList"
            anchors.fill: parent
            anchors.margins: panel.unit
            clip: true
            spacing: panel.unit * 0.5
            model: panel.staff.problems

            delegate: Text {
                required property string problem
                required property string severity

                width: ListView.view.width
                wrapMode: Text.WrapAnywhere
                text: problem
                color: severity === "error" ? "#F2A08E" : "#F0C070"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Math.round(panel.textSize * 0.85)
            }
        }
    }

    Row {
        id: buttons
        anchors {
            right: parent.right
            bottom: parent.bottom
            margins: panel.unit * 2
        }
        spacing: panel.unit * 1.5

        StaffButton {
            objectName: "staffReloadButton"
            text: qsTr("Reload exhibition")
            onClicked: panel.staff.reload()
        }

        StaffButton {
            objectName: "staffCloseButton"
            text: qsTr("Back to visitors")
            primary: true
            onClicked: panel.staff.close()
        }

        StaffButton {
            objectName: "staffExitButton"
            text: panel.exitArmed ? qsTr("Touch again to exit") : qsTr("Exit kiosk")
            danger: true
            onClicked: {
                if (panel.exitArmed) {
                    panel.staff.exitKiosk();
                } else {
                    panel.exitArmed = true;
                    disarm.restart();
                    panel.staff.touched();
                }
            }
        }
    }
}
