pragma ComponentBehavior: Bound
import QtQuick

// Where the visitor is in the chapter: a dot per panel (the current one long), and "3 / 7".
Row {
    id: root

    property int count: 0
    property int current: 0

    objectName: "progressIndicator"
    spacing: Theme.px(18)

    Row {
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.px(10)
        visible: root.count <= 12
        Repeater {
            model: root.count <= 12 ? root.count : 0  // hidden past 12: no dots made either
            delegate: Rectangle {
                required property int index
                width: index === root.current ? Theme.px(40) : Theme.px(14)
                height: Theme.px(14)
                radius: height / 2
                color: index === root.current ? Theme.accent : (index < root.current ? Theme.muted : (Theme.highContrast ? Qt.darker(Theme.text, 2.2) : Qt.lighter(Theme.surface, 2.0)))
                Behavior on width {
                    NumberAnimation {
                        duration: Theme.transitionMs
                    }
                }
            }
        }
    }
    Text {
        objectName: "progressText"
        anchors.verticalCenter: parent.verticalCenter
        text: (root.current + 1) + " / " + root.count
        color: Theme.muted
        font.family: Theme.bodyFont
        font.pixelSize: Theme.smallSize
        // Digits and the slash read left to right in every layout.
        LayoutMirroring.enabled: false
    }
}
