"""Giving the memory a visit freed back to the system, once the kiosk is back on its loop.

glibc's malloc keeps freed memory in its arenas (one per thread that allocates, and libVLC starts
decoder threads for every film) and returns it to the system only from the top of each heap. Over
a day of visits those freed but kept pages add up: in a 15-minute soak weighted to films, RSS
stood 35 MB higher and climbed 10 MB per 1,000 navigations, against a flat line when
``malloc_trim(0)`` ran after each visit (docs/reliability.md). ``malloc_trim(0)`` hands every whole
free page of every arena back to the system (``madvise``) and moves nothing: what is in use is
not touched, so a real leak still shows.

So a couple of seconds after a visit ends (the chapter's items and the film's decoder are gone by
then) the kiosk trims, on a thread of its own: the trim takes each arena's lock in turn, and the
Qt thread must go on painting the attract loop meanwhile. While nobody visits, the loop's own
films churn memory too: then it trims every 10 minutes. Where there is no glibc (Windows, musl)
there is nothing to call and this does nothing.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.malloc import give_back_free_memory
from kiosk.navigation import Screen, Visit
from kiosk.navigation.events import VisitEnded, VisitEvent

log = logging.getLogger(__name__)


class MemoryTrimmer(QObject):
    """Trims after each visit and, on the attract loop, every ``quiet_interval_ms``."""

    trimmed = Signal(float)  # milliseconds the trim took
    _done = Signal(float)

    def __init__(
        self,
        visit: Visit,
        *,
        delay_ms: int = 2000,
        quiet_interval_ms: int = 10 * 60 * 1000,
        trim: Callable[[], bool] = give_back_free_memory,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._trim = trim
        self._busy = False
        self._after_visit = QTimer(self)
        self._after_visit.setSingleShot(True)
        self._after_visit.setInterval(delay_ms)
        self._after_visit.timeout.connect(self.trim_now)
        self._quiet = QTimer(self)
        self._quiet.setInterval(quiet_interval_ms)
        self._quiet.timeout.connect(self._on_quiet)
        self._quiet.start()
        # Emitted from the trim's thread only, so Qt queues it to this object's thread by itself
        # (naming QueuedConnection would make PySide build its whole Qt namespace, ~15 ms, before
        # the first frame).
        self._done.connect(self._on_done)
        unsubscribe = visit.add_listener(self._on_event)
        self.destroyed.connect(lambda *_: unsubscribe())  # not self: the visit may outlive us

    @property
    def busy(self) -> bool:
        """A trim is running (the soak waits for it before it measures)."""
        return self._busy or self._after_visit.isActive()

    def set_delay_ms(self, delay_ms: int) -> None:
        self._after_visit.setInterval(delay_ms)

    def _on_event(self, event: VisitEvent) -> None:
        if isinstance(event, VisitEnded) and event.reason != "closing":
            self._after_visit.start()

    @Slot()
    def _on_quiet(self) -> None:
        if self._visit.state.screen is Screen.ATTRACT:
            self.trim_now()

    @Slot()
    def trim_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._quiet.start()  # the next quiet trim counts from this one
        threading.Thread(target=self._run, name="kiosk-memory-trim", daemon=True).start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self._trim()
        except Exception:  # a failed trim must never touch the kiosk
            log.exception("giving free memory back to the system failed")
        with contextlib.suppress(RuntimeError):  # the kiosk closed meanwhile: nobody to tell
            self._done.emit((time.perf_counter() - started) * 1000)

    @Slot(float)
    def _on_done(self, ms: float) -> None:
        self._busy = False
        log.debug("gave free memory back to the system in %.1f ms", ms)
        self.trimmed.emit(ms)
