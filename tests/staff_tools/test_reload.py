"""Live reload with the real loader and a real QFileSystemWatcher on a temporary exhibition."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk.loader import load_exhibition
from kiosk.ui.items import find_item
from kiosk.ui.staff_tools.reload import ReloadController
from staff_tools.exhibitions import MINIMAL, write_exhibition

PROBLEM = re.compile(r"^exhibition\.yaml:\d+:\d+: \S+: .+$")


class FakeApp:
    """Stands in for KioskApp's two entry points the controller uses; the loader is real."""

    def __init__(self) -> None:
        self.applied: list[Any] = []
        self.resting = True

    def apply(self, result: Any) -> bool:
        self.applied.append(result)
        return True

    def at_rest(self) -> bool:
        return self.resting


def title(result: Any) -> str:
    return str(result.exhibition.info.title.resolve("en").text)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_exhibition(tmp_path)


def controller(config: Path, app: FakeApp, *, preview: bool) -> ReloadController:
    reload = ReloadController(
        config,
        apply=app.apply,
        at_rest=app.at_rest,
        preview=preview,
        media_root=config.parent / "media",
        debounce_ms=50,
    )
    reload.show_initial(load_exhibition(config))
    return reload


def test_a_valid_change_applies_at_once_in_preview(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    app.resting = False  # even in the middle of a visit: the preview is for staff
    reload = controller(config, app, preview=True)
    with qtbot.waitSignal(reload.applied, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Second title"))
    assert [title(r) for r in app.applied] == ["Second title"]
    assert not reload.hasErrors and not reload.pending


def test_an_invalid_change_keeps_the_last_good_and_lists_errors(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    reload = controller(config, app, preview=True)
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(
            MINIMAL.replace("idle_timeout: 90s", "idle_timeout: ninety").replace("type: text", "type: txet", 1)
        )
    assert app.applied == []  # nothing reached the screen
    errors = reload.errors
    assert len(errors) == 2, errors
    assert all(PROBLEM.match(line) for line in errors), errors
    assert any(":8:17: attract.idle_timeout:" in line for line in errors), errors
    assert reload.hasErrors and reload.worthShowing
    # Fixing the file clears the errors and applies.
    with qtbot.waitSignal(reload.applied, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Fixed"))
    assert not reload.hasErrors
    assert [title(r) for r in app.applied] == ["Fixed"]


def test_in_kiosk_mode_a_change_waits_for_the_visit_to_end(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    app.resting = False  # a visitor is exploring
    reload = controller(config, app, preview=False)
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Later"))
    assert app.applied == [] and reload.pending and not reload.hasErrors
    reload.visitor_left()  # called too early, say by a state change that is not the loop
    qtbot.wait(50)
    assert app.applied == []
    app.resting = True
    with qtbot.waitSignal(reload.applied, timeout=2000):
        reload.visitor_left()
    assert [title(r) for r in app.applied] == ["Later"] and not reload.pending


def test_an_invalid_change_cancels_one_still_waiting(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    app.resting = False
    reload = controller(config, app, preview=False)
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("First title", "Later"))
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("chapters:", "chapterz:"))
    app.resting = True
    reload.visitor_left()
    qtbot.wait(50)
    assert app.applied == [] and reload.hasErrors


def test_a_save_that_changes_nothing_does_not_reload(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    reload = controller(config, app, preview=True)
    with qtbot.assertNotEmitted(reload.loaded, wait=400):
        config.write_text(MINIMAL)  # same bytes
        (config.parent / ".exhibition.yaml.swp").write_text("editor noise")
    assert reload.reloads == 0


def test_a_new_media_file_reloads(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    reload = controller(config, app, preview=True)
    (config.parent / "media" / "images").mkdir()
    with qtbot.waitSignal(reload.applied, timeout=5000):
        (config.parent / "media" / "images" / "new.png").write_bytes(b"not yet a picture")
    assert reload.reloads == 1


def test_a_file_replaced_by_rename_is_still_watched(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    """Editors often save by writing a new file and renaming it over the old one."""
    app = FakeApp()
    reload = controller(config, app, preview=True)
    for text in ("One", "Two"):
        temp = config.with_suffix(".tmp")
        temp.write_text(MINIMAL.replace("First title", text))
        with qtbot.waitSignal(reload.applied, timeout=5000):
            temp.replace(config)
    assert [title(r) for r in app.applied] == ["One", "Two"]


def test_the_staff_button_reloads_even_unchanged(qtbot, config: Path) -> None:  # type: ignore[no-untyped-def]
    app = FakeApp()
    reload = controller(config, app, preview=False)
    with qtbot.waitSignal(reload.applied, timeout=2000):
        reload.reload()


# -- the overlay, in a real Qt Quick scene ----------------------------------------------------------
@pytest.fixture
def overlay(component):  # type: ignore[no-untyped-def]
    """Opens ReloadErrors.qml for a controller; the scene goes before the controller does."""

    def open_overlay(reload: ReloadController, staff_present: bool) -> tuple[QQuickView, QQuickItem]:
        return component("ReloadErrors", {"reload": reload, "staffPresent": staff_present}, (1280, 800))

    return open_overlay


def broken(qtbot, config: Path, preview: bool) -> ReloadController:  # type: ignore[no-untyped-def]
    reload = controller(config, FakeApp(), preview=preview)
    with qtbot.waitSignal(reload.loaded, timeout=5000):
        config.write_text(MINIMAL.replace("idle_timeout: 90s", "idle_timeout: ninety"))
    return reload


def test_visitors_never_see_the_errors_in_kiosk_mode(qtbot, overlay, config: Path) -> None:  # type: ignore[no-untyped-def]
    reload = broken(qtbot, config, preview=False)
    _view, root = overlay(reload, staff_present=False)
    assert not root.isVisible()
    root.setProperty("staffPresent", True)  # staff opened their panel
    assert root.isVisible()


def test_the_preview_shows_the_errors(qtbot, overlay, config: Path) -> None:  # type: ignore[no-untyped-def]
    reload = broken(qtbot, config, preview=True)
    view, root = overlay(reload, staff_present=False)
    assert root.isVisible()
    title_item = find_item(root, "reloadErrorsTitle")
    assert title_item is not None and "1 error" in title_item.property("text")
    lines = find_item(root, "reloadErrorsList")
    assert lines is not None and lines.property("count") == 1
    shot = os.environ.get("KIOSK_SHOT_DIR")
    if shot:  # for people to look at: KIOSK_SHOT_DIR=/tmp/shots pytest ...
        view.grabWindow().save(str(Path(shot) / "reload-errors.png"))
    reload.dismiss()
    assert not root.isVisible()
