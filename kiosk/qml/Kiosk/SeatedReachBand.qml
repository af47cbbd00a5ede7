import QtQuick

// Above the seated-reach layout: nothing to touch up here, only the exhibition's name, so a
// visitor in a wheelchair finds every control below, within reach.
Rectangle {
    id: band

    property var title

    objectName: "seatedReachBand"
    color: Qt.darker(Theme.background, 1.2)
    // Outside the mirrored screen below it: an Arabic title starts at the right here too.
    LayoutMirroring.enabled: band.title ? band.title.rtl === true : false
    LayoutMirroring.childrenInherit: true

    LocalizedText {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        value: band.title
        color: Theme.muted
        pixelSize: Theme.titleSize * 0.7
        maximumLineCount: 2
    }
}
