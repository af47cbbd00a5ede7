"""Free space where the kiosk writes: measured cheaply, and a full disk recognised in an error. No Qt.

A full disk must never take the exhibition down. What the kiosk writes is bounded (the log
rotates through six files of 2 MB; the analytics database is capped, see
:mod:`kiosk.analytics.database`; one last good copy of the exhibition file) and every writer
stops before the disk is full (``LOW_SPACE_BYTES`` left) or when a write fails for lack of
space, and starts again once there is room.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

#: Writers that can wait (analytics) pause below this much free space, so that the disk never
#: fills because of them and the system (journald, package updates) keeps a margin.
LOW_SPACE_BYTES = 64 * 1024 * 1024
#: A technician's own margin in MB (a small SD card, a big disk shared with other programs).
LOW_SPACE_ENV = "KIOSK_LOW_SPACE_MB"
#: ENOSPC and EDQUOT (a user quota) are both "no room".
_NO_ROOM = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
#: SQLite's result codes for a full disk (SQLITE_FULL) and an I/O error (which a WAL write on a
#: full disk can also give).
_SQLITE_FULL = 13


def low_space_bytes() -> int:
    """The free space below which the kiosk calls its disk full: ``$KIOSK_LOW_SPACE_MB`` or 64 MB."""
    try:
        return int(float(os.environ[LOW_SPACE_ENV]) * 1024 * 1024)
    except (KeyError, ValueError):
        return LOW_SPACE_BYTES


def existing_parent(path: Path) -> Path:
    """``path``, or its nearest ancestor that exists (a folder not made yet lives on that disk)."""
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def free_bytes(path: Path) -> int | None:
    """Free bytes for an unprivileged writer on the disk holding ``path``; None if it cannot be read."""
    try:
        return shutil.disk_usage(existing_parent(path)).free
    except OSError:
        return None


def is_low(path: Path, floor: int | None = None) -> bool:
    free = free_bytes(path)
    return free is not None and free < (low_space_bytes() if floor is None else floor)


def is_disk_full(error: BaseException) -> bool:
    """True when ``error`` says there was no room: ENOSPC/EDQUOT, or SQLite's 'database or disk is full'."""
    if isinstance(error, OSError):
        return error.errno in _NO_ROOM
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code == _SQLITE_FULL or "disk is full" in str(error)
    return False


def describe_free(path: Path) -> str:
    free = free_bytes(path)
    if free is None:
        return f"free space unknown at {path}"
    return f"{free / 1024 / 1024:.1f} MB free on the disk of {existing_parent(path)}"
