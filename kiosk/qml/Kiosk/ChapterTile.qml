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
    property string focusName: ""
    signal clicked

    radius: Theme.radius
    color: Theme.surface
    clip: true
    scale: tap.pressed ? 0.98 : 1
    border.width: Math.max(1, Theme.px(2))
    border.color: tap.pressed ? Theme.accent : (Theme.highContrast ? Theme.outline : Qt.lighter(Theme.surface, 1.5))

    Behavior on scale {
        NumberAnimation {
            duration: 90
        }
    }

    // The cover beside the words: tiles are wide and short on a landscape screen.
    MediaImage {
        id: cover
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: visible ? Math.min(parent.width * 0.36, parent.height * 1.1) : 0
        source: tile.coverUrl
        visible: tile.coverUrl !== ""
        fillMode: Image.PreserveAspectCrop
    }

    // The summary gets the lines left under the number and the title, three at most: a title that
    // takes three lines on a short tile leaves it one, or none, rather than words cut at the edges.
    // The words may come nearer the tile's edges than their margins, never past them.
    readonly property real roomForWords: height - 2 * Theme.px(16)
    readonly property int summaryLines: Math.max(0, Math.min(3, Math.floor(
        (roomForWords - numberLabel.height - titleText.height - 2 * words.spacing) / (summaryMetrics.height * 1.25))))

    FontMetrics {
        id: summaryMetrics
        font.family: Theme.fontFor(tile.summary ? tile.summary.lang : "en")
        font.pixelSize: Theme.smallSize
    }

    Column {
        id: words
        objectName: "chapterTileWords"
        anchors.left: cover.right
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.px(28)
        spacing: Theme.px(10)

        Text {
            id: numberLabel
            width: parent.width
            horizontalAlignment: Text.AlignLeft
            text: tile.number < 10 ? "0" + tile.number : tile.number
            color: Theme.accent
            font.family: Theme.headingFont
            font.pixelSize: Theme.labelSize
            font.weight: Font.Bold
        }
        LocalizedText {
            id: titleText
            width: parent.width
            value: tile.title
            heading: true
            pixelSize: Theme.titleSize * 0.66
            lineHeight: 1.1
            maximumLineCount: 3
            note: tile.note
        }
        LocalizedText {
            width: parent.width
            value: tile.summary
            visible: tile.summaryLines > 0 && value !== undefined && value !== null && value.text !== ""
            color: Theme.muted
            pixelSize: Theme.smallSize
            maximumLineCount: Math.max(1, tile.summaryLines)
            note: tile.note
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: tile.clicked()
    }

    FocusRing {
        name: tile.focusName
        outside: false
    }
}
