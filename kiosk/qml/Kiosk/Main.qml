pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import KioskBackend

// The kiosk window. Layers, bottom to top: home, chapter, attract loop, the 'still there?'
// countdown, the load-failure screen, the staff overlay. Each screen fades over the one
// below it, so a transition never shows an empty frame.
Window {
    id: root

    required property ExhibitionStore store
    required property Navigator navigator
    required property ChapterModel chapters
    required property PanelModel panels
    required property LanguageModel languages
    required property AttractModel attract
    required property InvitationModel invitations
    // Listen, keypad focus, high contrast, seated reach, sign language (kiosk/ui/viewmodels/access.py).
    required property Access access
    // The staff view model (kiosk/ui/lockdown/staff.py) and the staff tools' controllers
    // (kiosk/ui/staff_tools: opening hours, live reload): `kiosk run` gives all three; a kiosk
    // rendered for proof sheets or a smoke test has none, and shows no staff screens.
    property StaffViewModel staff: null
    property ScheduleController schedule: null
    property ReloadController reload: null
    readonly property bool open: schedule === null || schedule.isOpen
    // Physical pixels per millimetre of this screen, for the touch guard (kiosk/ui/app.py).
    // Writable so that a test can stand in for a screen of another physical size.
    property real pixelsPerMm: Screen.pixelDensity > 0 ? Screen.pixelDensity : 3.78
    // Set once the attract loop's first item is on screen (or after 1.5 s at most): what the
    // loop does not need (the home and chapter screens, 100-250 ms to build here) waits until
    // then, and is built after this frame's other watchers have seen it (Qt.callLater: this
    // handler runs before anything connected to frameSwapped after the scene was made).
    property bool warm: false

    function warmUp() { warm = true }
    onFrameSwapped: if (!warm && attractLoop.currentReady) Qt.callLater(warmUp)
    Timer {
        interval: 1500
        running: !root.warm
        onTriggered: root.warmUp()
    }

    objectName: "kioskWindow"
    title: "Kiosk"
    color: Theme.background
    visible: false

    Binding {
        target: Theme
        property: "windowWidth"
        value: root.width
    }
    Binding {
        target: Theme
        property: "windowHeight"
        value: root.height
    }
    Binding {
        target: Theme
        property: "pixelsPerMm"
        value: root.pixelsPerMm
    }
    Binding {
        target: Theme
        property: "largeText"
        value: root.navigator.largeText
    }
    Binding {
        target: Theme
        property: "background"
        value: root.access.palette.background
    }
    Binding {
        target: Theme
        property: "surface"
        value: root.access.palette.surface
    }
    Binding {
        target: Theme
        property: "text"
        value: root.access.palette.text
    }
    Binding {
        target: Theme
        property: "muted"
        value: root.access.palette.muted
    }
    Binding {
        target: Theme
        property: "accent"
        value: root.access.palette.accent
    }
    Binding {
        target: Theme
        property: "focusName"
        value: root.access.focusName
    }
    Binding {
        target: Theme
        property: "access"
        value: root.access
    }
    Binding {
        target: Theme
        property: "highContrast"
        value: root.access.highContrast
    }
    Binding {
        target: Theme
        property: "seatedReach"
        value: root.access.seatedReach
    }
    Binding {
        target: Theme
        property: "bodyFont"
        value: root.store.theme.font
    }
    Binding {
        target: Theme
        property: "headingFont"
        value: root.store.theme.headingFont
    }
    Binding {
        target: Theme
        property: "arabicFont"
        value: root.store.theme.arabicFont
    }

    // Seated reach: the whole visit moves into the lower part of the screen, within a seated
    // visitor's reach; the band above only names the exhibition.
    SeatedReachBand {
        anchors.top: parent.top
        width: parent.width
        height: parent.height - stage.height
        visible: root.access.seatedReach && root.navigator.screen !== "attract"
        title: root.navigator.exhibitionTitle
    }

    Item {
        id: stage
        objectName: "stage"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: root.access.seatedReach && root.navigator.screen !== "attract" ? Math.round(parent.height * Theme.reachFraction) : parent.height
        // Right-to-left languages mirror the whole layout: anchors, rows, lists, swipes.
        LayoutMirroring.enabled: root.navigator.rtl
        LayoutMirroring.childrenInherit: true

        // Home and chapter are built right after the loop's first frame, not before it: the
        // kiosk shows something sooner, and they are ready long before a visitor can touch.
        // Synchronously: one short hitch of the loop at startup, and the screens exist as soon
        // as a touch can ask for them.
        Loader {
            id: home
            objectName: "homeLoader"
            anchors.fill: parent
            active: root.warm || root.navigator.screen !== "attract"
            visible: root.navigator.screen !== "chapter" || chapter.opacity < 1
            sourceComponent: HomeScreen {
                navigator: root.navigator
                chapters: root.chapters
                languages: root.languages
                title: root.navigator.exhibitionTitle
                subtitle: root.navigator.exhibitionSubtitle
            }
        }

        Loader {
            id: chapter
            objectName: "chapterLoader"
            anchors.fill: parent
            active: root.warm || root.navigator.screen !== "attract"
            opacity: root.navigator.screen === "chapter" ? 1 : 0
            visible: opacity > 0
            Behavior on opacity {
                NumberAnimation {
                    duration: Theme.transitionMs
                }
            }
            sourceComponent: ChapterScreen {
                navigator: root.navigator
                panels: root.panels
                languages: root.languages
                store: root.store
            }
        }

        AttractLoop {
            id: attractLoop
            anchors.fill: parent
            items: root.attract
            invitations: root.invitations
            store: root.store
            filmWord: root.navigator.words.film
            // Stopped (and silent) while the exhibition is closed.
            running: root.navigator.screen === "attract" && root.store.loaded && root.open
            opacity: root.navigator.screen === "attract" ? 1 : 0
            visible: opacity > 0
            // The loop shows its own items in their own languages: never mirrored as a whole.
            LayoutMirroring.enabled: false
            Behavior on opacity {
                NumberAnimation {
                    duration: Theme.transitionMs
                }
            }
        }

        IdleCountdown {
            anchors.fill: parent
            navigator: root.navigator
        }

        SignLanguageInset {
            access: root.access
            store: root.store
            language: root.navigator.language
        }

        KeyHelp {
            access: root.access
            text: root.navigator.words.key_help
            language: root.navigator.language
        }
    }

    // Opening hours: above the stage, below the error screen and the staff overlay.
    Loader {
        objectName: "closedScreenLoader"
        anchors.fill: parent
        active: root.schedule !== null
        sourceComponent: ClosedScreen {
            schedule: root.schedule
        }
    }

    // The exhibition could not be read: with the staff tools, the problems and a way to try
    // again (behind the PIN); without them, the problems alone.
    Loader {
        objectName: "errorScreenLoader"
        anchors.fill: parent
        active: !root.store.loaded
        sourceComponent: root.staff !== null ? errorScreen : loadFailed
    }
    Component {
        id: errorScreen
        ErrorScreen {
            staff: root.staff
        }
    }
    Component {
        id: loadFailed
        LoadFailedScreen {
            store: root.store
        }
    }

    // Problems of a live reload: above everything but the staff overlay.
    Loader {
        objectName: "reloadErrorsLoader"
        anchors.fill: parent
        z: 90
        active: root.reload !== null
        sourceComponent: ReloadErrors {
            reload: root.reload
            staffPresent: root.staff !== null && root.staff.stage !== "closed"
        }
    }

    Loader {
        objectName: "staffOverlayLoader"
        anchors.fill: parent
        z: 100
        active: root.staff !== null
        sourceComponent: StaffOverlay {
            staff: root.staff
        }
    }
}
