pragma Singleton
import QtQuick
import KioskBackend

// Sizes, colours and fonts for every view. Main.qml feeds it the exhibition's theme,
// the window size, the screen's pixel density and the visitor's large-text choice.
QtObject {
    id: theme

    property color background: "#14161A"
    property color surface: "#20242B"
    property color text: "#F4F1EA"
    property color muted: "#B8B2A7"
    property color accent: "#E2A740"
    // Text drawn on the accent colour (buttons that are "on"): the background is dark
    // and contrasts with the light accent by more than 4.5:1 (tests/ui/test_contrast.py).
    readonly property color onAccent: background
    // The high-contrast theme (kiosk/theme/contrast.py): controls get a white outline, since their
    // fill is as black as the screen.
    property bool highContrast: false
    readonly property color outline: highContrast ? text : Qt.lighter(surface, 1.8)
    property string bodyFont: "Noto Sans"
    property string headingFont: "Noto Serif"
    property string arabicFont: "Noto Naskh Arabic"

    property real windowWidth: 1920
    property real windowHeight: 1080
    // Physical pixels per millimetre of the real screen (Screen.pixelDensity).
    property real pixelsPerMm: 3.6
    property bool largeText: false
    // Below 1 when memory is short: pictures are decoded smaller (kiosk/ui/memory_watch.py).
    property real pictureScale: 1.0
    // False when memory is short: the attract loop prepares a film only once the film before it
    // has stopped, never beside it (each holds its decoder's pictures: 230 MiB at 2160p).
    property bool prepareFilmsAhead: true
    // The keypad: the control that has the focus ("" while nobody uses the keys), and the view
    // model that panels ask to play a film or open a picture (kiosk/ui/viewmodels/access.py).
    property string focusName: ""
    property Access access: null
    // Seated reach: every control in the lower part of the screen.
    property bool seatedReach: false
    readonly property real focusRingWidth: Math.max(3, px(6))
    // The share of the screen's height the seated-reach layout uses, from the bottom.
    readonly property real reachFraction: 0.62

    readonly property bool portrait: windowHeight > windowWidth
    // 1.0 on a 1080p screen in either orientation; 2.0 on 4K; 0.74 at 1280x800.
    readonly property real scale: Math.max(0.5, Math.min(windowWidth, windowHeight) / 1080)
    readonly property real textScale: largeText ? 1.3 : 1.0

    // Touch targets: at least 9 mm on the glass and 48 px at 1080p, and generous beyond that.
    readonly property real minTouch: Math.max(9 * pixelsPerMm, 48 * scale)
    readonly property real touch: Math.max(minTouch, 88 * scale)
    readonly property real margin: px(56)
    readonly property real gap: px(24)
    readonly property real radius: px(18)

    readonly property real bodySize: px(30) * textScale
    readonly property real smallSize: px(23) * textScale
    readonly property real labelSize: px(26) * textScale
    readonly property real titleSize: px(54) * textScale
    readonly property real displaySize: px(80) * textScale
    readonly property real quoteSize: px(58) * textScale

    // Navigation transitions stay under 300 ms; the attract loop dissolves slowly on purpose.
    readonly property int transitionMs: 240
    readonly property int dissolveMs: 900

    readonly property var arabicScript: ["ar", "fa", "ur", "ps", "ckb", "sd", "ug"]

    function px(value) {
        return Math.round(value * scale);
    }
    function usesArabicScript(lang) {
        return arabicScript.indexOf(String(lang).split("-")[0]) >= 0;
    }
    function fontFor(lang) {
        return usesArabicScript(lang) ? arabicFont : bodyFont;
    }
    function headingFontFor(lang) {
        return usesArabicScript(lang) ? arabicFont : headingFont;
    }
}
