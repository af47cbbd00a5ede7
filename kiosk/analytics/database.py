"""The analytics database: where it lives, how it is opened, and its schema migrations.

Durability (docs/staff-tools.md, "Analytics"): WAL journal with ``synchronous=FULL``.
In WAL mode a commit only appends to the -wal file; FULL makes that append reach the
disk before COMMIT returns, so a power cut loses nothing that was committed. NORMAL
would only sync at checkpoints, and a power cut could then roll back every commit since
the last one, far more than the second the issue allows. The cost is one fsync per
commit, and the recorder commits at most every half second, only while visitors act.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import platformdirs

#: Environment variable naming the folder that holds the analytics database.
DATA_DIR_ENV = "KIOSK_DATA_DIR"
DATABASE_NAME = "analytics.sqlite3"


def data_dir() -> Path:
    """``$KIOSK_DATA_DIR``, else the platform's per-user data folder (~/.local/share/kiosk)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("kiosk", appauthor=False))


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def _script(db: sqlite3.Connection, sql: str) -> None:
    # Not executescript(): it commits first, which would split a migration in two.
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    # Times are wall-clock seconds since the epoch (REAL); durations in milliseconds.
    # No column can hold anything about a person: ids come from the exhibition YAML.
    _script(
        db,
        """
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            exhibition TEXT NOT NULL DEFAULT '',
            started_at REAL NOT NULL,
            ended_at REAL,
            start_language TEXT NOT NULL,
            language TEXT NOT NULL,          -- the language the visit was in last
            end_reason TEXT                  -- idle | staff | reload | closing | interrupted
        );
        CREATE INDEX visits_started ON visits(started_at);
        CREATE TABLE language_changes (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            at REAL NOT NULL,
            language TEXT NOT NULL
        );
        CREATE TABLE chapter_opens (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            at REAL NOT NULL,
            chapter_id TEXT NOT NULL
        );
        CREATE TABLE panel_views (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            shown_at REAL NOT NULL,
            chapter_id TEXT NOT NULL,
            panel_id TEXT NOT NULL,
            dwell_ms INTEGER                 -- NULL while on screen (or if the kiosk stopped)
        );
        CREATE INDEX panel_views_visit ON panel_views(visit_id);
        CREATE TABLE excerpt_plays (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            started_at REAL NOT NULL,
            panel_id TEXT NOT NULL,
            watched_ms INTEGER,              -- NULL while playing (or if the kiosk stopped)
            duration_ms INTEGER
        );
        CREATE TABLE idle_resets (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER REFERENCES visits(id),
            at REAL NOT NULL
        );
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    # Uses of the listen control, the keys (once per visit), sign language and audio description.
    _script(
        db,
        """
        CREATE TABLE access_uses (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            at REAL NOT NULL,
            feature TEXT NOT NULL,           -- listen | keys | sign_language | audio_description
            panel_id TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX access_uses_visit ON access_uses(visit_id);
        """,
    )


#: Migration n (index n-1) takes the database from user_version n-1 to n. Append, never edit.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerDatabaseError(RuntimeError):
    """The file was written by a newer kiosk; an older one must not touch it."""


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`, one transaction per step."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(f"analytics database has schema {version}, this kiosk knows up to {SCHEMA_VERSION}")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[target - 1](db)
            db.execute(f"PRAGMA user_version = {target}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def open_database(path: Path | str | None = None, *, create: bool = True) -> sqlite3.Connection:
    """Open (and create, migrate) the analytics database in WAL mode with synchronous=FULL.

    The connection is in autocommit mode (``isolation_level=None``): callers open their
    own transactions, which is what lets the recorder batch a second of events into one.
    """
    target = Path(path) if path is not None else database_path()
    if create:
        target.parent.mkdir(parents=True, exist_ok=True)
    elif not target.exists():
        raise FileNotFoundError(f"no analytics database at {target}")
    db = sqlite3.connect(target, isolation_level=None, timeout=5.0)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db
