pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Outside opening hours: a dark screen that says, in each language, that the exhibition is
// closed and when it opens; or nothing at all (closedScreen: blank). It takes every touch
// so nothing starts underneath, and the words drift a little each minute so a night of the
// same text leaves no mark on the panel.
Rectangle {
    id: root
    objectName: "closedScreen"

    required property ScheduleController schedule
    readonly property bool blank: schedule.closedScreen === "blank"
    property int driftStep: 0

    visible: !schedule.isOpen
    color: "black"

    MouseArea {
        objectName: "closedScreenTouchSink"
        anchors.fill: parent
    }

    Timer {
        running: root.visible && !root.blank
        interval: 60000
        repeat: true
        onTriggered: root.driftStep = (root.driftStep + 1) % 8
    }

    Column {
        id: lines
        objectName: "closedScreenLines"
        visible: !root.blank
        width: Math.min(parent.width * 0.8, Theme.px(1100))
        x: (parent.width - width) / 2 + Theme.px(24) * Math.cos(root.driftStep * Math.PI / 4)
        y: (parent.height - height) / 2 + Theme.px(24) * Math.sin(root.driftStep * Math.PI / 4)
        spacing: Theme.px(36)

        Repeater {
            model: root.schedule.lines
            delegate: Column {
                id: line
                required property string language
                required property string closedText
                required property string opensText
                required property string message
                required property bool rtl
                width: lines.width
                spacing: Theme.px(6)

                Text {
                    objectName: "closedTitle_" + line.language
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: line.closedText
                    color: "#8C877E"
                    font.family: Theme.fontFor(line.language)
                    font.pixelSize: Theme.px(46)
                }
                Text {
                    objectName: "closedOpens_" + line.language
                    width: parent.width
                    visible: text !== ""
                    horizontalAlignment: Text.AlignHCenter
                    text: line.opensText
                    color: "#5E5A54"
                    font.family: Theme.fontFor(line.language)
                    font.pixelSize: Theme.px(28)
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: line.message
                    color: "#5E5A54"
                    font.family: Theme.fontFor(line.language)
                    font.pixelSize: Theme.px(24)
                }
            }
        }
    }
}
