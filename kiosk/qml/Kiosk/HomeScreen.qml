pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// The exhibition's title and its chapters as large tiles; the language switch and the
// large-text switch along the bottom.
Rectangle {
    id: home

    required property Navigator navigator
    required property ChapterModel chapters
    required property LanguageModel languages
    property var title
    property var subtitle

    objectName: "homeScreen"
    color: Theme.background

    Column {
        id: heading
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin * 1.2
        spacing: Theme.px(12)

        LocalizedText {
            objectName: "exhibitionTitle"
            width: parent.width
            value: home.title
            heading: true
            pixelSize: Theme.displaySize
            lineHeight: 1.05
            maximumLineCount: Theme.portrait ? 3 : 2
            note: home.navigator.words.not_translated
        }
        LocalizedText {
            width: parent.width
            value: home.subtitle
            color: Theme.muted
            pixelSize: Theme.bodySize * 1.1
            maximumLineCount: 2
            note: home.navigator.words.not_translated
        }
    }

    GridView {
        id: grid
        objectName: "chapterGrid"
        // Portrait with large text: one tile per row, or the words get a sliver of the tile.
        readonly property int columns: Math.max(1, Math.min(count, Theme.portrait ? (Theme.largeText ? 1 : 2)
                                                                                  : (count === 4 ? 2 : 3)))
        readonly property int rows: Math.max(1, Math.ceil(count / columns))
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: bar.top
        anchors.margins: Theme.margin
        anchors.rightMargin: Theme.margin - Theme.gap
        anchors.bottomMargin: Theme.margin - Theme.gap
        cellWidth: Math.floor(width / columns)
        // Two rows share the height (three in portrait), down to 280 px a tile; below, the tiles
        // scroll under a "more chapters" cue. At 1080p the bundled exhibition's Arabic heading
        // leaves 287 px a row, and its tiles' words fit there; with 300 px, its second row went
        // under the cue.
        cellHeight: Math.max(Theme.px(280) * Theme.textScale, Math.floor(height / Math.min(rows, Theme.portrait ? 3 : 2)))
        boundsBehavior: Flickable.StopAtBounds
        interactive: contentHeight > height
        clip: true
        model: home.chapters

        // The keypad's focus moves through the tiles: keep the focused one in view.
        Connections {
            target: Theme
            function onFocusNameChanged() {
                if (Theme.focusName.indexOf("chapter:") === 0)
                    grid.positionViewAtIndex(Number(Theme.focusName.slice(8)), GridView.Contain);
            }
        }

        delegate: Item {
            id: cell
            required property int index
            required property var title
            required property var summary
            required property string coverUrl
            required property int panelCount
            required property int number
            width: grid.cellWidth
            height: grid.cellHeight

            ChapterTile {
                objectName: "chapterTile_" + cell.index
                anchors.fill: parent
                anchors.rightMargin: Theme.gap
                anchors.bottomMargin: Theme.gap
                title: cell.title
                summary: cell.summary
                coverUrl: cell.coverUrl
                number: cell.number
                panelCount: cell.panelCount
                note: home.navigator.words.not_translated
                focusName: "chapter:" + cell.index
                onClicked: home.navigator.openChapter(cell.index)
            }
        }
    }

    // In portrait or with large text the tiles outgrow the screen. A fade at the grid's bottom
    // edge and a "more chapters" button (a full touch target) say that more tiles are below;
    // the button scrolls one row down. A thinner fade at the top says some are above.
    Rectangle {
        objectName: "moreTilesAboveFade"
        anchors.left: grid.left
        anchors.right: grid.right
        anchors.top: grid.top
        height: Theme.px(60)
        visible: grid.interactive && !grid.atYBeginning
        gradient: Gradient {
            GradientStop {
                position: 0
                color: Theme.background
            }
            GradientStop {
                position: 1
                color: "transparent"
            }
        }
    }
    Rectangle {
        id: moreFade
        objectName: "moreTilesFade"
        anchors.left: grid.left
        anchors.right: grid.right
        anchors.bottom: grid.bottom
        height: Math.min(grid.height * 0.4, Theme.px(200))
        visible: grid.interactive && !grid.atYEnd
        gradient: Gradient {
            GradientStop {
                position: 0
                color: "transparent"
            }
            GradientStop {
                position: 0.7
                color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.9)
            }
            GradientStop {
                position: 1
                color: Theme.background
            }
        }
    }
    KioskButton {
        objectName: "moreTilesButton"
        anchors.horizontalCenter: moreFade.horizontalCenter
        anchors.bottom: grid.bottom
        anchors.bottomMargin: Theme.px(16)
        visible: moreFade.visible
        icon: "down"
        label: home.navigator.words.more_chapters || ""
        labelLanguage: home.navigator.language
        onClicked: {
            const last = grid.originY + grid.contentHeight - grid.height;
            scrollDown.to = Math.min(last, grid.contentY + grid.cellHeight);
            scrollDown.restart();
        }
    }
    NumberAnimation {
        id: scrollDown
        target: grid
        property: "contentY"
        duration: Theme.transitionMs * 1.5
        easing.type: Easing.OutCubic
    }

    BottomBar {
        id: bar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        navigator: home.navigator
        languages: home.languages
    }
}
