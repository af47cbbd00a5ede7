pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Shown instead of the exhibition when its file cannot be understood at all: never a black
// screen. Calm for visitors (one line in three languages), useful for staff (each problem as
// FILE:LINE:COL, and what to do). The staff overlay still sits on top for the exit.
Rectangle {
    id: errorScreen
    objectName: "errorScreen"
    // Staff screens read left to right whatever language visitors chose.
    LayoutMirroring.enabled: false
    LayoutMirroring.childrenInherit: true

    required property StaffViewModel staff
    readonly property real mm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property real unit: Math.max(Math.round(4 * mm), 16)
    readonly property real textSize: Math.max(Math.round(4.2 * mm), 20)

    color: "#1A1D23"

    Column {
        id: top
        anchors {
            left: parent.left
            right: parent.right
            top: parent.top
            margins: errorScreen.unit * 3
        }
        spacing: errorScreen.unit

        Text {
            objectName: "errorVisitorLine"
            width: parent.width
            wrapMode: Text.Wrap
            text: "En maintenance · Under maintenance · قيد الصيانة"
            color: "#B8B2A7"
            font.family: "Noto Sans"
            font.pixelSize: Math.round(errorScreen.textSize * 1.1)
        }

        Text {
            objectName: "errorTitle"
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("The exhibition file could not be read")
            color: "#F4F1EA"
            font.family: "Noto Sans"
            font.pixelSize: Math.round(errorScreen.textSize * 1.9)
            font.weight: Font.DemiBold
        }

        Text {
            objectName: "errorFile"
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: errorScreen.staff.exhibitionFile
            color: "#E2A740"
            font.family: "DejaVu Sans Mono"
            font.pixelSize: errorScreen.textSize
        }

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: problemList.count === 0 ? ""
                  : qsTr("What is wrong, as FILE:LINE:COLUMN (line and column in the file):")
            visible: text !== ""
            color: "#B8B2A7"
            font.family: "Noto Sans"
            font.pixelSize: errorScreen.textSize
        }
    }

    Rectangle {
        anchors {
            left: parent.left
            right: parent.right
            top: top.bottom
            bottom: help.top
            leftMargin: errorScreen.unit * 3
            rightMargin: errorScreen.unit * 3
            topMargin: errorScreen.unit
            bottomMargin: errorScreen.unit * 1.5
        }
        color: "#14161A"
        radius: errorScreen.unit * 0.5
        border.width: 1
        border.color: "#2F343D"

        ListView {
            id: problemList
            objectName: "errorProblemList"
            anchors.fill: parent
            anchors.margins: errorScreen.unit
            clip: true
            spacing: errorScreen.unit * 0.5
            model: errorScreen.staff.problems

            delegate: Text {
                required property string problem
                required property string severity

                width: ListView.view.width
                wrapMode: Text.WrapAnywhere
                text: problem
                color: severity === "error" ? "#F2A08E" : "#F0C070"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: errorScreen.textSize
            }
        }
    }

    Item {
        id: help
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
            margins: errorScreen.unit * 3
        }
        height: Math.max(steps.implicitHeight, retry.height)

        Column {
            id: steps
            objectName: "errorWhatToDo"
            anchors {
                left: parent.left
                right: retry.left
                rightMargin: errorScreen.unit * 2
                verticalCenter: parent.verticalCenter
            }
            spacing: Math.round(errorScreen.textSize * 0.3)

            Text {
                text: qsTr("What to do")
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: errorScreen.textSize
                font.weight: Font.DemiBold
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("1. Open the file above in a text editor and fix each line listed.")
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: errorScreen.textSize
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("2. Check it on any computer with:")
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: errorScreen.textSize
            }
            Text {
                objectName: "errorValidateCommand"
                width: parent.width
                leftPadding: errorScreen.textSize
                wrapMode: Text.WrapAnywhere
                text: "kiosk validate " + errorScreen.staff.exhibitionFile
                color: "#E2A740"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: errorScreen.textSize
            }
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                textFormat: Text.StyledText
                text: qsTr("3. Touch <b>Try again</b>, or restart the kiosk.")
                color: "#F4F1EA"
                font.family: "Noto Sans"
                font.pixelSize: errorScreen.textSize
            }
        }

        StaffButton {
            id: retry
            objectName: "errorReloadButton"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Try again")
            primary: true
            onClicked: errorScreen.staff.reload()
        }
    }

    Text {
        objectName: "errorFooter"
        anchors {
            left: parent.left
            bottom: parent.bottom
            leftMargin: errorScreen.unit * 3
            bottomMargin: errorScreen.unit
        }
        text: qsTr("kiosk %1 · tried at %2").arg(errorScreen.staff.version).arg(errorScreen.staff.loadedAt)
        color: "#6F6A62"
        font.family: "Noto Sans"
        font.pixelSize: Math.round(errorScreen.textSize * 0.75)
    }
}
