import QtQuick

// The big round button over a film's poster: play, or replay once the excerpt has ended.
Rectangle {
    id: button

    property bool replay: false
    signal tapped

    width: Theme.touch * 1.6
    height: width
    radius: width / 2
    color: Qt.rgba(0, 0, 0, 0.55)
    border.color: Theme.text
    border.width: Theme.px(3)

    Icon {
        visible: !button.replay
        anchors.centerIn: parent
        anchors.horizontalCenterOffset: Theme.px(6)
        name: "play"
        width: parent.width * 0.45
        height: width
    }
    Text {
        visible: button.replay
        anchors.centerIn: parent
        text: "\u21bb"
        color: Theme.text
        font.pixelSize: parent.width * 0.5
    }
    MouseArea {
        anchors.fill: parent
        onClicked: button.tapped()
    }
}
