"""What staff should know about the machine now: a full disk, analytics paused, memory short. No Qt.

Parts that notice a fault set a note (``set_note("analytics", "...")``) and clear it when it is
over (``set_note("analytics", None)``); the free space where the kiosk writes is looked at each
time the notes are read. The staff panel shows :func:`notes` while it is open, ``kiosk doctor``
has its own, fuller checks.
"""

from __future__ import annotations

import threading
from pathlib import Path

from kiosk.disk_guard import existing_parent, free_bytes, low_space_bytes

_lock = threading.Lock()
_notes: dict[str, str] = {}


def set_note(key: str, text: str | None) -> None:
    with _lock:
        if text:
            _notes[key] = text
        else:
            _notes.pop(key, None)


def _written_folders() -> list[Path]:
    from kiosk.analytics.database import data_dir
    from kiosk.logs import log_dir

    return [log_dir(), data_dir()]


def disk_notes(folders: list[Path] | None = None, floor: int | None = None) -> list[str]:
    """One line per disk the kiosk writes to that is (nearly) full."""
    floor = low_space_bytes() if floor is None else floor
    seen: set[Path] = set()
    lines = []
    for folder in folders if folders is not None else _written_folders():
        disk = existing_parent(folder)
        free = free_bytes(disk)
        if free is None or free >= floor or disk in seen:
            continue
        seen.add(disk)
        lines.append(f"The disk is full ({free / 2**20:.0f} MB free at {disk}): the exhibition goes on, "
                     "but logs and visit statistics are not written until there is room.")
    return lines


def notes(folders: list[Path] | None = None) -> list[str]:
    with _lock:
        current = list(_notes.values())
    return disk_notes(folders) + current
