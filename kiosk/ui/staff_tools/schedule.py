"""Opening hours on the running kiosk: the closed screen, the sound off, the daily restart.

The pure answers (open now? next change?) come from :mod:`kiosk.schedule`; this view
model only keeps a timer set to the next change and tells QML. Time is injected (``now``)
so tests walk through a day in milliseconds. The timer never sleeps longer than
``max_wait_ms`` (a minute) so a clock set by NTP or a machine woken from suspend is
noticed soon.

At closing time a visit in progress may finish: the closed screen comes at the next
return to the attract loop, or after ``grace_ms`` (5 minutes) by ending the visit with
reason 'closing'. The daily restart waits for the attract loop the same way.

The wall clock jumps (NTP's first sync after a boot in 1970, an hour corrected, a clock set
by hand); daylight saving does not (times are aware, compared as instants). Each check
compares the wall time elapsed with the monotonic time elapsed; when they differ by more
than ``JUMP_TOLERANCE_S``, the clock jumped: the next daily restart is worked out again from
the new time and a restart time jumped over does not fire. And a daily restart never comes
less than ``min_uptime_s`` (6 hours) after the kiosk started: a clock set back an hour just
after the restart must not restart it twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    Property,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement

from kiosk.model.localized import Localized
from kiosk.model.schedule import Schedule
from kiosk.schedule import is_open, next_change, next_restart
from kiosk.schedule.closed_text import ClosedLine, closed_lines
from kiosk.text.localize import is_rtl
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.base import RowListModel

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ClosedLinesModel", "ScheduleController"]

log = logging.getLogger(__name__)

DEFAULT_MAX_WAIT_MS = 60_000
DEFAULT_GRACE_MS = 5 * 60_000
#: Wall and monotonic time elapsed between two checks may differ by this much before it is a jump
#: (a machine suspended and woken counts as a jump too: the restart time it slept through is skipped).
JUMP_TOLERANCE_S = 120.0
DEFAULT_MIN_UPTIME_S = 6 * 3600.0


def _system_now() -> datetime:
    return datetime.now().astimezone()


@QmlElement
@QmlUncreatable("Made by ScheduleController")
class ClosedLinesModel(RowListModel[tuple[ClosedLine, str]]):
    """The closed screen's lines, one per exhibition language: (line, the staff's message)."""

    ROLES = ("language", "closedText", "opensText", "message", "rtl")
    DISPLAY = "closedText"

    def set_rows(self, rows: list[tuple[ClosedLine, str]]) -> None:
        if rows != self._rows:
            self.replace_rows(rows)

    def value(self, row: tuple[ClosedLine, str], role: str, index: int) -> Any:
        line, message = row
        match role:
            case "language":
                return line.language
            case "closedText":
                return line.closed
            case "opensText":
                return line.opens
            case "message":
                return message
            case "rtl":
                return is_rtl(line.language)
        return None


@QmlElement
@QmlUncreatable("ScheduleController is made by kiosk run and passed to Main.qml")
class ScheduleController(QObject):
    """Open or closed, by the exhibition's opening hours; see the module docstring."""

    openChanged = Signal()
    #: The daily restart time came and the kiosk is at rest: the app should restart now.
    restartRequested = Signal()

    def __init__(
        self,
        schedule: Schedule | None = None,
        languages: tuple[str, ...] = ("en",),
        *,
        now: Callable[[], datetime] = _system_now,
        at_rest: Callable[[], bool] = lambda: True,
        end_visit: Callable[[], None] = lambda: None,
        max_wait_ms: int = DEFAULT_MAX_WAIT_MS,
        grace_ms: int = DEFAULT_GRACE_MS,
        monotonic: Callable[[], float] = time.monotonic,
        min_uptime_s: float = DEFAULT_MIN_UPTIME_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._started = monotonic()
        self._min_uptime_s = min_uptime_s
        self._last_look: tuple[datetime, float] | None = None  # (wall, monotonic) at the last check
        self._schedule = schedule
        self._languages = languages
        self._message: Localized | None = schedule.closed_message if schedule else None
        self._now = now
        self._at_rest = at_rest
        self._end_visit = end_visit
        self._max_wait_ms = max_wait_ms
        self._open = True  # what the screen shows
        self._schedule_open = True  # what the hours say
        self._restart_at: datetime | None = None
        self._restart_waiting = False
        self._lines = ClosedLinesModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(grace_ms)
        self._grace.timeout.connect(self._grace_over)
        self._restart_at = next_restart(schedule, now())
        self.check()

    # -- what the app tells us ---------------------------------------------------------------
    def set_exhibition(self, exhibition: Any) -> None:
        """A (re)loaded exhibition: its hours, languages and closed message."""
        self._schedule = exhibition.schedule if exhibition is not None else None
        self._languages = tuple(exhibition.languages) if exhibition is not None else ("en",)
        self._message = self._schedule.closed_message if self._schedule else None
        self._restart_at = next_restart(self._schedule, self._now())
        self.check()

    def visitor_left(self) -> None:
        """The visit went back to the attract loop: a waiting close or restart may happen now."""
        self.check()

    # -- the clock -----------------------------------------------------------------------------
    @Slot()
    def check(self) -> None:
        """Look at the clock now: open or close, restart if due, and set the timer for later."""
        now = self._now()
        if self._clock_jumped(now):
            self._restart_at = next_restart(self._schedule, now)
        self._schedule_open = is_open(self._schedule, now)
        if self._schedule_open:
            self._grace.stop()
            self._set_open(True)
        elif self._open and not self._at_rest():
            if not self._grace.isActive():
                log.info("closing time: the visit in progress may finish first")
                self._grace.start()
        else:
            self._grace.stop()
            self._set_open(False)
        if self._restart_at is not None and now >= self._restart_at:
            uptime = self._monotonic() - self._started
            if uptime >= self._min_uptime_s:
                self._restart_waiting = True
            else:
                log.info("daily restart skipped: the kiosk started only %.0f min ago", uptime / 60)
            self._restart_at = next_restart(self._schedule, now + timedelta(seconds=1))
        if self._restart_waiting and self._at_rest():
            self._restart_waiting = False
            log.info("daily restart")
            self.restartRequested.emit()
        self._refresh_lines(now)
        self._arm(now)

    def _clock_jumped(self, now: datetime) -> bool:
        mono = self._monotonic()
        last, self._last_look = self._last_look, (now, mono)
        if last is None:
            return False
        jump = (now - last[0]).total_seconds() - (mono - last[1])
        if abs(jump) <= JUMP_TOLERANCE_S:
            return False
        log.warning(
            "the clock jumped %s by %s; opening hours and the daily restart follow the new time (%s)",
            "forward" if jump > 0 else "back",
            timedelta(seconds=round(abs(jump))),
            now.isoformat(" ", "seconds"),
        )
        return True

    def _grace_over(self) -> None:
        log.info("closing time: ending the visit in progress")
        self._end_visit()
        self.check()
        if self._open and not self._schedule_open:  # the app could not end it: close anyway
            self._set_open(False)

    def _arm(self, now: datetime) -> None:
        wake = [t for t in (next_change(self._schedule, now), self._restart_at) if t is not None]
        wait_ms = self._max_wait_ms
        if wake:
            wait_ms = min(wait_ms, max(10, int((min(wake) - now).total_seconds() * 1000) + 5))
        self._timer.start(wait_ms)

    def _set_open(self, value: bool) -> None:
        if value != self._open:
            self._open = value
            log.info("opening hours: %s", "open" if value else "closed")
            self.openChanged.emit()

    def _refresh_lines(self, now: datetime) -> None:
        opening = None if self._schedule_open else next_change(self._schedule, now)
        rows = []
        for line in closed_lines(self._languages, opening, now):
            # A message missing in this language is left out, not repeated in another one.
            resolved = self._message.resolve(line.language) if self._message else None
            message = resolved.text if resolved and not resolved.is_fallback else ""
            rows.append((line, message))
        self._lines.set_rows(rows)

    # -- properties ------------------------------------------------------------------------------
    def _get_open(self) -> bool:
        return self._open

    def _get_closed_screen(self) -> str:
        return self._schedule.closed_screen if self._schedule else "dark"

    def _get_lines(self) -> ClosedLinesModel:
        return self._lines

    def _get_waiting(self) -> bool:
        return self._grace.isActive()

    isOpen = Property(bool, _get_open, notify=openChanged)
    closedScreen = Property(str, _get_closed_screen, notify=openChanged)
    lines = Property(QObject, _get_lines, constant=True)
    closingWhenVisitEnds = Property(bool, _get_waiting, notify=openChanged)
