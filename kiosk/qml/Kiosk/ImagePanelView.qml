import QtQuick

// A picture as large as the panel allows, its caption and credit below; a tap (or the
// enlarge button) opens it full screen to pinch and zoom.
Item {
    id: root

    property var panel
    property var words
    signal openImage(string source, var alt)

    objectName: "imagePanel"

    PanelTitle {
        id: title
        width: parent.width
        value: root.panel.title
        note: root.words.not_translated
        pixelSize: Theme.titleSize * 0.8
    }

    MediaImage {
        id: picture
        objectName: "panelImage"
        anchors.top: title.visible ? title.bottom : parent.top
        anchors.topMargin: title.visible ? Theme.gap : 0
        anchors.bottom: captions.top
        anchors.bottomMargin: Theme.gap
        width: parent.width
        source: root.panel.imageUrl
        problem: root.panel.imageProblem
        placeholderText: root.words.unavailable
        Accessible.name: root.panel.alt.text

        TapHandler {
            enabled: !picture.broken
            onTapped: root.openImage(root.panel.imageUrl, root.panel.alt)
        }

        KioskButton {
            objectName: "enlargeButton"
            visible: !picture.broken
            icon: "enlarge"
            label: root.words.enlarge
            showLabel: false
            // Sits on the picture's lower corner, wherever the fitted picture ends.
            x: LayoutMirroring.enabled ? (picture.width - picture.paintedWidth) / 2 + Theme.gap : (picture.width + picture.paintedWidth) / 2 - width - Theme.gap
            y: (picture.height + picture.paintedHeight) / 2 - height - Theme.gap
            onClicked: root.openImage(root.panel.imageUrl, root.panel.alt)
        }
    }

    Column {
        id: captions
        anchors.bottom: parent.bottom
        width: Math.min(parent.width, Theme.px(1500))
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: Theme.px(6)

        LocalizedText {
            objectName: "imageCaption"
            width: parent.width
            value: root.panel.caption
            pixelSize: Theme.bodySize
            maximumLineCount: 3
            note: root.words.not_translated
            label.horizontalAlignment: Text.AlignHCenter
        }
        LocalizedText {
            width: parent.width
            value: root.panel.credit
            color: Theme.muted
            pixelSize: Theme.smallSize
            maximumLineCount: 2
            note: root.words.not_translated
            label.horizontalAlignment: Text.AlignHCenter
        }
    }
}
