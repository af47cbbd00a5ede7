import QtQuick
import KioskBackend

// Shown when the exhibition could not be loaded at all and ErrorScreen.qml (the lock-down
// part of the kiosk) is not installed: what is wrong, for the staff, calmly.
Rectangle {
    id: root

    required property ExhibitionStore store

    objectName: "loadFailedScreen"
    color: Theme.background

    Column {
        anchors.centerIn: parent
        width: parent.width - 4 * Theme.margin
        spacing: Theme.gap

        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: "The exhibition could not be loaded · L'exposition n'a pas pu être chargée"
            color: Theme.text
            font.family: Theme.headingFont
            font.pixelSize: Theme.titleSize * 0.8
        }
        Text {
            width: parent.width
            wrapMode: Text.Wrap
            text: root.store.source
            color: Theme.muted
            font.family: Theme.bodyFont
            font.pixelSize: Theme.smallSize
        }
        Text {
            width: parent.width
            wrapMode: Text.WrapAnywhere
            text: root.store.problems.join("\n")
            color: Theme.text
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Theme.smallSize
            maximumLineCount: 30
        }
    }
}
