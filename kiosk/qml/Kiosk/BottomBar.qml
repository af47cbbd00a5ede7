import QtQuick
import KioskBackend

// Every control sits along the bottom, within reach of a seated visitor: home, large text,
// previous / progress / next in the middle, the language switch at the end.
// Narrow screens (portrait) give the language switch its own row above.
Rectangle {
    id: bar

    required property Navigator navigator
    required property LanguageModel languages
    property bool showNavigation: false
    readonly property bool compact: width < Theme.px(1560)

    objectName: "bottomBar"
    color: Qt.darker(Theme.background, 1.15)
    implicitHeight: (compact ? 2 : 1) * (Theme.touch + Theme.px(28)) + Theme.px(8)

    Rectangle {
        width: parent.width
        height: Math.max(1, Theme.px(2))
        color: Qt.lighter(Theme.surface, 1.4)
    }

    Item {
        id: mainRow
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        height: Theme.touch + Theme.px(32)

        Row {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(14)

            KioskButton {
                objectName: "homeButton"
                visible: bar.showNavigation
                icon: "home"
                label: bar.navigator.words.home
                labelLanguage: bar.navigator.language
                showLabel: !bar.compact
                onClicked: bar.navigator.goHome()
            }
            KioskButton {
                objectName: "largeTextButton"
                icon: "text"
                label: bar.navigator.words.large_text
                labelLanguage: bar.navigator.language
                showLabel: false
                highlighted: bar.navigator.largeText
                onClicked: bar.navigator.setLargeText(!bar.navigator.largeText)
            }
        }

        Row {
            visible: bar.showNavigation
            anchors.centerIn: parent
            spacing: Theme.px(28)

            KioskButton {
                objectName: "previousButton"
                // The chevron points the way the panels move: mirrored with the layout.
                icon: bar.navigator.rtl ? "next" : "previous"
                label: bar.navigator.words.previous
                showLabel: false
                enabled: bar.navigator.panelIndex > 0
                onClicked: bar.navigator.previous()
            }
            ProgressIndicator {
                anchors.verticalCenter: parent.verticalCenter
                count: bar.navigator.panelCount
                current: bar.navigator.panelIndex
            }
            KioskButton {
                objectName: "nextButton"
                icon: bar.navigator.rtl ? "previous" : "next"
                label: bar.navigator.words.next
                showLabel: false
                highlighted: enabled
                enabled: bar.navigator.panelIndex < bar.navigator.panelCount - 1
                onClicked: bar.navigator.next()
            }
        }

        LanguageSwitch {
            visible: !bar.compact
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            languages: bar.languages
            navigator: bar.navigator
        }
    }

    LanguageSwitch {
        visible: bar.compact
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: mainRow.top
        languages: bar.languages
        navigator: bar.navigator
    }
}
