"""The excerpt clock: which film time is on screen now, finer than libVLC tells.

libVLC reports the playing time only every 250-500 ms (``MediaPlayerTimeChanged``),
but each report is exact at the moment it is sent (measured: within ~1 ms of the
frame then on screen). Between reports the film runs at the playback rate, so the
clock keeps one offset, ``film = now - offset``, set from those reports and, until
the first report after a start, seek or resume, estimated from the frames themselves.
Thread-safe: libVLC's threads anchor it while the Qt thread reads it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class ExcerptClock:
    """Film time in milliseconds, interpolated between libVLC's coarse time reports."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._offset_ms: float | None = None  # film_ms = now_ms - offset_ms while running
        self._exact = False  # True once anchored by libVLC's own report
        self._frozen_ms: float | None = 0.0  # position while paused or not yet anchored

    def now_ms(self) -> float:
        return self._now() * 1000.0

    def reset(self, film_ms: float) -> None:
        """A start, seek or resume: frozen at ``film_ms`` until a frame or a report anchors it."""
        with self._lock:
            self._offset_ms = None
            self._exact = False
            self._frozen_ms = film_ms

    def estimate(self, film_ms: float, at: float) -> None:
        """A provisional anchor from a frame shown at ``at`` (seconds, monotonic)."""
        with self._lock:
            if not self._exact:
                self._offset_ms = at * 1000.0 - film_ms
                self._frozen_ms = None

    def anchor(self, film_ms: float, at: float) -> None:
        """An exact anchor: libVLC said the film was at ``film_ms`` at ``at``."""
        with self._lock:
            self._offset_ms = at * 1000.0 - film_ms
            self._exact = True
            self._frozen_ms = None

    def freeze(self, film_ms: float | None = None) -> float:
        """Stop the clock (pause); returns where it stopped."""
        with self._lock:
            if film_ms is None:
                film_ms = self._position_locked(self.now_ms())
            self._offset_ms = None
            self._exact = False
            self._frozen_ms = film_ms
            return film_ms

    @property
    def anchored(self) -> bool:
        with self._lock:
            return self._offset_ms is not None

    @property
    def exact(self) -> bool:
        with self._lock:
            return self._exact

    def position(self, at: float | None = None) -> float:
        """Film time (ms) at ``at`` (seconds, monotonic; default now)."""
        with self._lock:
            return self._position_locked(self.now_ms() if at is None else at * 1000.0)

    def _position_locked(self, at_ms: float) -> float:
        if self._offset_ms is None:
            return self._frozen_ms or 0.0
        return at_ms - self._offset_ms
