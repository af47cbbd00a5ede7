"""The latest frame only: libVLC's video thread puts, the Qt thread takes.

Never a queued signal per frame: if the UI thread stalls (measured: 2 s at 1080p),
queued frames pile up (memory 252 -> 717 MiB). Here a new frame replaces the one
not yet taken, and the Qt thread is woken once per batch, not once per frame.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kiosk.video.engine import Frame


class FrameMailbox:
    def __init__(self, wake: Callable[[], None]) -> None:
        self._lock = threading.Lock()
        self._frame: Frame | None = None
        self._pending = False
        self._wake = wake

    def put(self, frame: Frame) -> None:
        with self._lock:
            self._frame = frame
            wake = not self._pending
            self._pending = True
        if wake:
            self._wake()

    def take(self) -> Frame | None:
        with self._lock:
            frame, self._frame = self._frame, None
            self._pending = False
            return frame

    def clear(self) -> None:
        self.take()
