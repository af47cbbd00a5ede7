pragma ComponentBehavior: Bound
import QtQuick
import KioskBackend

// One panel of the strip: builds its view when it is the current panel or a neighbour
// (so the next and previous panels are ready before a swipe reaches them).
Item {
    id: view

    required property var panel
    property bool near: false
    property bool isCurrent: false
    property bool neighbour: false
    required property ExhibitionStore store
    required property Navigator navigator
    signal openImage(string source, var alt)

    objectName: "panel_" + (panel ? panel.panelId : "")
    clip: true

    // The keypad: the panel on screen is the first control in the focus order; select on it
    // plays or pauses its film, or opens its picture (an image panel's, or the one beside a
    // text) full screen, and closes it again.
    FocusRing {
        name: view.isCurrent ? "panel" : ""
        outside: false
    }
    Connections {
        target: Theme.access
        enabled: view.isCurrent
        function onActivatePanel() {
            if (!view.panel)
                return;
            if (view.panel.kind === "image" || (view.panel.kind === "text" && view.panel.imageUrl !== ""))
                view.openImage(view.panel.imageUrl, view.panel.alt);
            else if (view.panel.kind === "video" && loader.item)
                (loader.item as VideoPanelView)?.activate();
        }
    }

    Loader {
        id: loader
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: Theme.px(20)
        anchors.bottomMargin: Theme.px(28)
        active: view.near
        // A neighbour is built a little each frame (incubated), so preparing the next panel never
        // stalls the one on screen; the panel a visitor lands on is built at once if it is not yet.
        asynchronous: !view.isCurrent
        sourceComponent: {
            switch (view.panel ? view.panel.kind : "") {
            case "text":
                return textView;
            case "quote":
                return quoteView;
            case "image":
                return imageView;
            case "timeline":
                return timelineView;
            case "video":
                return videoView;
            default:
                return placeholderView;
            }
        }
    }

    Component {
        id: textView
        TextPanelView {
            panel: view.panel
            words: view.navigator.words
            onOpenImage: (source, alt) => view.openImage(source, alt)
        }
    }
    Component {
        id: quoteView
        QuotePanelView {
            panel: view.panel
            words: view.navigator.words
        }
    }
    Component {
        id: imageView
        ImagePanelView {
            panel: view.panel
            words: view.navigator.words
            onOpenImage: (source, alt) => view.openImage(source, alt)
        }
    }
    Component {
        id: timelineView
        TimelinePanelView {
            panel: view.panel
            words: view.navigator.words
            store: view.store
            language: view.navigator.language
        }
    }
    Component {
        id: videoView
        VideoPanelView {
            panel: view.panel
            words: view.navigator.words
            store: view.store
            navigator: view.navigator
            language: view.navigator.language
            isCurrent: view.isCurrent
            neighbour: view.neighbour
        }
    }
    Component {
        id: placeholderView
        PlaceholderPanelView {
            panel: view.panel
            words: view.navigator.words
        }
    }
}
