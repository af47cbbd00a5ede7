import QtQuick

// Title and body text, with an optional picture beside it (above it on a portrait screen). The
// picture is shown small beside the text: a tap (or the enlarge button) opens it full screen, as an
// image panel's, so a picture with words in it (a timeline, a map) can be read.
Item {
    id: root

    property var panel
    property var words
    signal openImage(string source, var alt)

    objectName: "textPanel"

    MediaImage {
        id: picture
        visible: root.panel.imageUrl !== ""
        anchors.left: parent.left
        anchors.top: parent.top
        width: !visible ? 0 : (Theme.portrait ? root.width : root.width * 0.42)
        height: !visible ? 0 : (Theme.portrait ? root.height * 0.36 : root.height)
        source: root.panel.imageUrl
        problem: root.panel.imageProblem
        placeholderText: root.words.unavailable
        fillMode: Image.PreserveAspectFit
        objectName: "textPanelImage"
        Accessible.name: root.panel.alt ? root.panel.alt.text : ""

        TapHandler {
            enabled: picture.visible && !picture.broken
            onTapped: root.openImage(root.panel.imageUrl, root.panel.alt)
        }

        KioskButton {
            objectName: "enlargeButton"
            visible: picture.visible && !picture.broken
            icon: "enlarge"
            label: root.words.enlarge
            showLabel: false
            // Under the fitted picture's corner nearer the text, so it hides none of the picture (a
            // label of a timeline); on the corner itself when there is no room below.
            readonly property real pictureBottom: (picture.height + picture.paintedHeight) / 2
            x: LayoutMirroring.enabled ? (picture.width - picture.paintedWidth) / 2 : (picture.width + picture.paintedWidth) / 2 - width
            y: pictureBottom + Theme.gap + height <= picture.height ? pictureBottom + Theme.gap : pictureBottom - height - Theme.gap
            onClicked: root.openImage(root.panel.imageUrl, root.panel.alt)
        }
    }

    Item {
        id: text
        anchors.left: Theme.portrait || !picture.visible ? parent.left : picture.right
        anchors.leftMargin: Theme.portrait || !picture.visible ? 0 : Theme.margin
        anchors.right: parent.right
        anchors.top: Theme.portrait && picture.visible ? picture.bottom : parent.top
        anchors.topMargin: Theme.portrait && picture.visible ? Theme.gap : 0
        anchors.bottom: parent.bottom

        PanelTitle {
            id: title
            width: parent.width
            value: root.panel.title
            note: root.words.not_translated
        }
        ScrollingText {
            objectName: "textBody"
            anchors.left: parent.left
            anchors.top: title.bottom
            anchors.topMargin: Theme.gap
            anchors.bottom: parent.bottom
            width: Math.min(parent.width, Theme.px(1300) * Theme.textScale)
            value: root.panel.body
            note: root.words.not_translated
        }
    }
}
