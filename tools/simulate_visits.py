"""Simulate days of visits into an analytics database, for trying `kiosk report`.

    .venv/bin/python tools/simulate_visits.py --db /tmp/sim.sqlite3 --date 2026-11-27
    .venv/bin/kiosk report --db /tmp/sim.sqlite3 --out /tmp/report

One kiosk, open 10:00-18:00, busier late morning and mid-afternoon. Visitors arrive one
after another; each may switch language, opens a few chapters, reads panels (dwell drawn
from a log-normal), watches part or all of excerpts, and walks away: the idle timeout then
resets the kiosk. The events go through the real EventWriter, as a running kiosk's would.
Chapters and panels come from the exhibition (the bundled one by default), or a
built-in stand-in when it cannot be loaded.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.analytics import EventWriter, open_database
from kiosk.navigation.events import (
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

#: Arrivals per hour while open, by local hour.
ARRIVALS_PER_HOUR = {10: 8, 11: 16, 12: 11, 13: 8, 14: 13, 15: 18, 16: 15, 17: 9}
#: Median seconds a panel holds a visitor, by kind.
DWELL_S = {"text": 22, "image": 11, "quote": 8, "timeline": 26, "video": 6, "placeholder": 3}
LANGUAGE_WEIGHTS = {"fr": 0.56, "en": 0.29, "ar": 0.15}
IDLE_S, COUNTDOWN_S = 90, 10


@dataclass(frozen=True)
class Panel:
    id: str
    kind: str
    duration_ms: int = 0  # excerpts only


@dataclass(frozen=True)
class Chapter:
    id: str
    panels: tuple[Panel, ...]


STAND_IN = (
    Chapter("childhood", (Panel("intro", "text"), Panel("portrait", "image"), Panel("quote-doctor", "quote"))),
    Chapter(
        "ghouta",
        (
            Panel("siege", "text"),
            Panel("excerpt-hospital", "video", 75_500),
            Panel("timeline-siege", "timeline"),
            Panel("quote-duty", "quote"),
        ),
    ),
    Chapter("the-cave", (Panel("cave", "text"), Panel("excerpt-cave", "video", 62_000), Panel("team", "image"))),
    Chapter("exile", (Panel("leaving", "text"), Panel("excerpt-exile", "video", 48_000), Panel("award", "image"))),
)


def chapters_of(config: Path | None) -> tuple[tuple[Chapter, ...], tuple[str, ...], int, int]:
    """(chapters, languages, idle s, countdown s) from the exhibition, else the stand-in."""
    try:
        from kiosk import paths
        from kiosk.loader import load_exhibition

        exhibition = load_exhibition(config or paths.default_exhibition()).exhibition
    except ImportError:
        exhibition = None
    if exhibition is None:
        return STAND_IN, tuple(LANGUAGE_WEIGHTS), IDLE_S, COUNTDOWN_S
    chapters = tuple(
        Chapter(c.id, tuple(Panel(p.id, p.kind, getattr(p, "duration_ms", 0)) for p in c.panels))
        for c in exhibition.chapters
    )
    return (
        chapters,
        exhibition.languages,
        round(exhibition.attract.idle_timeout.seconds),
        round(exhibition.attract.countdown.seconds),
    )


def one_visit(
    rng: random.Random,
    at: float,
    chapters: tuple[Chapter, ...],
    languages: tuple[str, ...],
    idle_s: int,
    countdown_s: int,
) -> tuple[list[VisitEvent], float]:
    """The events of one visit starting at ``at``, and when the kiosk is free again."""
    events: list[VisitEvent] = [VisitStarted(at, languages[0])]
    t = at + rng.uniform(1, 4)
    language = rng.choices(languages, [LANGUAGE_WEIGHTS.get(lang, 0.05) for lang in languages])[0]
    if language != languages[0]:
        events.append(LanguageChanged(t, language))
        t += rng.uniform(1, 3)
    events.append(HomeShown(t))
    walked_away = False
    for _ in range(min(len(chapters), 1 + int(rng.expovariate(0.9)))):
        # The first chapters on the home screen are opened more often.
        chapter = rng.choices(chapters, [1 / (i + 1.5) for i in range(len(chapters))])[0]
        t += rng.uniform(2, 6)
        events.append(ChapterOpened(t, chapter.id))
        for index, panel in enumerate(chapter.panels):
            if index and rng.random() < 0.22:  # had enough of this chapter
                break
            events.append(PanelShown(t, chapter.id, panel.id))
            dwell = rng.lognormvariate(0, 0.6) * DWELL_S.get(panel.kind, 10)
            if panel.kind == "video" and panel.duration_ms and rng.random() < 0.8:
                t_play = t + rng.uniform(1, 3)
                share = 1.0 if rng.random() < 0.38 else rng.betavariate(1.3, 2.2)
                watched = round(panel.duration_ms * share)
                events.append(ExcerptStarted(t_play, panel.id))
                events.append(ExcerptStopped(t_play + watched / 1000, panel.id, watched, panel.duration_ms))
                dwell = (t_play - t) + watched / 1000 + rng.uniform(1, 4)
            t += dwell
            if rng.random() < 0.07:
                walked_away = True
                break
        if walked_away:
            break
        events.append(HomeShown(t))
    reset = t + idle_s + countdown_s
    if rng.random() < 0.02:
        events.append(VisitEnded(t + rng.uniform(5, 20), "staff"))
        return events, t + 20
    events.append(IdleReset(reset))
    events.append(VisitEnded(reset, "idle"))
    return events, reset


def simulate_day(
    writer: EventWriter,
    rng: random.Random,
    day: date,
    chapters: tuple[Chapter, ...],
    languages: tuple[str, ...],
    idle_s: int,
    countdown_s: int,
) -> int:
    visits = 0
    t = datetime(day.year, day.month, day.day, min(ARRIVALS_PER_HOUR)).astimezone().timestamp()
    closing = datetime(day.year, day.month, day.day, max(ARRIVALS_PER_HOUR) + 1).astimezone().timestamp()
    while True:
        hour = datetime.fromtimestamp(t).hour
        rate = ARRIVALS_PER_HOUR.get(hour, 0) * rng.uniform(0.7, 1.3)
        t += rng.expovariate(rate / 3600) if rate else 3600
        if t >= closing - 120:
            return visits
        events, t = one_visit(rng, t, chapters, languages, idle_s, countdown_s)
        for event in events:
            writer.write(event)
        visits += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="analytics database to write (created if needed)")
    parser.add_argument("--date", type=date.fromisoformat, default=date.today(), help="first day (YYYY-MM-DD)")
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--exhibition", type=Path, help="exhibition whose chapters and panels to use")
    args = parser.parse_args(argv)

    chapters, languages, idle_s, countdown_s = chapters_of(args.exhibition)
    rng = random.Random(args.seed)
    db = open_database(args.db)
    writer = EventWriter(db, exhibition="simulated")
    db.execute("BEGIN")
    total = 0
    for offset in range(args.days):
        total += simulate_day(writer, rng, args.date + timedelta(days=offset), chapters, languages, idle_s, countdown_s)
    db.execute("COMMIT")
    db.close()
    print(f"{total} visits over {args.days} day(s) written to {args.db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
