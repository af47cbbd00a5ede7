import QtQuick
import KioskBackend

// A chapter: its title, the strip of panels, the controls along the bottom, and the
// full-screen picture viewer above them when a picture is opened.
Rectangle {
    id: screen

    required property Navigator navigator
    required property PanelModel panels
    required property LanguageModel languages
    required property ExhibitionStore store

    objectName: "chapterScreen"
    color: Theme.background

    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        height: chapterTitle.height + Theme.px(40)

        LocalizedText {
            id: chapterTitle
            objectName: "chapterTitle"
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            width: parent.width
            value: screen.navigator.chapterTitle
            color: Theme.muted
            pixelSize: Theme.smallSize * 1.1
            weight: Font.DemiBold
            maximumLineCount: 1
            note: screen.navigator.words.not_translated
        }
    }

    PanelStrip {
        id: strip
        anchors.top: header.bottom
        anchors.bottom: bar.top
        anchors.left: parent.left
        anchors.right: parent.right
        // The sign-language inset takes the corner: the panel makes room rather than hide under it.
        anchors.rightMargin: Theme.access && Theme.access.signLanguage ? Math.round(parent.width * 0.24) : 0
        panels: screen.panels
        navigator: screen.navigator
        store: screen.store
        onOpenImage: (source, alt) => viewer.opened ? viewer.close() : viewer.open(source, alt)
    }

    BottomBar {
        id: bar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        navigator: screen.navigator
        languages: screen.languages
        showNavigation: true
    }

    ImageViewer {
        id: viewer
        anchors.fill: parent
        navigator: screen.navigator
    }
}
