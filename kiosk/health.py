"""What staff should know about the machine now: a full disk, analytics paused, memory short. No Qt.

Parts that notice a fault set a note (``set_note("analytics", "...")``) and clear it when it is
over (``set_note("analytics", None)``); the free space of the folders the kiosk writes to
(``watch_folders``: ``kiosk run`` names its log and analytics folders) is looked at each time the
notes are read. The staff panel shows :func:`notes` while it is open, ``kiosk doctor``
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


_folders: list[Path] = []


def watch_folders(folders: list[Path]) -> None:
    """The folders the kiosk writes to (its logs, its analytics): their disks are looked at."""
    with _lock:
        _folders[:] = [Path(folder) for folder in folders]


def _written_folders() -> list[Path]:
    with _lock:
        return list(_folders)


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
        lines.append(
            f"The disk is full ({free / 2**20:.0f} MB free at {disk}): the exhibition goes on, "
            "but logs and visit statistics are not written until there is room."
        )
    return lines


def notes(folders: list[Path] | None = None) -> list[str]:
    with _lock:
        current = list(_notes.values())
    return disk_notes(folders) + current
