"""StaffViewModel and its problems list, fed by the real loader; the error screen that shows them."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from lockdown_harness import MakeHarness, walk
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor

from kiosk.loader import load_exhibition
from kiosk.staff.pin import PinOutcome, PinResult, StaffPin
from kiosk.ui.lockdown.staff import (
    NO_PIN_MESSAGE,
    StaffProblemModel,
    StaffViewModel,
    format_duration,
    pin_message,
)

UNREADABLE = 'exhibition:\n  id: x\n  title: {fr: "a", en: "b"\n  languages: [fr]\n'
PARTLY_BROKEN = textwrap.dedent("""\
    exhibition:
      id: demo
      title: {fr: "Titre", en: "Title"}
      languages: [fr, en]
    attract:
      items: [intro]
      invitation: {fr: "Touchez", en: "Touch"}
    chapters:
      - id: one
        title: {fr: "Un", en: "One"}
        panels:
          - {id: intro, type: text, title: {fr: Intro, en: Intro}, body: {fr: Texte, en: Text}}
          - {id: cave, type: vidoe, src: video/the-cave.mp4}
    """)


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "media").mkdir(exist_ok=True)
    path = tmp_path / "exhibition.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_problem_model_passes_the_model_tester(qtmodeltester: Any, tmp_path: Path) -> None:
    model = StaffProblemModel()
    model.set_problems(load_exhibition(write(tmp_path, PARTLY_BROKEN)).problems)
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def test_problems_are_file_line_col_lines_errors_first(qapp: Any, tmp_path: Path) -> None:
    result = load_exhibition(write(tmp_path, PARTLY_BROKEN))
    model = StaffProblemModel()
    model.set_problems(result.problems)
    lines = model.lines()
    assert lines[0].startswith(f"{tmp_path / 'exhibition.yaml'}:13:")
    assert "vidoe" in lines[0]
    severities = [model.data(model.index(row), StaffProblemModel.role("severity")) for row in range(model.rowCount())]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert model.data(model.index(0), StaffProblemModel.role("line")) == 13
    assert model.data(QModelIndex(), StaffProblemModel.role("problem")) is None


def test_set_load_result(qapp: Any, tmp_path: Path) -> None:
    result = load_exhibition(write(tmp_path, PARTLY_BROKEN))
    staff = StaffViewModel(StaffPin(tmp_path / "pin.json"))
    staff.set_load_result(result)
    assert staff.property("exhibitionFile") == str(tmp_path / "exhibition.yaml")
    assert staff.property("exhibitionLoaded") is True
    assert staff.property("errorCount") == len(result.errors) >= 1
    assert staff.property("warningCount") == len(result.warnings)
    assert len(staff.property("loadedAt")) == len("2026-11-27 09:41:07")


def test_uptime_comes_from_the_injected_clock(qapp: Any, tmp_path: Path) -> None:
    now = [1000.0]
    staff = StaffViewModel(StaffPin(tmp_path / "pin.json"), monotonic=lambda: now[0], tick_ms=10)
    now[0] += 2 * 86400 + 3 * 3600 + 4 * 60 + 5
    staff.requestAccess()  # the tick runs while staff look
    assert staff.property("uptime") == "2 d 03:04:05"


@pytest.mark.parametrize(
    ("seconds", "short", "text"),
    [
        (0, False, "00:00:00"),
        (59.2, False, "00:00:59"),
        (3725, False, "01:02:05"),
        (90061, False, "1 d 01:01:01"),
        (29.2, True, "0:30"),
        (600, True, "10:00"),
        (3600, True, "01:00:00"),
    ],
)
def test_format_duration(seconds: float, short: bool, text: str) -> None:
    assert format_duration(seconds, short=short) == text


def test_pin_messages() -> None:
    assert pin_message(PinResult(PinOutcome.OK)) == ""
    assert pin_message(PinResult(PinOutcome.NOT_SET)) == NO_PIN_MESSAGE
    assert pin_message(PinResult(PinOutcome.WRONG, 0, 1)) == "Wrong PIN. 1 try left before a pause."
    assert pin_message(PinResult(PinOutcome.WRONG, 0, 0)).startswith("Wrong PIN. One more")
    assert pin_message(PinResult(PinOutcome.LOCKED, 59.5)).endswith("in 1:00.")


def test_error_screen_lists_the_problems(make_harness: MakeHarness, qtbot: Any, tmp_path: Path) -> None:
    harness = make_harness(show_error=True)
    result = load_exhibition(write(tmp_path, UNREADABLE))
    assert result.exhibition is None
    harness.staff.set_load_result(result)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    screen = harness.item("errorScreen")
    assert screen.isVisible()
    lines = [
        item.property("text") for item in walk(harness.item("errorProblemList")) if item.property("problem") is not None
    ]
    assert lines == [str(problem) for problem in result.problems]
    assert lines[0].startswith(f"{tmp_path / 'exhibition.yaml'}:3:")
    assert harness.text("errorFile") == str(tmp_path / "exhibition.yaml")
    assert harness.text("errorValidateCommand") == "kiosk validate " + str(tmp_path / "exhibition.yaml")
    with qtbot.waitSignal(harness.staff.reloadRequested, timeout=1000):
        harness.click("errorReloadButton")
    # Never a black screen: the grab holds the calm background, light text and the problem colour.
    image = harness.window.grabWindow()
    colours = {
        QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert QColor(image.pixel(5, 5)).name() == "#1a1d23"
    assert len(colours) > 20


def test_staff_overlay_still_works_over_the_error_screen(make_harness: MakeHarness, qtbot: Any, tmp_path: Path) -> None:
    harness = make_harness(show_error=True)
    harness.staff.set_load_result(load_exhibition(write(tmp_path, UNREADABLE)))
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    harness.type_pin("4826")
    assert harness.staff.property("stage") == "panel"
    assert "(could not be shown)" in harness.text("staffLoadedAt")
