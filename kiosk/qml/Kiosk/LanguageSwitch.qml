pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// One button per exhibition language, each named in its own script; the current one lit.
Row {
    id: root

    required property LanguageModel languages
    required property Navigator navigator

    objectName: "languageSwitch"
    spacing: Theme.px(10)

    Repeater {
        model: root.languages
        delegate: KioskButton {
            required property string code
            required property string name
            required property bool current
            objectName: "languageButton_" + code
            focusName: "language:" + code
            label: name
            labelLanguage: code
            highlighted: current
            onClicked: root.navigator.setLanguage(code)
        }
    }
}
