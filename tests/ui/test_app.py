"""KioskApp beyond the visit: live reload, a failed load, events to listeners, the viewer, large text."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QPoint

from kiosk.model import Exhibition, Localized
from kiosk.navigation.events import ChapterOpened, HomeShown, PanelShown, VisitStarted
from ui.driver import KioskDriver, make_kiosk, shown


def test_listeners_receive_the_visit(kiosk: KioskDriver) -> None:
    events: list[object] = []
    kiosk.app.add_listener(events.append)
    kiosk.open_chapter(0)
    assert [type(e) for e in events] == [VisitStarted, HomeShown, ChapterOpened, PanelShown]


def test_apply_exhibition_swaps_what_is_on_screen(kiosk: KioskDriver, ui_exhibition: Exhibition) -> None:
    kiosk.open_chapter(0)
    info = dataclasses.replace(ui_exhibition.info, title=Localized.of({"fr": "Nouveau titre", "en": "New"}))
    reloaded = dataclasses.replace(ui_exhibition, exhibition=info)
    assert kiosk.app.apply_exhibition(reloaded)
    assert kiosk.navigator.screen == "chapter", "the visitor keeps their place"
    assert kiosk.navigator.exhibitionTitle["text"] == "Nouveau titre"
    # A fatal load error never replaces a working exhibition.
    assert not kiosk.app.apply_exhibition(None)
    assert kiosk.app.store.exhibition is reloaded


def test_a_failed_load_shows_what_is_wrong(qtbot: Any, touch_device: Any) -> None:
    class Failed:
        exhibition = None
        problems = ("exhibition.yaml:3:1: chapters: at least one chapter, please",)

    kiosk = make_kiosk(qtbot, touch_device, Failed())
    try:
        screen = kiosk.wait_for("loadFailedScreen")
        assert shown(screen)
        assert kiosk.app.store.problems == list(Failed.problems)
    finally:
        kiosk.app.close()


def _open_the_picture_full_screen(kiosk: KioskDriver) -> Any:
    """Wake, open the first chapter, step to its picture (panel 1) and enlarge it: the viewer."""
    nav = kiosk.navigator
    kiosk.open_chapter(0)
    kiosk.qtbot.wait(80)
    kiosk.tap("nextButton")
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 1)
    kiosk.qtbot.wait(300)
    kiosk.tap("enlargeButton")
    viewer = kiosk.wait_for("imageViewer")
    kiosk.qtbot.waitUntil(lambda: viewer.opacity() == 1)
    return viewer


def test_an_image_opens_full_screen_and_closes(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    viewer = _open_the_picture_full_screen(kiosk)
    kiosk.tap("closeViewerButton")
    kiosk.qtbot.waitUntil(lambda: not viewer.isVisible())
    assert nav.panelIndex == 1


def test_large_text_grows_the_body_text(kiosk: KioskDriver) -> None:
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    title = kiosk.find("exhibitionTitle")
    before = title.height()
    kiosk.qtbot.wait(80)
    kiosk.tap("largeTextButton")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.largeText)
    kiosk.qtbot.waitUntil(lambda: title.height() > before * 1.2)


def test_touch_targets_are_at_least_48_px_at_1080p(kiosk: KioskDriver) -> None:
    kiosk.open_chapter(0)
    kiosk.qtbot.wait(300)
    for name in ("homeButton", "largeTextButton", "previousButton", "nextButton", "languageButton_ar"):
        item = kiosk.find(name)
        assert min(item.width(), item.height()) >= 48, name
        # Within reach of a seated visitor: in the lower part of the screen.
        assert item.mapToScene(item.boundingRect().center()).y() > kiosk.window.height() * 0.75, name


def test_portrait_and_small_screens_load_cleanly(qtbot: Any, touch_device: Any, ui_exhibition: Exhibition) -> None:
    for size in ((1080, 1920), (1280, 800)):
        kiosk = make_kiosk(qtbot, touch_device, ui_exhibition, size=size)
        try:
            kiosk.open_chapter(0)
            button = kiosk.wait_for("nextButton")
            assert button.mapToScene(button.boundingRect().bottomRight()).x() <= size[0]
        finally:
            kiosk.app.close()


def _on_the_timeline_reload_without_the_first_panel(kiosk: KioskDriver, ui_exhibition: Exhibition) -> None:
    """Show the first chapter's timeline (its fourth panel), then reload with the chapter's first
    panel gone: the chapter's panels are built again, the neighbours a little each frame."""
    kiosk.open_chapter(0)
    kiosk.qtbot.wait(80)  # beyond the tap gap
    kiosk.navigator.showPanel(3)
    kiosk.wait_for("timelinePanel")
    first = ui_exhibition.chapters[0]
    shorter = dataclasses.replace(first, panels=first.panels[1:])
    reloaded = dataclasses.replace(ui_exhibition, chapters=(shorter, *ui_exhibition.chapters[1:]))
    assert kiosk.app.apply_exhibition(reloaded)


def test_reload_that_changes_the_open_chapter(kiosk: KioskDriver, ui_exhibition: Exhibition) -> None:
    _on_the_timeline_reload_without_the_first_panel(kiosk, ui_exhibition)
    assert kiosk.navigator.panelIndex == 2, "still on the timeline, now third"
    kiosk.wait_for("timelinePanel")


def test_closing_while_a_panel_is_being_built_leaves_nothing_to_the_freed_engine(
    qtbot: Any, qtlog: Any, touch_device: Any, ui_exhibition: Exhibition
) -> None:
    """The scene goes before its engine (docs/decisions/0075). A panel still being built when the
    engine was destroyed reported to the freed engine when it died, later: a crash in a later test."""
    kiosk = make_kiosk(qtbot, touch_device, ui_exhibition)
    _on_the_timeline_reload_without_the_first_panel(kiosk, ui_exhibition)
    kiosk.wait_for("timelinePanel")
    # At once, while the timeline's neighbours are still being built.
    kiosk.app.close()
    qtbot.wait(50)  # what the scene left for later runs now
    still_building = "in the process of being created at engine destruction"
    leftovers = [record.message for record in qtlog.records if still_building in record.message]
    assert not leftovers, leftovers


def test_staff_parts_load_over_the_presentation(qtbot: Any, qtlog: Any, tmp_path: Any) -> None:
    """With kiosk run's staff view model, the lock-down's ErrorScreen and StaffOverlay load cleanly."""
    from PySide6.QtQuick import QQuickItem

    from kiosk.loader import load_exhibition
    from kiosk.staff.pin import StaffPin
    from kiosk.ui.app import KioskApp
    from kiosk.ui.lockdown.staff import StaffViewModel

    result = load_exhibition(tmp_path / "missing.yaml")
    staff = StaffViewModel(StaffPin(tmp_path / "pin.json"), preview=True)
    staff.set_load_result(result)
    kiosk = KioskApp(result, staff=staff)
    kiosk.show(fullscreen=False)
    try:
        qtbot.waitExposed(kiosk.window)

        def names() -> set[str]:
            found: set[str] = set()
            pending: list[QQuickItem] = list(kiosk.window.contentItem().childItems())
            while pending:
                item = pending.pop()
                found.add(item.objectName())
                pending.extend(item.childItems())
            return found

        qtbot.waitUntil(lambda: {"errorScreen", "staffOverlay"} <= names())
        assert "loadFailedScreen" not in names(), "the lock-down's error screen stands in for the visitors' one"
    finally:
        kiosk.close()
        staff.deleteLater()
    errors = [record.message for record in qtlog.records if "qml" in record.message.lower()]
    assert not errors, errors


def test_the_picture_beside_a_text_opens_full_screen(qtbot: Any, touch_device: Any, ui_exhibition: Exhibition) -> None:
    """A picture beside a text is shown small (a timeline, a map): a tap on it, or its enlarge
    button, opens it full screen as an image panel's."""
    first = ui_exhibition.chapters[0]
    portrait = first.panels[1].src
    alt = Localized.of({"fr": "Portrait", "en": "Portrait", "ar": "صورة"})
    intro = dataclasses.replace(first.panels[0], image=portrait, alt=alt)
    chapter = dataclasses.replace(first, panels=(intro, *first.panels[1:]))
    kiosk = make_kiosk(
        qtbot, touch_device, dataclasses.replace(ui_exhibition, chapters=(chapter, *ui_exhibition.chapters[1:]))
    )
    try:
        kiosk.open_chapter(0)
        kiosk.qtbot.wait(300)
        picture = kiosk.wait_for("textPanelImage")
        viewer = kiosk.find("imageViewer", visible=False)
        assert viewer.property("opened") is False
        kiosk.tap_at(kiosk.centre(picture))
        qtbot.waitUntil(lambda: viewer.property("opened") is True)
        assert str(viewer.property("source")).endswith("portrait.png")
        qtbot.waitUntil(lambda: viewer.opacity() == 1)
        kiosk.tap("closeViewerButton")
        qtbot.waitUntil(lambda: viewer.property("opened") is False)
        text_panel = kiosk.find("textPanel")
        (button,) = [b for b in kiosk.find_all("enlargeButton") if text_panel.isAncestorOf(b) and shown(b)]
        kiosk.qtbot.wait(80)  # beyond the tap gap
        kiosk.tap_at(kiosk.centre(button))
        qtbot.waitUntil(lambda: viewer.property("opened") is True)
        assert kiosk.navigator.panelIndex == 0, "the text stays where it was beneath"
    finally:
        kiosk.app.close()


def test_pinch_zooms_the_picture_and_a_double_tap_resets_it(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    _open_the_picture_full_screen(kiosk)
    picture = kiosk.find("viewerImage")
    # Two fingers moving apart.
    from PySide6.QtTest import QTest

    a, b = QPoint(860, 500), QPoint(1060, 500)
    QTest.touchEvent(kiosk.window, kiosk.device).press(0, a, kiosk.window).press(1, b, kiosk.window).commit()
    for step in range(1, 11):
        kiosk.touch_clock.advance(16)
        QTest.touchEvent(kiosk.window, kiosk.device).move(0, a - QPoint(20 * step, 0), kiosk.window).move(
            1, b + QPoint(20 * step, 0), kiosk.window
        ).commit()
        kiosk.qtbot.wait(5)
    kiosk.touch_clock.advance(16)
    QTest.touchEvent(kiosk.window, kiosk.device).release(0, a - QPoint(200, 0), kiosk.window).release(
        1, b + QPoint(200, 0), kiosk.window
    ).commit()
    kiosk.qtbot.waitUntil(lambda: picture.scale() > 1.5)
    # A double tap brings the whole picture back.
    kiosk.touch_clock.advance(400)
    kiosk.tap_at(QPoint(960, 400), hold_ms=60)
    kiosk.touch_clock.advance(-250)  # the second tap comes 150 ms after the first release
    kiosk.tap_at(QPoint(960, 400), hold_ms=60)
    kiosk.qtbot.waitUntil(lambda: abs(picture.scale() - 1) < 0.01)
    assert nav.panelIndex == 1, "zooming never swipes the chapter"


def test_a_missing_translation_is_marked_on_screen(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    kiosk.wake()
    kiosk.tap("languageButton_ar")
    kiosk.qtbot.waitUntil(lambda: nav.language == "ar")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.qtbot.wait(80)
    kiosk.tap("nextButton")
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 1)
    caption = kiosk.wait_for("imageCaption")
    tags = [item for item in kiosk.find_all("fallbackTag") if shown(item) and caption.isAncestorOf(item)]
    assert tags, "the French caption shown to an Arabic reader carries its tag"


def test_a_reload_that_changes_the_countdown_reaches_qml(qtbot: Any, ui_exhibition: Exhibition) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent

    from kiosk.model.timecode import Duration
    from kiosk.ui.app import KioskApp

    app = KioskApp(ui_exhibition)  # the exhibition's own timeouts, as `kiosk run` has them
    try:
        component = QQmlComponent(app.engine)
        component.setData(
            b"import QtQuick\nQtObject { required property QtObject navigator\n"
            b"readonly property int ms: navigator.countdownMs }",
            QUrl(),
        )
        binding = component.createWithInitialProperties({"navigator": app.navigator})
        assert binding is not None, component.errorString()
        before = ui_exhibition.attract.countdown.ms
        assert binding.property("ms") == before
        attract = dataclasses.replace(ui_exhibition.attract, countdown=Duration(before + 7000))
        assert app.apply_exhibition(dataclasses.replace(ui_exhibition, attract=attract))
        assert app.navigator.countdownMs == before + 7000
        assert binding.property("ms") == before + 7000, "QML still counts down the old countdown"
        binding.deleteLater()
    finally:
        app.close()
