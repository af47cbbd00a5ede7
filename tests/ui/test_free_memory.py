"""Free memory goes back to the system after each visit (kiosk/ui/free_memory.py)."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from kiosk.navigation import Timeouts, Visit, VisitShape
from kiosk.navigation.timing import ManualClock
from kiosk.ui.free_memory import MemoryTrimmer

SHAPE = VisitShape(languages=("fr", "en"), chapters=(("ghouta", ("intro", "cave")),))


@pytest.fixture
def visit() -> Visit:
    return Visit(SHAPE, Timeouts(idle=90, countdown=10, tap_gap=0), ManualClock())


def test_a_visit_that_ends_is_followed_by_one_trim(qtbot: QtBot, visit: Visit) -> None:
    calls: list[int] = []
    trimmer = MemoryTrimmer(visit, delay_ms=0, trim=lambda: bool(calls.append(1)))
    visit.wake()
    visit.open_chapter(0)
    assert not trimmer.busy, "nothing to trim during a visit"
    with qtbot.waitSignal(trimmer.trimmed, timeout=2000):
        visit.end("idle")
    assert calls == [1]
    assert not trimmer.busy


def test_closing_the_kiosk_does_not_trim(visit: Visit) -> None:
    trimmer = MemoryTrimmer(visit, delay_ms=0, trim=lambda: True)
    visit.wake()
    visit.end("closing")
    assert not trimmer.busy


def test_the_quiet_loop_trims_now_and_then_but_never_during_a_visit(qtbot: QtBot, visit: Visit) -> None:
    calls: list[int] = []
    trimmer = MemoryTrimmer(visit, quiet_interval_ms=5, trim=lambda: bool(calls.append(1)))
    with qtbot.waitSignal(trimmer.trimmed, timeout=2000):
        pass  # on the attract loop: the quiet timer trims by itself
    assert calls
    visit.wake()
    # The 5 ms quiet timer may have started another trim before the wake: let it end first.
    qtbot.waitUntil(lambda: not trimmer.busy, timeout=2000)
    before = len(calls)
    trimmer._on_quiet()  # what the quiet timer does when it fires during a visit
    assert not trimmer.busy
    assert len(calls) == before


def test_a_failing_trim_is_logged_and_the_kiosk_goes_on(
    qtbot: QtBot, visit: Visit, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> bool:
        raise OSError("no")

    trimmer = MemoryTrimmer(visit, delay_ms=0, trim=broken)
    visit.wake()
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(trimmer.trimmed, timeout=2000):
        visit.end("idle")
    assert "giving free memory back to the system failed" in caplog.text
    assert not trimmer.busy
