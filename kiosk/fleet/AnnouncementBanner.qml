pragma ComponentBehavior: Bound
import QtQuick

// An announcement published to every kiosk ("the booth closes at 18:00"), over whatever is on
// screen, one line per language, each in its own direction. It takes no touches: the visit goes
// on under it. Fed by AnnouncementModel (kiosk/fleet/qt_hook.py); shown and hidden within the
// model's poll interval of the file arriving, expiring or being withdrawn.
Item {
    id: root
    objectName: "announcementBanner"

    required property QtObject announcements
    readonly property bool urgent: announcements.level === "urgent"
    readonly property real unit: Math.max(Math.round(Math.min(width, height) / 60), 10)

    visible: opacity > 0
    opacity: announcements.showing ? 1 : 0
    Behavior on opacity { NumberAnimation { duration: 250 } }

    Rectangle {
        id: card
        objectName: "announcementCard"
        anchors {
            top: parent.top
            left: parent.left
            right: parent.right
            margins: root.unit * 1.5
        }
        height: lines.implicitHeight + root.unit * 3
        radius: root.unit
        color: root.urgent ? "#A3261B" : "#1A1D23"  // opaque: nothing of the screen under it shows through
        border.width: Math.max(2, root.unit / 5)
        border.color: root.urgent ? "#FFD2C4" : "#E2A740"

        Column {
            id: lines
            anchors {
                left: parent.left
                right: parent.right
                verticalCenter: parent.verticalCenter
                margins: root.unit * 2
            }
            spacing: root.unit * 0.6

            Repeater {
                model: root.announcements.lines

                Text {
                    required property var modelData
                    required property int index
                    objectName: "announcementLine_" + modelData.language
                    width: lines.width
                    text: modelData.text
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    horizontalAlignment: modelData.rtl ? Text.AlignRight : Text.AlignLeft
                    color: "#F4F1EA"
                    font.family: modelData.rtl ? "Noto Naskh Arabic" : "Noto Sans"
                    font.pixelSize: index === 0 ? Math.round(root.unit * 2.6) : Math.round(root.unit * 2.2)
                    font.weight: index === 0 ? Font.DemiBold : Font.Normal
                }
            }
        }
    }
}
