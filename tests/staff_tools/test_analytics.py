"""The analytics recorder on a real SQLite file: rows, batching, migration, failure."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.analytics import SCHEMA_VERSION, EventWriter, VisitRecorder, database_path, open_database
from kiosk.analytics.database import NewerDatabaseError
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

T0 = 1_790_000_000.0

ONE_VISIT: list[VisitEvent] = [
    PanelShown(T0 - 5, "ghouta", "portrait"),  # attract loop, nobody there: not a view
    VisitStarted(T0, "fr"),
    LanguageChanged(T0 + 2, "ar"),
    ChapterOpened(T0 + 3, "ghouta"),
    PanelShown(T0 + 3, "ghouta", "intro"),
    PanelShown(T0 + 15.5, "ghouta", "excerpt-hospital"),
    ExcerptStarted(T0 + 16, "excerpt-hospital"),
    ExcerptStopped(T0 + 46, "excerpt-hospital", watched_ms=30_000, duration_ms=75_500),
    HomeShown(T0 + 50),
    IdleReset(T0 + 150),
    VisitEnded(T0 + 150, "idle"),
]


def rows(db: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return db.execute(sql).fetchall()


def wait_until(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def test_writer_turns_a_visit_into_rows(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    writer = EventWriter(db, exhibition="amani-ballour")
    for event in ONE_VISIT:
        writer.write(event)
    assert rows(db, "SELECT exhibition, started_at, ended_at, start_language, language, end_reason FROM visits") == [
        ("amani-ballour", T0, T0 + 150, "fr", "ar", "idle")
    ]
    assert rows(db, "SELECT panel_id, dwell_ms FROM panel_views ORDER BY id") == [
        ("intro", 12_500),
        ("excerpt-hospital", 34_500),
    ]
    assert rows(db, "SELECT panel_id, watched_ms, duration_ms FROM excerpt_plays") == [
        ("excerpt-hospital", 30_000, 75_500)
    ]
    assert rows(db, "SELECT chapter_id FROM chapter_opens") == [("ghouta",)]
    assert rows(db, "SELECT language FROM language_changes") == [("ar",)]
    assert rows(db, "SELECT visit_id, at FROM idle_resets") == [(1, T0 + 150)]


def test_database_is_wal_with_full_sync_and_versioned(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    # Opening again does not re-run the migration (it would fail: tables exist).
    open_database(tmp_path / "a.sqlite3").close()


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(NewerDatabaseError):
        open_database(path)


def test_data_dir_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert database_path() == tmp_path / "data" / "analytics.sqlite3"


def test_recorder_commits_without_being_asked(tmp_path: Path) -> None:
    """Events reach the disk within the commit interval, with no flush and no close."""
    path = tmp_path / "a.sqlite3"
    recorder = VisitRecorder(path, commit_interval=0.05)
    try:
        assert recorder.flush()  # the schema exists
        recorder(VisitStarted(T0, "en"))
        recorder(PanelShown(T0 + 1, "ghouta", "intro"))
        reader = sqlite3.connect(path)
        wait_until(lambda: reader.execute("SELECT count(*) FROM panel_views").fetchone()[0] == 1)
    finally:
        recorder.close()


def test_recorder_batches_events_into_one_transaction(tmp_path: Path) -> None:
    """With a long interval nothing is visible to another reader until the flush."""
    path = tmp_path / "a.sqlite3"
    recorder = VisitRecorder(path, commit_interval=3600)
    try:
        assert recorder.flush()  # the schema exists
        for event in ONE_VISIT:
            recorder(event)
        reader = sqlite3.connect(path)
        time.sleep(0.2)  # give the writer thread time to (wrongly) commit
        assert reader.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
        assert recorder.flush()
        assert reader.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
    finally:
        recorder.close()


def test_recorder_closes_visits_a_crash_left_open(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    db = open_database(path)
    writer = EventWriter(db)
    for event in ONE_VISIT[:6]:  # the kiosk died while the excerpt panel was on screen
        writer.write(event)
    db.close()
    recorder = VisitRecorder(path)
    assert recorder.flush()
    recorder.close()
    db = open_database(path)
    assert rows(db, "SELECT ended_at, end_reason FROM visits") == [(T0 + 15.5, "interrupted")]


def test_an_unusable_database_never_raises_into_the_kiosk(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.sqlite3").mkdir()  # a folder where the file should be
    recorder = VisitRecorder(tmp_path / "a.sqlite3")
    assert not recorder.flush(timeout=5)
    assert recorder.failed
    for event in ONE_VISIT:
        recorder(event)  # dropped, silently for the visitor
    recorder.close()
    assert "analytics disabled" in caplog.text


def test_a_newer_database_disables_analytics_without_raising(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    recorder = VisitRecorder(path)
    assert not recorder.flush()
    assert recorder.failed
    recorder(VisitStarted(T0, "fr"))  # dropped
    recorder.close()
