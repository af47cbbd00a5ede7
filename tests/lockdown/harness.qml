import QtQuick
import KioskBackend
// The Kiosk module folder (kiosk.paths.qml_import_dir() / "Kiosk"), filled in by the test.
import "@KIOSK_QML@"

// A stand-in for Main.qml: a visitor view, the error screen when asked, the staff overlay on
// top, and shortcuts such as an app or a window manager might bind to leave the window.
// The lock-down must stop every one of them; without it they close the window.
Window {
    id: window
    objectName: "harnessWindow"

    required property StaffViewModel staff
    required property bool showError
    property int holdDuration: 3000
    property int ringDelay: 1000
    property string fired: ""

    function leaveBy(what: string) {
        fired += (fired ? "," : "") + what;
        window.close();
    }

    width: 1280
    height: 800
    color: "#263140"

    Rectangle {
        objectName: "visitorView"
        anchors.fill: parent
        color: "#263140"

        Text {
            anchors.centerIn: parent
            text: "Visitor view"
            color: "#F4F1EA"
            font.pixelSize: 48
        }
    }

    ErrorScreen {
        anchors.fill: parent
        visible: window.showError
        staff: window.staff
    }

    StaffOverlay {
        anchors.fill: parent
        staff: window.staff
        holdDuration: window.holdDuration
        ringDelay: window.ringDelay
    }

    Shortcut { sequence: "Alt+F4"; onActivated: window.leaveBy("Alt+F4") }
    Shortcut { sequence: "Escape"; onActivated: window.leaveBy("Escape") }
    Shortcut { sequence: "Ctrl+Q"; onActivated: window.leaveBy("Ctrl+Q") }
    Shortcut { sequence: "Ctrl+W"; onActivated: window.leaveBy("Ctrl+W") }
    Shortcut { sequence: "Alt+Tab"; onActivated: window.leaveBy("Alt+Tab") }
    Shortcut { sequence: "Ctrl+Alt+Backspace"; onActivated: window.leaveBy("Ctrl+Alt+Backspace") }
    Shortcut { sequence: "Ctrl+F4"; onActivated: window.leaveBy("Ctrl+F4") }
}
