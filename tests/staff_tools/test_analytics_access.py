"""Uses of listen, keys, sign language and audio description, counted on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.analytics import EventWriter, open_database
from kiosk.analytics.access import access_counts
from kiosk.navigation.events import AccessUsed, PanelShown, VisitEnded, VisitStarted

T0 = 1_790_000_000.0


def test_access_uses_are_counted_per_feature_and_visit(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    writer = EventWriter(db)
    events = [
        AccessUsed(T0 - 10, "listen", "intro"),  # no visit yet (attract loop): not counted
        VisitStarted(T0, "fr"),
        AccessUsed(T0 + 1, "keys"),
        PanelShown(T0 + 2, "ghouta", "intro"),
        AccessUsed(T0 + 2.5, "keys", "intro"),  # the keys count once per visit
        AccessUsed(T0 + 3, "listen", "intro"),
        AccessUsed(T0 + 9, "listen", "portrait"),
        VisitEnded(T0 + 100, "idle"),
        VisitStarted(T0 + 200, "ar"),
        AccessUsed(T0 + 201, "keys"),
        AccessUsed(T0 + 202, "sign_language", "intro"),
        VisitEnded(T0 + 300, "idle"),
    ]
    for event in events:
        writer.write(event)
    assert access_counts(db) == {
        "listen": (2, 1),
        "keys": (2, 2),
        "sign_language": (1, 1),
        "audio_description": (0, 0),
    }
    assert access_counts(db, since=T0 + 150)["listen"] == (0, 0)


def test_a_version_1_database_gains_the_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, started_at REAL)")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM access_uses").fetchone() == (0,)


def test_the_report_says_how_many_visits_used_each(tmp_path: Path) -> None:
    from kiosk.report.data import read_report
    from kiosk.report.write import render_html

    db = open_database(tmp_path / "a.sqlite3")
    writer = EventWriter(db)
    for event in (
        VisitStarted(T0, "fr"),
        AccessUsed(T0 + 1, "listen", "intro"),
        VisitEnded(T0 + 60, "idle"),
        VisitStarted(T0 + 100, "en"),
        VisitEnded(T0 + 160, "idle"),
    ):
        writer.write(event)
    data = read_report(db)
    assert ("listen", 1, 1) in data.access and ("keys", 0, 0) in data.access
    html = render_html(data)
    assert "listened to a panel" in html and "used the keys" not in html
