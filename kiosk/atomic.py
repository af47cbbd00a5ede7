"""Writing a file so that a power cut or a full disk leaves the old file or the new one, whole.

One write sequence for everything that must survive a cut: the last good copy of an exhibition,
the editor's saves and autosaves, a publish's manifest and announcements, the fleet's state files.
The data goes to a temporary file in the same folder, is flushed and synced, then renamed over
the target (atomic on one file system); the folder is synced last so the rename itself survives.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

#: The steps of :func:`write_atomically`, in order (a test kills the writer at each of them).
STEPS = ("temporary-opened", "data-written", "data-synced", "renamed", "folder-synced")


def write_atomically(
    path: Path,
    data: bytes,
    *,
    prefix: str | None = None,
    mode: int | None = None,
    before_replace: Callable[[], object] | None = None,
    step: Callable[[str], object] = lambda _name: None,
) -> None:
    """Replace ``path`` with ``data``; on any failure the temporary file goes and ``path`` is untouched.

    ``prefix`` names the temporary file (a synchronised folder ignores it by that name);
    ``mode`` sets the new file's permissions (``mkstemp`` makes it 0600); ``before_replace`` runs
    once the new data is safely on disk, before the rename (the editor keeps its backup there, so a
    full disk changes nothing at all).
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            step(STEPS[0])
            out.write(data)
            out.flush()
            step(STEPS[1])
            os.fsync(out.fileno())
            step(STEPS[2])
        if mode is not None:
            os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
        step(STEPS[3])
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)
    step(STEPS[4])


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it survives a power cut (no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows: no directory handles
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
