import QtQuick
import KioskBackend

// Play/pause, a scrubber over the excerpt only, replay, volume up to the staff's limit.
// Never mirrored, in Arabic either: playback controls follow the direction of the film's time, not
// of the text (as video players in right-to-left languages do). Mirrored, the bar kept its sliders
// left to right, and the volume's knob at its loudest sat on the speaker.
Rectangle {
    id: bar
    required property ExcerptPlayer player
    height: Theme.touch + Theme.px(24)
    color: Qt.rgba(0, 0, 0, 0.6)
    LayoutMirroring.enabled: false
    LayoutMirroring.childrenInherit: true

    MouseArea {
        anchors.fill: parent  // taps on the bar itself do not reach the video behind
    }

    function timeText(ms) {
        const s = Math.floor(ms / 1000);
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }

    Row {
        id: buttons
        anchors.left: parent.left
        anchors.leftMargin: Theme.px(16)
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.px(12)
        VideoControlButton {
            objectName: "videoPlayPause"
            glyph: bar.player.playing ? "pause" : "play"
            onTapped: bar.player.toggle()
        }
        VideoControlButton {
            objectName: "videoReplay"
            glyph: "replay"
            onTapped: bar.player.replay()
        }
    }

    Text {
        id: clock
        anchors.left: buttons.right
        anchors.leftMargin: Theme.px(16)
        anchors.verticalCenter: parent.verticalCenter
        text: bar.timeText(bar.player.position) + " / " + bar.timeText(bar.player.duration)
        color: Theme.text
        font.pixelSize: Theme.smallSize
        font.features: {"tnum": 1}
    }

    VideoSlider {
        id: scrubber
        objectName: "videoScrubber"
        anchors.left: clock.right
        anchors.leftMargin: Theme.px(24)
        anchors.right: speaker.left
        anchors.rightMargin: Theme.px(32)
        anchors.verticalCenter: parent.verticalCenter
        value: bar.player.duration > 0 ? bar.player.position / bar.player.duration : 0
        onMoved: fraction => bar.player.seek(Math.round(fraction * bar.player.duration))
    }

    // The speaker says which of the two sliders is the volume.
    Icon {
        id: speaker
        objectName: "videoSpeaker"
        name: "volume"
        anchors.right: volume.left
        anchors.rightMargin: Theme.px(8)
        anchors.verticalCenter: parent.verticalCenter
    }

    VideoSlider {
        id: volume
        objectName: "videoVolume"
        width: Theme.px(220)
        anchors.right: parent.right
        anchors.rightMargin: Theme.px(28)
        anchors.verticalCenter: parent.verticalCenter
        value: bar.player.maxVolume > 0 ? bar.player.volume / bar.player.maxVolume : 0
        onMoved: fraction => bar.player.volume = Math.round(fraction * bar.player.maxVolume)
    }
}
