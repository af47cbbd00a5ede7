import QtQuick

// A chapter on the home screen: its cover, number, title and summary, one large target.
Rectangle {
    id: tile

    property var title
    property var summary
    property string coverUrl: ""
    property int number: 1
    property int panelCount: 0
    property string note: ""
    signal clicked

    radius: Theme.radius
    color: Theme.surface
    clip: true
    scale: tap.pressed ? 0.98 : 1
    border.width: Math.max(1, Theme.px(2))
    border.color: tap.pressed ? Theme.accent : Qt.lighter(Theme.surface, 1.5)

    Behavior on scale {
        NumberAnimation {
            duration: 90
        }
    }

    MediaImage {
        id: cover
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: parent.height * 0.55
        source: tile.coverUrl
        visible: tile.coverUrl !== ""
        fillMode: Image.PreserveAspectCrop
    }

    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: cover.visible ? cover.bottom : parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.px(28)
        spacing: Theme.px(10)

        Text {
            text: tile.number < 10 ? "0" + tile.number : tile.number
            color: Theme.accent
            font.family: Theme.headingFont
            font.pixelSize: Theme.labelSize
            font.weight: Font.Bold
        }
        LocalizedText {
            width: parent.width
            value: tile.title
            heading: true
            pixelSize: Theme.titleSize * 0.72
            lineHeight: 1.1
            maximumLineCount: 2
            note: tile.note
        }
        LocalizedText {
            width: parent.width
            value: tile.summary
            color: Theme.muted
            pixelSize: Theme.smallSize
            maximumLineCount: 3
            note: tile.note
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: tile.clicked()
    }
}
