"""The watchdog of :mod:`kiosk.watchdog` fed by the kiosk's window: one call in ``kiosk run``.

    watchdog = watch_frames(kiosk.window, should_animate)   # after kiosk.show(...)
    ...
    watchdog.stop()                                          # after app.exec()

A timer on the UI thread beats once a second (and says whether the picture should move);
``frameSwapped`` is connected directly, so a frame counts from the thread that swapped it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtQuick import QQuickWindow

from kiosk.watchdog import Watchdog

BEAT_MS = 1000


def watch_frames(
    window: QQuickWindow, should_animate: Callable[[], bool], watchdog: Watchdog | None = None
) -> Watchdog:
    """Start a watchdog on ``window``; ``should_animate()`` is asked on the UI thread every beat."""
    watchdog = watchdog or Watchdog()
    beat = QTimer(window)
    beat.setInterval(BEAT_MS)
    beat.timeout.connect(lambda: watchdog.ui_beat(bool(should_animate())))
    window.frameSwapped.connect(watchdog.frame, Qt.ConnectionType.DirectConnection)
    beat.start()
    watchdog.start()
    return watchdog
