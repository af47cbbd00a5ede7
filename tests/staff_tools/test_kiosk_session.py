"""The staff tools on the real kiosk window, driven by touch: analytics and live reload."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from ui.driver import KioskDriver, make_kiosk

from kiosk import paths
from kiosk.analytics import VisitRecorder
from kiosk.cli import main
from kiosk.loader import load_exhibition
from kiosk.navigation import Timeouts
from kiosk.navigation.visit import Screen
from kiosk.report import read_report
from kiosk.ui.staff_tools.reload import ReloadController
from staff_tools.exhibitions import MINIMAL, write_exhibition


@pytest.fixture
def open_kiosk(qtbot, touch_device):  # type: ignore[no-untyped-def]
    """make_kiosk (tests/ui/driver.py), closed properly: the QML scene goes before its view models."""
    drivers: list[KioskDriver] = []

    def open_(result: Any, timeouts: Timeouts, tools: Any = None) -> KioskDriver:
        driver = make_kiosk(qtbot, touch_device, result, timeouts=timeouts, tools=tools)
        drivers.append(driver)
        return driver

    yield open_
    for driver in drivers:
        driver.app.close()
    qtbot.wait(10)  # the event loop deletes the scene (deleteLater) before its view models go
    drivers.clear()


def middle(driver: KioskDriver) -> QPoint:
    return QPoint(driver.window.width() // 2, driver.window.height() // 2)


def test_a_touch_visit_is_recorded_and_reported(qtbot, open_kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = load_exhibition(paths.default_exhibition())
    assert result.exhibition is not None
    # Idle long enough that a loaded machine never counts down between two taps of the visit.
    driver = open_kiosk(result, Timeouts(idle=2.0, countdown=0.3, tap_gap=0.05))
    db_path = tmp_path / "analytics.sqlite3"
    recorder = VisitRecorder(db_path, exhibition=result.exhibition.info.id, commit_interval=0.05)
    driver.app.add_listener(recorder)
    try:
        driver.tap_at(middle(driver))  # wakes the kiosk
        driver.wait_screen("home")
        driver.tap("languageButton_ar")
        qtbot.waitUntil(lambda: driver.navigator.language == "ar")
        driver.tap("chapterTile_1")  # the cave
        driver.wait_screen("chapter")
        qtbot.wait(120)
        driver.tap("nextButton")
        qtbot.waitUntil(lambda: driver.navigator.panelIndex == 1)
        qtbot.wait(150)
        # Then the visitor walks away: the idle countdown runs out and resets the kiosk.
        driver.wait_screen("attract", timeout=8000)
        assert recorder.flush()
    finally:
        recorder.close()

    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ((started, ended, start_language, language, reason),) = db.execute(
        "SELECT started_at, ended_at, start_language, language, end_reason FROM visits"
    ).fetchall()
    assert (start_language, language, reason) == ("fr", "ar", "idle")
    assert ended > started
    views = db.execute("SELECT chapter_id, panel_id, dwell_ms FROM panel_views ORDER BY id").fetchall()
    assert [(c, p) for c, p, _ in views] == [("the-cave", "underground"), ("the-cave", "excerpt-hospital")]
    assert all(dwell is not None and dwell > 0 for _, _, dwell in views)
    assert db.execute("SELECT count(*) FROM idle_resets").fetchone()[0] == 1

    # And the report reads it back.
    data = read_report(db)
    assert data.visits == 1 and dict(data.languages) == {"ar": 1}
    assert [c.chapter_id for c in data.chapters] == ["the-cave"]
    out = tmp_path / "report"
    assert main(["report", "--db", str(db_path), "--out", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    # Chapters are named by their title in the exhibition's first language, not by their id.
    title = result.exhibition.chapters[1].title.resolve(result.exhibition.default_language).text
    assert html.escape(title, quote=False) in page or "the-cave" in page


def test_reload_on_the_real_kiosk_waits_for_the_visit_to_end(qtbot, open_kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = write_exhibition(tmp_path)
    result = load_exhibition(config)
    assert result.ok, [str(p) for p in result.problems]
    driver = open_kiosk(result, Timeouts(idle=1.5, countdown=0.3, tap_gap=0.05))
    app = driver.app
    reload = ReloadController(
        config,
        apply=app.apply_exhibition,
        at_rest=lambda: app.visit.state.screen is Screen.ATTRACT,
        preview=False,
        media_root=config.parent / "media",
        debounce_ms=50,
    )
    reload.show_initial(result)
    app.visit.add_observer(lambda state: reload.visitor_left() if state.screen is Screen.ATTRACT else None)

    def title_on_screen() -> str:
        return str(app.navigator.exhibitionTitle["text"])

    assert title_on_screen() == "First title"
    driver.tap_at(middle(driver))
    driver.wait_screen("home")
    # Staff save a valid change while a visitor is on the home screen: it waits.
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Second title"))
    assert reload.pending and title_on_screen() == "First title"
    # An invalid change next: errors for staff, the last good version stays, nothing applies.
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("chapters:", "chapterz:"))
    assert reload.hasErrors and not reload.pending
    # Fixed again; the visitor walks away; at the attract loop it applies.
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Third title"))
    assert title_on_screen() == "First title"
    with qtbot.waitSignal(reload.applied, timeout=8000):
        pass  # the idle reset brings the attract loop
    assert app.visit.state.screen is Screen.ATTRACT
    assert title_on_screen() == "Third title"
    assert not reload.hasErrors


CLOSED_ALL_WEEK = """\
schedule:
  weekly: {}
  closed_message: {en: "Back soon", fr: "À bientôt"}
"""


def test_staff_tools_attached_to_the_kiosk(qtbot, open_kiosk, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """StaffTools as kiosk run uses it: analytics recorded, reload deferred, closed hours keep touches out."""
    from kiosk.ui.staff_tools.attach import StaffTools

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    config = write_exhibition(tmp_path)
    result = load_exhibition(config)
    tools = StaffTools(config, result, preview=False)
    driver = open_kiosk(result, Timeouts(idle=1.5, countdown=0.3, tap_gap=0.05), tools)
    try:
        assert tools.schedule.isOpen  # no schedule: always open
        driver.tap_at(middle(driver))
        driver.wait_screen("home")
        with qtbot.waitSignal(tools.reload.loaded, timeout=5000):
            config.write_text(MINIMAL.replace("First title", "Closed title") + CLOSED_ALL_WEEK)
        assert tools.reload.pending
        with qtbot.waitSignal(tools.schedule.openChanged, timeout=5000):
            pass  # the idle reset applies the new file, whose hours say: closed
        assert not tools.schedule.isOpen
        assert driver.app.navigator.exhibitionTitle["text"] == "Closed title"
        # While closed, a touch does not start a visit.
        driver.tap_at(middle(driver))
        qtbot.wait(50)
        assert driver.navigator.screen == "attract"
        assert tools.guard is not None and tools.guard.swallowed == 1
        assert tools.recorder is not None and tools.recorder.flush()
    finally:
        tools.close()
    db = sqlite3.connect(tmp_path / "data" / "analytics.sqlite3")
    assert db.execute("SELECT count(*), min(end_reason) FROM visits").fetchone() == (1, "idle")


def test_closed_screen_and_errors_show_in_the_real_window(qtbot, open_kiosk, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Main.qml shows the reload errors and the closed screen: a preview with errors, then closed hours."""
    import os

    from kiosk.ui.items import find_item
    from kiosk.ui.staff_tools.attach import StaffTools

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    config = write_exhibition(tmp_path)
    result = load_exhibition(config)
    tools = StaffTools(config, result, preview=True, analytics=False)
    driver = open_kiosk(result, Timeouts(idle=60, countdown=10, tap_gap=0.05), tools)
    root = driver.window.contentItem()
    closed, errors = find_item(root, "closedScreen"), find_item(root, "reloadErrors")
    assert closed is not None and errors is not None
    assert not closed.isVisible() and not errors.isVisible()
    with qtbot.waitSignal(tools.reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("idle_timeout: 90s", "idle_timeout: soon"))
    assert errors.isVisible()
    shots = os.environ.get("KIOSK_SHOT_DIR")
    if shots:
        driver.grab().save(str(Path(shots) / "window-reload-errors.png"))
    with qtbot.waitSignal(tools.schedule.openChanged, timeout=5000):
        config.write_text(MINIMAL + CLOSED_ALL_WEEK)
    assert closed.isVisible() and not errors.isVisible()
    if shots:
        driver.grab().save(str(Path(shots) / "window-closed.png"))
    tools.close()
