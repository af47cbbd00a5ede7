"""`kiosk report` on a real database: the numbers, the CSV files, the page, the CLI."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.analytics import EventWriter, open_database
from kiosk.cli import main
from kiosk.navigation.events import (
    ChapterOpened,
    ExcerptStarted,
    ExcerptStopped,
    IdleReset,
    LanguageChanged,
    PanelShown,
    VisitEnded,
    VisitStarted,
)
from kiosk.report import Period, read_report
from kiosk.report.svg import axis_step, nice_ceiling

ROOT = Path(__file__).resolve().parents[2]


def at(day: int, hour: int, minute: int = 0, second: float = 0) -> float:
    return datetime(2026, 11, day, hour, minute).astimezone().timestamp() + second


def visit(writer: EventWriter, start: float, language: str, watched_ms: int, switch: str | None = None) -> None:
    writer.write(VisitStarted(start, "fr"))
    if switch:
        writer.write(LanguageChanged(start + 1, switch))
    writer.write(ChapterOpened(start + 2, "ghouta"))
    writer.write(PanelShown(start + 2, "ghouta", "intro"))
    writer.write(PanelShown(start + 22, "ghouta", "excerpt-hospital"))
    writer.write(ExcerptStarted(start + 23, "excerpt-hospital"))
    writer.write(ExcerptStopped(start + 23 + watched_ms / 1000, "excerpt-hospital", watched_ms, 60_000))
    end = start + 30 + watched_ms / 1000
    writer.write(ChapterOpened(end, "exile"))
    writer.write(PanelShown(end, "exile", "leaving"))
    writer.write(IdleReset(end + 100))
    writer.write(VisitEnded(end + 100, "idle"))


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    db = open_database(tmp_path / "analytics.sqlite3")
    writer = EventWriter(db)
    visit(writer, at(26, 16, 0), "fr", 60_000)  # the day before
    visit(writer, at(27, 10, 5), "fr", 60_000)
    visit(writer, at(27, 10, 40), "en", 30_000, switch="en")
    visit(writer, at(27, 15, 10), "ar", 6_000, switch="ar")
    return db


def test_numbers_for_a_day(db: sqlite3.Connection) -> None:
    data = read_report(db, Period.from_dates(date(2026, 11, 27), date(2026, 11, 27)))
    assert data.visits == 3
    assert data.visits_per_hour[10] == 2 and data.visits_per_hour[15] == 1 and sum(data.visits_per_hour) == 3
    assert dict(data.languages) == {"fr": 1, "en": 1, "ar": 1}
    assert data.language_switches == 2
    assert data.idle_resets == 3
    ghouta = next(c for c in data.chapters if c.chapter_id == "ghouta")
    assert ghouta.views == 6 and ghouta.median_ms == 20_000
    (excerpt,) = data.excerpts
    assert (excerpt.plays, excerpt.watched_ms, excerpt.completed) == (3, 96_000, 1)
    assert excerpt.median_fraction == pytest.approx(0.5)
    # The 'exile' panel never got a next event before the reset: its dwell is until the visit end.
    assert next(c for c in data.chapters if c.chapter_id == "exile").median_ms == 100_000


def test_since_keeps_earlier_days_out(db: sqlite3.Connection) -> None:
    assert read_report(db).visits == 4
    assert read_report(db).days == 2
    assert read_report(db, Period.from_dates(date(2026, 11, 27))).visits == 3
    assert read_report(db, Period.from_dates(date(2026, 11, 28))).visits == 0


def test_cli_writes_page_and_csv(db: sqlite3.Connection, tmp_path: Path) -> None:
    db.close()
    out = tmp_path / "report"
    code = main(["report", "--db", str(tmp_path / "analytics.sqlite3"), "--since", "2026-11-27", "--out", str(out)])
    assert code == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 4  # hours, chapters, excerpts, languages (one day: no per-day chart)
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from anywhere
    with (out / "visits.csv").open() as f:
        visits = list(csv.DictReader(f))
    assert [v["language"] for v in visits] == ["fr", "en", "ar"]
    assert visits[0]["started_at"].startswith("2026-11-27T10:05:00")
    with (out / "panel_views.csv").open() as f:
        assert len(list(csv.DictReader(f))) == 9
    with (out / "visits_per_hour.csv").open() as f:
        per_hour = {row["hour"]: int(row["visits"]) for row in csv.DictReader(f)}
    assert per_hour["10:00"] == 2


def test_cli_without_database_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", str(tmp_path / "none.sqlite3"), "--out", str(tmp_path / "r")]) == 2
    assert "no analytics database" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_bad_date_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--since", "27/11/2026", "--out", str(tmp_path)])
    assert "write YYYY-MM-DD" in capsys.readouterr().err


def test_simulated_day_reports(tmp_path: Path) -> None:
    db_path = tmp_path / "sim.sqlite3"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "simulate_visits.py"), "--db", str(db_path), "--date", "2026-11-27"],
        check=True,
        capture_output=True,
    )
    data = read_report(open_database(db_path, create=False))
    assert data.visits > 20
    assert all(data.visits_per_hour[h] == 0 for h in (*range(0, 10), *range(18, 24)))


@pytest.mark.parametrize(("value", "ceiling"), [(0, 1), (3, 5), (7, 10), (12, 20), (23, 25), (0.4, 0.5)])
def test_axis_ceiling(value: float, ceiling: float) -> None:
    assert nice_ceiling(value) == ceiling


@pytest.mark.parametrize(("value", "step"), [(0, 1), (3, 1), (10, 5), (12, 5), (40, 10), (180, 50)])
def test_axis_step_counts_whole_things(value: float, step: float) -> None:
    assert axis_step(value) == step
