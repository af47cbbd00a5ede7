"""The numbers in the report, read from the analytics database as plain dataclasses.

Hours are local wall-clock hours of the machine that runs the report (the kiosk's own,
normally): "visits per hour" is about when the booth is busy, as staff see the clock.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.analytics.access import access_counts


@dataclass(frozen=True, slots=True)
class Period:
    """Visits that started in [since, until); either end may be open."""

    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def from_dates(cls, since: date | None, until: date | None = None) -> Period:
        def midnight(day: date | None) -> datetime | None:
            return None if day is None else datetime(day.year, day.month, day.day).astimezone()

        return cls(midnight(since), midnight(until + timedelta(days=1)) if until else None)

    def bounds(self) -> tuple[float, float]:
        low = self.since.timestamp() if self.since else float("-inf")
        high = self.until.timestamp() if self.until else float("inf")
        return low, high


@dataclass(frozen=True, slots=True)
class ChapterDwell:
    chapter_id: str
    views: int
    total_ms: int
    median_ms: int


@dataclass(frozen=True, slots=True)
class PanelDwell:
    chapter_id: str
    panel_id: str
    views: int
    total_ms: int
    median_ms: int


@dataclass(frozen=True, slots=True)
class ExcerptStats:
    panel_id: str
    plays: int
    watched_ms: int
    duration_ms: int  # the excerpt's length
    median_fraction: float  # median share of the excerpt a play watched
    completed: int  # plays that watched at least 90 %


@dataclass(frozen=True, slots=True)
class ReportData:
    period: Period
    first_visit: datetime | None
    last_visit: datetime | None
    visits: int
    days: int  # calendar days with at least one visit
    median_visit_ms: int
    median_panels_per_visit: float
    idle_resets: int
    end_reasons: tuple[tuple[str, int], ...]
    visits_per_hour: tuple[int, ...]  # 24 counts, local hours
    visits_per_day: tuple[tuple[date, int], ...]
    languages: tuple[tuple[str, int], ...]  # the language each visit ended in, most first
    language_switches: int  # visits that changed language at least once
    chapters: tuple[ChapterDwell, ...]
    panels: tuple[PanelDwell, ...]
    excerpts: tuple[ExcerptStats, ...]
    #: (feature, uses, visits that used it): listen, keys, sign_language, audio_description.
    access: tuple[tuple[str, int, int], ...] = ()


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def read_report(db: sqlite3.Connection, period: Period | None = None) -> ReportData:
    period = period or Period()
    low, high = period.bounds()
    in_period = "v.started_at >= ? AND v.started_at < ?"
    args = (low, high)

    visits = db.execute(
        f"SELECT id, started_at, ended_at, start_language, language, end_reason FROM visits v "
        f"WHERE {in_period} ORDER BY started_at",
        args,
    ).fetchall()
    starts = [datetime.fromtimestamp(row[1]).astimezone() for row in visits]
    per_hour = [0] * 24
    per_day: Counter[date] = Counter()
    for start in starts:
        per_hour[start.hour] += 1
        per_day[start.date()] += 1
    lengths = [(row[2] - row[1]) * 1000 for row in visits if row[2] is not None]
    languages = Counter(row[4] for row in visits)
    reasons = Counter(row[5] or "open" for row in visits)

    switched = db.execute(
        f"SELECT count(DISTINCT c.visit_id) FROM language_changes c JOIN visits v ON v.id = c.visit_id "
        f"WHERE {in_period}",
        args,
    ).fetchone()[0]
    resets = db.execute(
        f"SELECT count(*) FROM idle_resets r JOIN visits v ON v.id = r.visit_id WHERE {in_period}", args
    ).fetchone()[0]
    panel_counts = [
        row[0]
        for row in db.execute(
            f"SELECT count(p.id) FROM visits v LEFT JOIN panel_views p ON p.visit_id = v.id "
            f"WHERE {in_period} GROUP BY v.id",
            args,
        )
    ]

    views = db.execute(
        f"SELECT p.chapter_id, p.panel_id, p.dwell_ms FROM panel_views p JOIN visits v ON v.id = p.visit_id "
        f"WHERE {in_period} AND p.dwell_ms IS NOT NULL",
        args,
    ).fetchall()
    by_chapter: dict[str, list[int]] = {}
    by_panel: dict[tuple[str, str], list[int]] = {}
    for chapter_id, panel_id, dwell in views:
        by_chapter.setdefault(chapter_id, []).append(dwell)
        by_panel.setdefault((chapter_id, panel_id), []).append(dwell)
    chapters = sorted(
        (ChapterDwell(c, len(d), sum(d), round(_median(d))) for c, d in by_chapter.items()),
        key=lambda c: -c.total_ms,
    )
    panels = sorted(
        (PanelDwell(c, p, len(d), sum(d), round(_median(d))) for (c, p), d in by_panel.items()),
        key=lambda p: -p.total_ms,
    )

    plays = db.execute(
        f"SELECT e.panel_id, e.watched_ms, e.duration_ms FROM excerpt_plays e JOIN visits v ON v.id = e.visit_id "
        f"WHERE {in_period} AND e.watched_ms IS NOT NULL",
        args,
    ).fetchall()
    by_excerpt: dict[str, list[tuple[int, int]]] = {}
    for panel_id, watched, duration in plays:
        by_excerpt.setdefault(panel_id, []).append((watched, duration or 0))
    excerpts = []
    for panel_id, rows in by_excerpt.items():
        fractions = [min(1.0, w / d) for w, d in rows if d > 0]
        excerpts.append(
            ExcerptStats(
                panel_id,
                plays=len(rows),
                watched_ms=sum(w for w, _ in rows),
                duration_ms=max(d for _, d in rows),
                median_fraction=_median(fractions),
                completed=sum(1 for f in fractions if f >= 0.9),
            )
        )
    excerpts.sort(key=lambda e: -e.watched_ms)

    return ReportData(
        period=period,
        first_visit=starts[0] if starts else None,
        last_visit=starts[-1] if starts else None,
        visits=len(visits),
        days=len(per_day),
        median_visit_ms=round(_median(lengths)),
        median_panels_per_visit=_median([float(n) for n in panel_counts]),
        idle_resets=resets,
        end_reasons=tuple(reasons.most_common()),
        visits_per_hour=tuple(per_hour),
        visits_per_day=tuple(sorted(per_day.items())),
        languages=tuple(languages.most_common()),
        language_switches=switched,
        chapters=tuple(chapters),
        panels=tuple(panels),
        excerpts=tuple(excerpts),
        access=tuple((feature, uses, users) for feature, (uses, users) in access_counts(db, low, high).items()),
    )
