pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// Dated events down a line, oldest first; a long timeline scrolls. An optional picture
// (a map, a drawing) sits beside it.
Item {
    id: root

    property var panel
    property var words
    property ExhibitionStore store
    property string language

    objectName: "timelinePanel"

    PanelTitle {
        id: title
        width: parent.width
        value: root.panel.title
        note: root.words.not_translated
    }

    MediaImage {
        id: picture
        visible: root.panel.imageUrl !== "" && !Theme.portrait
        anchors.top: title.bottom
        anchors.topMargin: Theme.gap
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        width: visible ? parent.width * 0.36 : 0
        source: visible ? root.panel.imageUrl : ""
        problem: root.panel.imageProblem
        placeholderText: root.words.unavailable
    }

    ListView {
        id: list
        objectName: "timelineEvents"
        anchors.top: title.bottom
        anchors.topMargin: Theme.gap * 1.5
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: picture.visible ? picture.left : parent.right
        anchors.rightMargin: picture.visible ? Theme.margin : 0
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        interactive: contentHeight > height
        spacing: Theme.px(26)
        model: TimelineModel {
            store: root.store
            panelId: root.panel.panelId
            language: root.language
        }

        delegate: Item {
            id: event
            required property var date
            required property var title
            required property var text
            required property int index
            readonly property real dateWidth: Math.min(Theme.px(260) * Theme.textScale, list.width * 0.3)
            width: list.width
            height: Math.max(dateLabel.height, body.height)

            LocalizedText {
                id: dateLabel
                anchors.left: parent.left
                width: event.dateWidth
                value: event.date
                heading: true
                color: Theme.accent
                pixelSize: Theme.bodySize * 1.25
                weight: Font.Bold
                note: root.words.not_translated
            }
            Rectangle {
                id: dot
                x: LayoutMirroring.enabled ? event.width - event.dateWidth - Theme.px(34) - width / 2 : event.dateWidth + Theme.px(34) - width / 2
                y: Theme.px(12)
                width: Theme.px(18)
                height: width
                radius: width / 2
                color: Theme.accent
            }
            Rectangle {
                x: dot.x + dot.width / 2 - width / 2
                y: dot.y + dot.height
                width: Math.max(1, Theme.px(3))
                height: event.height + list.spacing - dot.height
                visible: event.index < list.count - 1
                color: Qt.lighter(Theme.surface, 1.8)
            }
            Column {
                id: body
                anchors.left: parent.left
                anchors.leftMargin: event.dateWidth + Theme.px(68)
                anchors.right: parent.right
                spacing: Theme.px(6)
                LocalizedText {
                    width: parent.width
                    value: event.title
                    weight: Font.DemiBold
                    pixelSize: Theme.bodySize * 1.05
                    note: root.words.not_translated
                }
                LocalizedText {
                    width: parent.width
                    value: event.text
                    pixelSize: Theme.bodySize
                    color: Theme.text
                    note: root.words.not_translated
                }
            }
        }
    }

    // A timeline longer than its frame (large text, many events): a fade at the bottom edge and a
    // thin bar at the side say that more is below, as a long text says it.
    Rectangle {
        objectName: "timelineMoreFade"
        visible: list.interactive && !list.atYEnd
        anchors.left: list.left
        anchors.right: list.right
        anchors.bottom: list.bottom
        height: Theme.px(90)
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 1
                color: Theme.background
            }
        }
    }
    Rectangle {
        objectName: "timelineScrollBar"
        visible: list.interactive
        anchors.right: list.right
        width: Theme.px(6)
        radius: width / 2
        color: Theme.muted
        opacity: 0.7
        y: list.y + list.visibleArea.yPosition * list.height
        height: list.visibleArea.heightRatio * list.height
    }
}
