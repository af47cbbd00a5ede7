import QtQuick

// High contrast, seated reach, and sign language where the panel has it: the visitor's own
// switches, off again for the next visitor.
Row {
    id: toggles

    property var access: null
    property var words: ({})

    visible: access !== null
    spacing: Theme.px(14)

    KioskButton {
        objectName: "contrastButton"
        visible: toggles.access !== null
        icon: "contrast"
        label: toggles.words.contrast
        showLabel: false
        highlighted: toggles.access !== null && toggles.access.highContrast
        focusName: "contrast"
        onClicked: toggles.access.toggle("contrast")
    }
    KioskButton {
        objectName: "reachButton"
        visible: toggles.access !== null
        icon: "reach"
        label: toggles.words.reach
        showLabel: false
        highlighted: toggles.access !== null && toggles.access.seatedReach
        focusName: "reach"
        onClicked: toggles.access.toggle("reach")
    }
    KioskButton {
        objectName: "signLanguageButton"
        visible: toggles.access !== null && toggles.access.signLanguageAvailable
        icon: "sign"
        label: toggles.words.sign_language
        showLabel: false
        highlighted: toggles.access !== null && toggles.access.signLanguage
        focusName: "sign_language"
        onClicked: toggles.access.toggle("sign_language")
    }
}
