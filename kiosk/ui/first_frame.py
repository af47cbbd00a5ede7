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
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtQuick import QQuickWindow

#: A window that never shows a frame (no screen yet) still gets its collector back after this.
AT_THE_LATEST_MS = 10_000


def after_first_frame(window: QQuickWindow, work: Callable[[], object]) -> None:
    """Run ``work`` on the Qt thread once ``window`` has shown its first frame."""
    done = False

    def first_frame() -> None:
        nonlocal done
        if done:  # a second frame swapped before the first call arrived (a threaded render loop)
            return
        done = True
        window.frameSwapped.disconnect(first_frame)
        # frameSwapped may come from the render thread: the work runs on the window's.
        QTimer.singleShot(0, window, work)

    window.frameSwapped.connect(first_frame)


def collect_garbage_after_first_frame(window: QQuickWindow) -> None:
    """Turn the collector back on once ``window`` has shown its first frame."""
    after_first_frame(window, gc.enable)
    QTimer.singleShot(AT_THE_LATEST_MS, window, gc.enable)
