"""Visit events into rows: the translation, with no thread and no timing in it.

:class:`EventWriter` keeps what it must remember between events (the open visit, the
panel on screen, the excerpt playing) and turns each event into INSERTs and UPDATEs on
the connection it is given. The caller decides when to commit; the recorder does it on
its writer thread, a test can do it at once.

Times stay ordered when the wall clock jumps (NTP, a clock set by hand, a machine that
booted in 1970). Inside a visit, every time is the visit's start plus the monotonic time
since (the recorder stamps each event with ``time.monotonic()`` as it arrives), so a jump
in the middle of a visit changes neither its order nor its durations. A visit that would
start before the last recorded moment (the clock set back) starts at that moment instead:
visits in the hour after an hour set back are recorded one after the other, then real
times take over again. A clock set back by more than a day was wrong before, not now: its
new times are taken as they are.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3

from kiosk.navigation.events import (
    AccessUsed,
    ChapterOpened,
    ExcerptStarted,
    ExcerptStopped,
    HomeShown,
    IdleReset,
    LanguageChanged,
    PanelShown,
    VisitEnded,
    VisitEvent,
    VisitStarted,
)

log = logging.getLogger(__name__)

#: A clock set back by more than this was wrong before: the new times are taken as they are.
MAX_ABSORBED_SETBACK_S = 24 * 3600.0


class EventWriter:
    """Writes visit events into the analytics schema (see :mod:`kiosk.analytics.database`)."""

    def __init__(self, db: sqlite3.Connection, exhibition: str = "") -> None:
        self._db = db
        self._exhibition = exhibition
        self._visit: int | None = None
        self._view: tuple[int, float] | None = None  # (panel_views row, shown_at)
        self._plays: dict[str, int] = {}  # panel id -> excerpt_plays row still open
        self._origin: tuple[float, float] | None = None  # (wall, monotonic) at the visit's start
        self._last_at: float | None = None  # the latest time written
        self._keyed = False  # whether this visit already counted a use of the keys

    @property
    def in_visit(self) -> bool:
        return self._visit is not None

    def close_interrupted(self) -> int:
        """Close visits a previous run left open (crash, power cut, kill): returns how many.

        Their end is their last recorded moment, so a crash never inflates visit length.
        """
        cursor = self._db.execute(
            """
            UPDATE visits SET end_reason = 'interrupted', ended_at = max(
                started_at,
                coalesce((SELECT max(shown_at) FROM panel_views WHERE visit_id = visits.id), 0),
                coalesce((SELECT max(at) FROM chapter_opens WHERE visit_id = visits.id), 0),
                coalesce((SELECT max(started_at) FROM excerpt_plays WHERE visit_id = visits.id), 0),
                coalesce((SELECT max(at) FROM language_changes WHERE visit_id = visits.id), 0))
            WHERE ended_at IS NULL
            """
        )
        return cursor.rowcount

    def _ordered(self, event: VisitEvent, mono: float | None) -> float:
        """The time to store for ``event`` (see the module docstring); ``mono`` None: its own ``at``."""
        at = event.at
        mono = at if mono is None else mono
        starts = isinstance(event, VisitStarted)
        if self._origin is not None and not starts:
            at = self._origin[0] + (mono - self._origin[1])
        elif self._last_at is not None and at < self._last_at:
            if self._last_at - at <= MAX_ABSORBED_SETBACK_S:
                at = self._last_at
            else:
                log.warning(
                    "analytics: the clock went back %.1f days; times follow it from now on",
                    (self._last_at - at) / 86400,
                )
        if starts:
            self._origin = (at, mono)
        self._last_at = at if self._last_at is None or at > self._last_at else self._last_at
        return at

    def write(self, event: VisitEvent, mono: float | None = None) -> None:
        """Store one event; ``mono`` is the monotonic time it happened at (the recorder's stamp)."""
        event = dataclasses.replace(event, at=self._ordered(event, mono))
        match event:
            case VisitStarted(at=at, language=language):
                if self._visit is not None:  # a start without an end: close the old one honestly
                    self._end_visit(at, "interrupted")
                cursor = self._db.execute(
                    "INSERT INTO visits (exhibition, started_at, start_language, language) VALUES (?, ?, ?, ?)",
                    (self._exhibition, at, language, language),
                )
                self._visit = cursor.lastrowid
                self._keyed = False
            case VisitEnded(at=at, reason=reason):
                if self._visit is not None:
                    self._end_visit(at, reason)
            case LanguageChanged(at=at, language=language):
                if self._visit is not None:
                    self._db.execute(
                        "INSERT INTO language_changes (visit_id, at, language) VALUES (?, ?, ?)",
                        (self._visit, at, language),
                    )
                    self._db.execute("UPDATE visits SET language = ? WHERE id = ?", (language, self._visit))
            case ChapterOpened(at=at, chapter_id=chapter_id):
                if self._visit is not None:
                    self._db.execute(
                        "INSERT INTO chapter_opens (visit_id, at, chapter_id) VALUES (?, ?, ?)",
                        (self._visit, at, chapter_id),
                    )
            case PanelShown(at=at, chapter_id=chapter_id, panel_id=panel_id):
                # Panels the attract loop shows with nobody there are not views.
                if self._visit is not None:
                    self._end_view(at)
                    cursor = self._db.execute(
                        "INSERT INTO panel_views (visit_id, shown_at, chapter_id, panel_id) VALUES (?, ?, ?, ?)",
                        (self._visit, at, chapter_id, panel_id),
                    )
                    assert cursor.lastrowid is not None
                    self._view = (cursor.lastrowid, at)
            case HomeShown(at=at):
                self._end_view(at)
            case ExcerptStarted(at=at, panel_id=panel_id):
                if self._visit is not None:
                    cursor = self._db.execute(
                        "INSERT INTO excerpt_plays (visit_id, started_at, panel_id) VALUES (?, ?, ?)",
                        (self._visit, at, panel_id),
                    )
                    assert cursor.lastrowid is not None
                    self._plays[panel_id] = cursor.lastrowid
            case ExcerptStopped(panel_id=panel_id, watched_ms=watched, duration_ms=duration):
                row = self._plays.pop(panel_id, None)
                if row is not None:
                    self._db.execute(
                        "UPDATE excerpt_plays SET watched_ms = ?, duration_ms = ? WHERE id = ?",
                        (max(0, watched), max(0, duration), row),
                    )
            case AccessUsed(at=at, feature=feature, panel_id=panel_id):
                # The keys count once per visit: every key press is not a use worth a row.
                if self._visit is not None and not (feature == "keys" and self._keyed):
                    self._keyed = self._keyed or feature == "keys"
                    self._db.execute(
                        "INSERT INTO access_uses (visit_id, at, feature, panel_id) VALUES (?, ?, ?, ?)",
                        (self._visit, at, feature, panel_id),
                    )
            case IdleReset(at=at):
                self._db.execute("INSERT INTO idle_resets (visit_id, at) VALUES (?, ?)", (self._visit, at))

    def _end_view(self, at: float) -> None:
        if self._view is not None:
            row, shown_at = self._view
            self._db.execute(
                "UPDATE panel_views SET dwell_ms = ? WHERE id = ?",
                (max(0, round((at - shown_at) * 1000)), row),
            )
            self._view = None

    def _end_visit(self, at: float, reason: str) -> None:
        self._end_view(at)
        # An excerpt still open when the visit ends lost its stop event: leave watched_ms NULL.
        self._plays.clear()
        self._db.execute("UPDATE visits SET ended_at = ?, end_reason = ? WHERE id = ?", (at, reason, self._visit))
        self._visit = None
        self._origin = None
