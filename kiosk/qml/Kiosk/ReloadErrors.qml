pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Staff only: the exhibition file was changed and the new version has errors, so the screen
// keeps the last good one; or a good new version waits for the visitor to leave. Shown in
// the windowed preview, and in kiosk mode only while the staff panel is open: visitors
// never see it. Staff colours, like ErrorScreen: it must read right whatever the theme.
Item {
    id: root
    objectName: "reloadErrors"

    required property ReloadController reload
    // Main.qml binds this to "the staff panel is open" (staff.stage !== "closed").
    property bool staffPresent: false
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property real unit: Math.max(Math.round(3 * mm), 12)
    readonly property real textSize: Math.max(Math.round(3.6 * mm), 17)

    visible: reload.worthShowing && (reload.preview || staffPresent)

    Rectangle {
        id: card
        objectName: "reloadErrorsCard"
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
            margins: root.unit * 2
        }
        height: Math.min(content.implicitHeight + root.unit * 3, root.height * 0.5)
        radius: root.unit
        color: "#EE1A1D23"
        border.width: 2
        border.color: root.reload.hasErrors ? "#C8644F" : "#E2A740"

        // The card takes its touches: nothing under it reacts.
        MouseArea {
            anchors.fill: parent
        }

        Column {
            id: content
            anchors {
                fill: parent
                margins: root.unit * 1.5
            }
            spacing: root.unit

            Row {
                width: parent.width
                spacing: root.unit

                Text {
                    id: title
                    objectName: "reloadErrorsTitle"
                    width: parent.width - buttons.width - root.unit
                    anchors.verticalCenter: parent.verticalCenter
                    wrapMode: Text.Wrap
                    text: !root.reload.hasErrors
                          ? qsTr("The new version is ready; it will show when the visitor leaves.")
                          : root.reload.errors.length === 1
                            ? qsTr("1 error in the exhibition file (checked %1): the screen keeps the last good version.")
                              .arg(root.reload.checkedAt)
                            : qsTr("%1 errors in the exhibition file (checked %2): the screen keeps the last good version.")
                              .arg(root.reload.errors.length).arg(root.reload.checkedAt)
                    color: "#F4F1EA"
                    font.family: "Noto Sans"
                    font.pixelSize: Math.round(root.textSize * 1.15)
                    font.weight: Font.DemiBold
                }

                Row {
                    id: buttons
                    spacing: root.unit
                    anchors.verticalCenter: parent.verticalCenter

                    StaffButton {
                        objectName: "reloadErrorsRetry"
                        text: qsTr("Check again")
                        primary: true
                        onClicked: root.reload.reload()
                    }
                    StaffButton {
                        objectName: "reloadErrorsHide"
                        text: qsTr("Hide")
                        onClicked: root.reload.dismiss()
                    }
                }
            }

            ListView {
                id: list
                objectName: "reloadErrorsList"
                width: parent.width
                height: Math.min(contentHeight, card.height - title.height - root.unit * 4)
                visible: count > 0
                clip: true
                spacing: Math.round(root.unit / 2)
                model: root.reload.errors
                delegate: Text {
                    required property string modelData
                    width: ListView.view.width
                    wrapMode: Text.WrapAnywhere
                    text: modelData
                    color: "#F0C9BF"
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: root.textSize
                }
            }
        }
    }
}
