import QtQuick

// Large text on a contrasting band; the direction follows the language (Arabic right to left).
Item {
    id: caption
    property string text
    property bool rtl: false
    property string fontFamily
    property real pixelSize: 48
    property real maxWidth: 800
    property bool shown: false
    width: band.width
    height: band.height
    visible: shown
    Rectangle {
        id: band
        width: Math.min(caption.maxWidth, label.contentWidth + Theme.px(48))
        height: label.contentHeight + Theme.px(24)
        radius: Theme.px(8)
        color: Qt.rgba(0, 0, 0, 0.8)
    }
    Text {
        id: label
        objectName: "videoCaption"
        anchors.centerIn: band
        width: caption.maxWidth - Theme.px(48)
        text: caption.text
        textFormat: Text.PlainText
        color: "#FFFFFF"
        font.family: caption.fontFamily
        font.pixelSize: caption.pixelSize
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        LayoutMirroring.enabled: caption.rtl
        LayoutMirroring.childrenInherit: true
    }
}
