pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// The panel's sign-language film in a corner, on request (the sign-language button or key):
// above the bottom bar, at the end of the line of reading (mirrored in Arabic), muted.
Rectangle {
    id: inset

    required property Access access
    required property ExhibitionStore store
    required property string language

    objectName: "signLanguageInset"
    visible: access.signLanguage && access.panelId !== ""
    anchors.right: parent.right
    anchors.bottom: parent.bottom
    anchors.rightMargin: Theme.margin
    anchors.bottomMargin: Theme.touch + Theme.px(64)
    width: Math.round(parent.width * 0.24)
    height: Math.round(width * 9 / 16)
    radius: Theme.radius
    color: "black"
    border.width: Theme.focusRingWidth
    border.color: Theme.accent
    clip: true
    z: 70

    Loader {
        anchors.fill: parent
        anchors.margins: inset.border.width
        active: inset.visible
        sourceComponent: VideoPlayer {
            objectName: "signLanguagePlayer"
            signLanguage: true
            attract: true
            store: inset.store
            panelId: inset.access.panelId
            language: inset.language
            current: true
            Component.onCompleted: start()
        }
    }
}
