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
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    assert [type(e) for e in events] == [VisitStarted, HomeShown, ChapterOpened, PanelShown]


def test_apply_exhibition_swaps_what_is_on_screen(kiosk: KioskDriver, ui_exhibition: Exhibition) -> None:
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
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


def test_an_image_opens_full_screen_and_closes(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.qtbot.wait(80)
    kiosk.tap("nextButton")
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 1)
    kiosk.qtbot.wait(300)
    kiosk.tap("enlargeButton")
    viewer = kiosk.wait_for("imageViewer")
    kiosk.qtbot.waitUntil(lambda: viewer.opacity() == 1)
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
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
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
            kiosk.tap_at(QPoint(size[0] // 2, size[1] // 2))
            kiosk.wait_screen("home")
            kiosk.qtbot.wait(80)
            kiosk.tap("chapterTile_0")
            kiosk.wait_screen("chapter")
            button = kiosk.find("nextButton")
            assert button.mapToScene(button.boundingRect().bottomRight()).x() <= size[0]
        finally:
            kiosk.app.close()


def test_reload_that_changes_the_open_chapter(kiosk: KioskDriver, ui_exhibition: Exhibition) -> None:
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(80)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.qtbot.wait(80)  # beyond the tap gap
    kiosk.navigator.showPanel(3)
    kiosk.wait_for("timelinePanel")
    first = ui_exhibition.chapters[0]
    shorter = dataclasses.replace(first, panels=first.panels[1:])
    reloaded = dataclasses.replace(ui_exhibition, chapters=(shorter, *ui_exhibition.chapters[1:]))
    assert kiosk.app.apply_exhibition(reloaded)
    assert kiosk.navigator.panelIndex == 2, "still on the timeline, now third"
    kiosk.wait_for("timelinePanel")


def test_staff_parts_load_over_the_presentation(qtbot: Any, touch_device: Any, tmp_path: Any) -> None:
    """With kiosk run's staff view model, the lock-down's ErrorScreen and StaffOverlay load cleanly."""
    import pytest

    staff_module = pytest.importorskip("kiosk.ui.lockdown.staff")
    from kiosk.loader import load_exhibition
    from kiosk.staff.pin import StaffPin

    result = load_exhibition(tmp_path / "missing.yaml")
    staff = staff_module.StaffViewModel(StaffPin(tmp_path / "pin.json"), preview=True)
    staff.set_load_result(result)
    from kiosk.ui.app import KioskApp, optional_components

    if not all(optional_components()[name] for name in ("ErrorScreen", "StaffOverlay")):
        pytest.skip("the lock-down QML is not installed")
    app = KioskApp(result, staff=staff)
    try:
        app.show(fullscreen=False)
        qtbot.waitExposed(app.window)
        driver = KioskDriver(app, qtbot, touch_device, None)  # type: ignore[arg-type]
        driver.wait_for("errorScreen")
        assert driver.find_all("staffOverlay")
    finally:
        app.close()
