"""Free memory goes back to the system after each visit (kiosk/ui/free_memory.py)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from kiosk.malloc import is_glibc
from kiosk.navigation import Timeouts, Visit, VisitShape
from kiosk.navigation.timing import ManualClock
from kiosk.ui.free_memory import MemoryTrimmer

SHAPE = VisitShape(languages=("fr", "en"), chapters=(("ghouta", ("intro", "cave")),))

# In a process of its own: pytest's heap would blur the numbers. 60 MB of 2 KB blocks (malloc's,
# not pymalloc's), one block kept after them so that the free space is not at the top of the
# heap, where free() itself would give it back.
FRAGMENTED_HEAP = r"""
import json, psutil
from kiosk.malloc import give_back_free_memory
process = psutil.Process()
blocks = [bytes(2000) for _ in range(30_000)]
keep = bytes(2000)
del blocks
before = process.memory_info().rss
released = give_back_free_memory()
after = process.memory_info().rss
print(json.dumps({"released": released, "freed_mb": (before - after) / 2**20}))
"""


@pytest.mark.skipif(not is_glibc(), reason="no glibc malloc_trim here")
def test_free_pages_in_the_middle_of_the_heap_go_back_to_the_system() -> None:
    done = subprocess.run([sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["released"]
    assert result["freed_mb"] > 30, result


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
    visit.wake()
    trimmer._on_quiet()  # what the quiet timer does when it fires during a visit
    assert not trimmer.busy


def test_a_failing_trim_is_logged_and_the_kiosk_goes_on(
        qtbot: QtBot, visit: Visit, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> bool:
        raise OSError("no")

    trimmer = MemoryTrimmer(visit, delay_ms=0, trim=broken)
    visit.wake()
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(trimmer.trimmed, timeout=2000):
        visit.end("idle")
    assert "giving free memory back to the system failed" in caplog.text
    assert not trimmer.busy
