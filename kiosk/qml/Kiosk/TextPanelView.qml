import QtQuick

// Title and body text, with an optional picture beside it (above it on a portrait screen).
Item {
    id: root

    property var panel
    property var words

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
