"""Autosave: the text being edited, written now and then to the user's data folder.

If the editor is killed, the next start finds the autosave of the file it opens and offers to
restore it. An autosave sits in ``<data>/autosave/`` under a name made from the file's full path,
so two exhibitions never share one; a save or a deliberate discard removes it. It names the editor
process that writes it: while that editor runs, another one opening the same file is told so, and
offered nothing to restore.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.analytics.database import data_dir
from kiosk.editor.saving import write_atomically


@dataclass(frozen=True, slots=True)
class Autosave:
    original: Path
    text: str
    saved_at: float
    #: The editor process that wrote it (0 for an autosave written before editors named themselves).
    pid: int = 0

    @property
    def held_by_another_editor(self) -> bool:
        """True while the editor that wrote it still runs: its changes are not lost, only not saved."""
        return self.pid not in (0, os.getpid()) and _running(self.pid)


def _running(pid: int) -> bool:
    if not hasattr(os, "getpgid"):  # not POSIX: cannot tell, so say nothing of another editor
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process of that number: running
    return True


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def autosave_path(original: Path) -> Path:
    key = hashlib.sha256(str(original.resolve()).encode("utf-8")).hexdigest()[:16]
    return autosave_dir() / f"{original.stem}-{key}.json"


def write(original: Path, text: str) -> None:
    """Store ``text`` as the autosave of ``original`` (raises SaveError when the data folder cannot be written)."""
    target = autosave_path(original)
    target.parent.mkdir(parents=True, exist_ok=True)
    record = {"original": str(original.resolve()), "saved_at": time.time(), "text": text, "pid": os.getpid()}
    write_atomically(target, json.dumps(record, ensure_ascii=False), keep_backup=False)


def find(original: Path) -> Autosave | None:
    """The autosave of ``original`` if there is one that differs from the file on disk."""
    target = autosave_path(original)
    try:
        record = json.loads(target.read_text(encoding="utf-8"))
        text = str(record["text"])
        saved_at = float(record["saved_at"])
        pid = int(record.get("pid", 0))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        on_disk = original.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        on_disk = None
    if on_disk == text:
        discard(original)
        return None
    return Autosave(original, text, saved_at, pid)


def discard(original: Path) -> None:
    with contextlib.suppress(OSError):
        autosave_path(original).unlink()
