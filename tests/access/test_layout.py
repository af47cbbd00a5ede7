"""Focus order mirrored on screen, the lock-down still in charge of keys, seated reach, high
contrast and 9 mm targets, on the real window with the bundled exhibition."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from ui.driver import items, shown

from kiosk.model.exhibition import Exhibition, Theme
from kiosk.theme.contrast import HIGH_CONTRAST, failing
from kiosk.theme.targets import MIN_TARGET_MM, too_small
from kiosk.ui.lockdown.keys import ExitGuard

from .conftest import KeyKiosk

CONTROL_PREFIXES = ("chapterTile_", "languageButton_")
CONTROL_NAMES = (
    "homeButton",
    "listenButton",
    "largeTextButton",
    "contrastButton",
    "reachButton",
    "previousButton",
    "nextButton",
    "signLanguageButton",
)


def _item(kiosk: KeyKiosk, name: str) -> QQuickItem:
    found = [i for i in items(kiosk.window.contentItem()) if i.objectName() == name and shown(i)]
    assert found, name
    return found[0]


def _centre_x(item: QQuickItem) -> float:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).x()


def _controls(kiosk: KeyKiosk) -> dict[str, QQuickItem]:
    return {
        i.objectName(): i
        for i in items(kiosk.window.contentItem())
        if shown(i) and (i.objectName() in CONTROL_NAMES or i.objectName().startswith(CONTROL_PREFIXES))
    }


def _home(kiosk: KeyKiosk) -> None:
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.qtbot.wait(300)


def test_focus_order_is_mirrored_on_screen_in_arabic(key_kiosk: KeyKiosk) -> None:
    kiosk, access = key_kiosk, key_kiosk.access
    _home(kiosk)
    first, second = _item(kiosk, "chapterTile_0"), _item(kiosk, "chapterTile_1")
    assert _centre_x(second) > _centre_x(first)  # French: reading goes right
    kiosk.key("right")
    assert access.focusName == "chapter:1"
    assert shown(_item(kiosk, "focusRing_chapter:1"))
    kiosk.key("left")
    kiosk.navigator.setLanguage("ar")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.rtl)
    kiosk.qtbot.wait(100)
    first, second = _item(kiosk, "chapterTile_0"), _item(kiosk, "chapterTile_1")
    assert _centre_x(second) < _centre_x(first)  # Arabic: the grid is mirrored...
    assert access.focusName == "chapter:0"
    kiosk.key("left")  # ...and the arrow toward the line's end moves forward, onto the tile on the left
    assert access.focusName == "chapter:1"
    kiosk.key("right")
    assert access.focusName == "chapter:0"
    # The bottom bar too: large text comes after the tiles, and sits right of the languages in Arabic.
    kiosk.focus_on("large_text")
    assert _centre_x(_item(kiosk, "largeTextButton")) > _centre_x(_item(kiosk, "languageButton_fr"))


def test_the_lock_down_still_swallows_every_key_that_would_leave(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    app = QGuiApplication.instance()
    guard = ExitGuard()
    app.installEventFilter(guard)
    try:
        _home(kiosk)
        kiosk.key("select", 80)
        kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
        K, M = Qt.Key, Qt.KeyboardModifier
        for key, modifiers in (
            (K.Key_Escape, M.NoModifier),
            (K.Key_F4, M.AltModifier),
            (K.Key_Q, M.ControlModifier),
            (K.Key_Right, M.ControlModifier),
            (K.Key_Backspace, M.ControlModifier | M.AltModifier),
            (K.Key_Tab, M.AltModifier),
        ):
            QTest.keyClick(kiosk.window, key, modifiers)
            kiosk.qtbot.wait(70)
        assert guard.keys_swallowed >= 6
        assert kiosk.navigator.screen == "chapter" and kiosk.navigator.panelIndex == 0
        assert kiosk.window.isVisible()
        kiosk.key("right", 80)  # the keypad's own keys still work
        kiosk.qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 1)
    finally:
        app.removeEventFilter(guard)


def test_seated_reach_puts_every_control_in_the_lower_part(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    _home(kiosk)
    height = kiosk.window.height()
    tops_before = {name: item.mapToScene(QPointF(0, 0)).y() for name, item in _controls(kiosk).items()}
    assert min(tops_before.values()) < height * 0.3  # the tiles start near the top as everyone sees them
    kiosk.focus_on("reach")
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.access.seatedReach)
    kiosk.qtbot.wait(100)
    for screen in ("home", "chapter"):
        if screen == "chapter":
            kiosk.focus_on("chapter:0")
            kiosk.key("select", 80)
            kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
            kiosk.qtbot.wait(300)
        controls = _controls(kiosk)
        assert len(controls) >= 6
        high = {
            n: i.mapToScene(QPointF(0, 0)).y()
            for n, i in controls.items()
            if i.mapToScene(QPointF(0, 0)).y() < height * 0.38 - 1
        }
        assert not high, f"out of a seated visitor's reach: {high}"


def test_the_seated_reach_band_starts_an_arabic_title_at_the_right(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    _home(kiosk)
    kiosk.navigator.setLanguage("ar")
    kiosk.access.toggle("reach")
    kiosk.qtbot.waitUntil(lambda: kiosk.access.seatedReach)
    band = _item(kiosk, "seatedReachBand")
    kiosk.qtbot.wait(100)  # drawn
    area = band.mapRectToScene(band.boundingRect()).toRect()
    image = kiosk.window.grabWindow().copy(area)
    ground = image.pixel(2, 2)
    inked = [x for x in range(image.width()) for y in range(0, image.height(), 4) if image.pixel(x, y) != ground]
    assert inked, "no title in the band"
    assert min(inked) > image.width() * 0.3, f"the title starts at x={min(inked)}, at the left"


def test_high_contrast_theme_on_screen_passes_and_a_bad_theme_fails(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    _home(kiosk)
    theme_object = kiosk.app.engine.singletonInstance("Kiosk", "Theme")

    def live() -> Theme:
        value = {
            k: theme_object.property(k).name().upper() for k in ("background", "surface", "text", "muted", "accent")
        }
        return Theme(**value)

    assert failing(live()) == []
    kiosk.focus_on("contrast")
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.access.highContrast)
    assert live() == Theme(
        **{k: getattr(HIGH_CONTRAST, k) for k in ("background", "surface", "text", "muted", "accent")}
    )
    assert failing(live()) == []
    # An exhibition with a poor theme: the same check on the screen's colours fails.
    bad = Theme(muted="#5A5A5A", accent="#3A3A3A")
    kiosk.access.toggle("contrast")
    from dataclasses import replace

    exhibition = kiosk.app.store.exhibition
    kiosk.app.apply_exhibition(replace(exhibition, exhibition=replace(exhibition.exhibition, theme=bad)))
    kiosk.qtbot.waitUntil(lambda: live().muted == "#5A5A5A")
    assert any(p.startswith("muted on background") for p in failing(live()))


def test_every_target_is_9_mm_at_the_screens_physical_size(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    _home(kiosk)
    for diagonal_inches, density in ((21.5, 4.03), (10.1, 8.72), (7.0, 12.59)):  # 1080p screens
        kiosk.window.setProperty("pixelsPerMm", density)
        kiosk.qtbot.wait(50)
        for screen in ("home", "chapter"):
            if screen == "chapter" and kiosk.navigator.screen != "chapter":
                kiosk.focus_on("chapter:0")
                kiosk.key("select", 80)
                kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
                kiosk.qtbot.wait(300)
            sizes = {n: (i.width(), i.height()) for n, i in _controls(kiosk).items()}
            assert len(sizes) >= 6
            assert too_small(sizes, density) == [], f"{diagonal_inches} inch screen"
            # The same controls, judged for a screen denser than the one they were laid out for, fail:
            # the check can fail, and the layout really followed the screen's size.
            smallest = min(min(w, h) for w, h in sizes.values())
            assert too_small(sizes, smallest / MIN_TARGET_MM * 1.2)
        kiosk.key("back", 80)
        kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
        kiosk.qtbot.wait(300)


def test_a_picture_opens_zooms_and_closes_by_keys_without_a_pinch(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    from kiosk.model.exhibition import ImagePanel

    kiosk, access = key_kiosk, key_kiosk.access
    chapter, index = next(
        (ci, pi) for ci, c in enumerate(bundled.chapters) for pi, p in enumerate(c.panels) if isinstance(p, ImagePanel)
    )
    _home(kiosk)
    kiosk.app.visit.open_chapter(chapter, index)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter" and kiosk.navigator.panelIndex == index)
    kiosk.qtbot.wait(300)
    assert access.focusName == "panel"
    kiosk.key("select")  # opens the picture full screen
    viewer = next(i for i in items(kiosk.window.contentItem()) if i.objectName() == "imageViewer")
    kiosk.qtbot.waitUntil(lambda: viewer.property("opened") is True)
    assert access.focusName == "zoom_in"
    picture = next(i for i in items(kiosk.window.contentItem()) if i.objectName() == "viewerImage")
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: picture.scale() > 1.4)
    kiosk.key("down")
    assert access.focusName == "zoom_out"
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: picture.scale() < 1.01)
    kiosk.key("back")  # closes the picture, not the chapter
    kiosk.qtbot.waitUntil(lambda: viewer.property("opened") is False)
    assert kiosk.navigator.screen == "chapter" and access.focusName == "panel"


def test_the_picture_beside_a_text_opens_by_keys_too(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    from kiosk.model.exhibition import TextPanel

    kiosk, access = key_kiosk, key_kiosk.access
    chapter, index, panel = next(
        (ci, pi, p)
        for ci, c in enumerate(bundled.chapters)
        for pi, p in enumerate(c.panels)
        if isinstance(p, TextPanel) and p.image is not None
    )
    _home(kiosk)
    kiosk.app.visit.open_chapter(chapter, index)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter" and kiosk.navigator.panelIndex == index)
    kiosk.qtbot.wait(300)
    assert access.focusName == "panel"
    kiosk.key("select")
    viewer = next(i for i in items(kiosk.window.contentItem()) if i.objectName() == "imageViewer")
    kiosk.qtbot.waitUntil(lambda: viewer.property("opened") is True)
    assert str(viewer.property("source")).endswith(panel.image.relative)
    kiosk.key("back")
    kiosk.qtbot.waitUntil(lambda: viewer.property("opened") is False)
    assert kiosk.navigator.screen == "chapter" and access.focusName == "panel"


def test_the_help_key_shows_and_says_which_key_does_what(key_kiosk: KeyKiosk) -> None:
    from kiosk.text import localize

    kiosk, access = key_kiosk, key_kiosk.access
    _home(kiosk)
    kiosk.key("help")
    assert access.helpShown
    help_box = _item(kiosk, "keyHelp")
    assert shown(help_box)
    words = localize.chrome("key_help", "fr")
    assert access.session.playing_path == access.session.library.for_label(words, "fr")
    kiosk.key("help")
    assert not access.helpShown
    kiosk.qtbot.waitUntil(lambda: not shown(help_box))


def test_the_help_stays_while_keys_are_pressed_and_makes_way_for_a_touch(key_kiosk: KeyKiosk) -> None:
    kiosk, access = key_kiosk, key_kiosk.access
    _home(kiosk)
    kiosk.key("help")
    kiosk.key("down")
    assert access.helpShown, "a visitor reading which key does what goes on pressing keys"
    # A touch on the heading, where it starts nothing.
    heading = QPointF(200, 80).toPoint()
    QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, heading)
    assert not access.helpShown, "it covered captions and buttons until the help key came again"
    kiosk.qtbot.waitUntil(lambda: not shown(_item_or_none(kiosk, "keyHelp")))


def _item_or_none(kiosk: KeyKiosk, name: str) -> QQuickItem | None:
    return next((i for i in items(kiosk.window.contentItem()) if i.objectName() == name), None)


BAR_CONTROLS = (*CONTROL_NAMES, "languageButton_fr", "languageButton_en", "languageButton_ar")


def test_the_bottom_bar_keeps_its_controls_apart_in_every_language_and_size_while_it_reads(
    key_kiosk: KeyKiosk, bundled: Exhibition
) -> None:
    """The words 'Stop listening' and large text make the start of the bar wider: the pager moved
    under the language switch there, and the forward arrow went out of reach."""
    kiosk, navigator = key_kiosk, key_kiosk.navigator
    _home(kiosk)
    exile = [chapter.id for chapter in bundled.chapters].index("exile")  # the most panels: the widest pager
    width = kiosk.window.width()
    for language in ("fr", "en", "ar"):
        for large in (False, True):
            navigator.setLanguage(language)
            navigator.setLargeText(large)
            navigator.openChapter(exile)
            kiosk.qtbot.waitUntil(lambda: navigator.screen == "chapter")
            last_but_one = len(bundled.chapters[exile].panels) - 2  # where the visitor lost the arrow
            # Asked again until the chapter lets the visitor move (it does once it has opened).
            kiosk.qtbot.waitUntil(lambda i=last_but_one: navigator.showPanel(i) or navigator.panelIndex == i)
            kiosk.access.listen()
            kiosk.qtbot.waitUntil(lambda: kiosk.access.listening)
            kiosk.qtbot.wait(200)  # the bar's rows lay out again
            rects = {name: _scene_rect(item) for name, item in _controls(kiosk).items() if name in BAR_CONTROLS}
            assert {"previousButton", "nextButton", "listenButton"} <= set(rects), (language, large, sorted(rects))
            for name, rect in rects.items():
                assert rect.left() >= 0 and rect.right() <= width, (language, large, name, rect)
            names = sorted(rects)
            for index, one in enumerate(names):
                for other in names[index + 1 :]:
                    assert not rects[one].intersects(rects[other]), (language, large, one, other)
            kiosk.access.listen()  # stop
            kiosk.qtbot.waitUntil(lambda: not kiosk.access.listening)


def _scene_rect(item: QQuickItem):  # type: ignore[no-untyped-def]
    return item.mapRectToScene(item.boundingRect())
