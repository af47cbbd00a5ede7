"""What waits for the kiosk's first frame: Python's garbage collector, and work nobody sees.

Starting makes tens of thousands of objects (every module, class and function imported, the QML
scene's wrappers) and no garbage cycles worth finding. The collector runs each time enough new
objects pile up, and each run walks them all again: 11-15 ms of CPU of the ~250 ms to the first
attract frame on this project's machine (docs/performance.md). `kiosk run` turns it off at its
first line (kiosk/cli/run.py); it comes back on with the first frame, for the days of visits.
Work the first frame does not show (rendering missing speech) starts after it too.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

#: A window that never shows a frame (no screen yet) still gets its collector back after this.
AT_THE_LATEST_MS = 10_000


def _at_first_swap(window: QQuickWindow, react: Callable[[], object]) -> None:
    """Call ``react`` once, at ``window``'s first frame swap, on the thread that swapped it."""
    done = False

    def first_frame() -> None:
        nonlocal done
        if done:  # a second frame swapped before the first call arrived (a threaded render loop)
            return
        done = True
        window.frameSwapped.disconnect(first_frame)
        react()

    window.frameSwapped.connect(first_frame)


def after_first_frame(window: QQuickWindow, work: Callable[[], object], *, at_the_latest_ms: int | None = None) -> None:
    """Run ``work`` on the Qt thread once ``window`` has shown its first frame; with
    ``at_the_latest_ms``, then at the latest, if no frame has come by then (once either way)."""
    ran = False

    def run_once() -> None:
        nonlocal ran
        if not ran:
            ran = True
            work()

    # frameSwapped may come from the render thread: the work runs on the window's.
    _at_first_swap(window, lambda: QTimer.singleShot(0, window, run_once))
    if at_the_latest_ms is not None:
        QTimer.singleShot(at_the_latest_ms, window, run_once)


def collect_garbage_after_first_frame(window: QQuickWindow) -> None:
    """Turn the collector back on once ``window`` has shown its first frame."""
    after_first_frame(window, gc.enable, at_the_latest_ms=AT_THE_LATEST_MS)


def process_age_ms() -> float | None:
    """Milliseconds since this process began (Linux: its start time in /proc, in the kernel's
    ticks of 10 ms), or None where that cannot be read."""
    try:
        with open("/proc/self/stat") as stat:
            # The fields after the command name, which may itself hold spaces and parentheses.
            fields = stat.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started_s) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def log_first_frame(window: QQuickWindow) -> None:
    """Say in the log how long after the process began the first frame showed: a start that grew
    slower (a new import, a check run again at each start) shows in the journal of every booth,
    and bench/bench_ui.py reads it to measure ``kiosk run`` whole. The time is taken at the swap
    itself, before the work that waits for the first frame runs."""

    def swapped() -> None:
        age = process_age_ms()
        if age is not None:
            QTimer.singleShot(0, window, lambda: log.info("first frame shown %.0f ms after the process started", age))

    _at_first_swap(window, swapped)
