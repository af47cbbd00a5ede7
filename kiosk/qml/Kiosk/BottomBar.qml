import QtQuick
import KioskBackend

// Every control sits along the bottom, within reach of a seated visitor: home, listen, large
// text, high contrast, seated reach (and sign language where the panel has it), previous /
// progress / next in the middle, the language switch at the end.
// Narrow screens (portrait) give the language switch its own row above.
Rectangle {
    id: bar

    required property Navigator navigator
    required property LanguageModel languages
    readonly property var access: Theme.access
    property bool showNavigation: false
    readonly property bool compact: width < Theme.px(1560)
    // The one row must hold the controls at the start with their words, the pager and the language
    // switch. Where it cannot (long words, large text, "Stop listening"), the home button shows its
    // icon alone, then the listen button too (its icon and its light still say that it reads): the
    // pager never slides under the languages.
    readonly property real roomForStart: mainRow.width - (compact ? 0 : languageSwitch.width)
        - (showNavigation ? pager.width + 2 * Theme.px(28) : Theme.px(28))
    readonly property bool homeWordsFit: startWidth(true, true) <= roomForStart
    readonly property bool listenWordsFit: startWidth(false, true) <= roomForStart

    // The width of the start of the row with or without the words of the home and listen buttons.
    function startWidth(homeWords, listenWords) {
        const widths = [largeTextButton.implicitWidth];
        if (homeButton.visible)
            widths.push(homeWords ? homeMeasure.implicitWidth : homeButton.size);
        if (listenButton.visible)
            widths.push(listenWords ? listenMeasure.implicitWidth : listenButton.size);
        if (startToggles.visible)
            widths.push(startToggles.implicitWidth);
        return widths.reduce((sum, width) => sum + width, 0) + startRow.spacing * (widths.length - 1);
    }

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

        // The home and listen buttons with their words, never shown: how wide each would be.
        KioskButton {
            id: homeMeasure
            visible: false
            icon: "home"
            label: homeButton.label
            labelLanguage: bar.navigator.language
        }
        KioskButton {
            id: listenMeasure
            visible: false
            icon: listenButton.icon
            label: listenButton.label
            labelLanguage: bar.navigator.language
        }

        Row {
            id: startRow
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(14)

            KioskButton {
                id: homeButton
                objectName: "homeButton"
                visible: bar.showNavigation
                icon: "home"
                label: bar.navigator.words.home
                labelLanguage: bar.navigator.language
                // Room for the sign-language button when the panel has a film in sign language.
                showLabel: !bar.compact && !(bar.access && bar.access.signLanguageAvailable) && bar.homeWordsFit
                focusName: "home"
                onClicked: bar.navigator.goHome()
            }
            // Always here and clearly marked: a headphone icon and the word, lit while it reads
            // (the word goes only where the row has no room for it).
            KioskButton {
                id: listenButton
                objectName: "listenButton"
                visible: bar.access !== null
                icon: bar.access && bar.access.listening ? "stop" : "listen"
                label: bar.access && bar.access.listening ? bar.navigator.words.stop_listening : bar.navigator.words.listen
                labelLanguage: bar.navigator.language
                showLabel: bar.listenWordsFit
                highlighted: bar.access !== null && bar.access.listening
                enabled: bar.access !== null && (bar.access.listenAvailable || bar.access.listening)
                focusName: "listen"
                onClicked: bar.access.listen()
            }
            KioskButton {
                id: largeTextButton
                objectName: "largeTextButton"
                icon: "text"
                label: bar.navigator.words.large_text
                labelLanguage: bar.navigator.language
                showLabel: false
                highlighted: bar.navigator.largeText
                focusName: "large_text"
                onClicked: bar.navigator.setLargeText(!bar.navigator.largeText)
            }
            AccessToggles {
                id: startToggles
                visible: !bar.compact && access !== null
                access: bar.access
                words: bar.navigator.words
            }
        }

        Row {
            id: pager
            // Centred, unless the controls at the start of the bar reach it: then just after them.
            readonly property real shift: Math.max(0, startRow.width + Theme.px(28) - (mainRow.width - width) / 2)
            visible: bar.showNavigation
            anchors.verticalCenter: parent.verticalCenter
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.horizontalCenterOffset: shift
            spacing: Theme.px(28)

            KioskButton {
                objectName: "previousButton"
                // The chevron points the way the panels move: mirrored with the layout.
                icon: bar.navigator.rtl ? "next" : "previous"
                label: bar.navigator.words.previous
                showLabel: false
                enabled: bar.navigator.panelIndex > 0
                focusName: "previous"
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
                focusName: "next"
                onClicked: bar.navigator.next()
            }
        }

        LanguageSwitch {
            id: languageSwitch
            visible: !bar.compact
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            languages: bar.languages
            navigator: bar.navigator
        }
    }

    // Narrow screens: the languages and the access toggles get the row above.
    Row {
        visible: bar.compact
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: mainRow.top
        spacing: Theme.px(28)
        LanguageSwitch {
            languages: bar.languages
            navigator: bar.navigator
        }
        AccessToggles {
            access: bar.access
            words: bar.navigator.words
        }
    }
}
