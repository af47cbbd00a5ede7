"""Writing the exhibition file safely: a temporary file beside it, then a rename.

The file on disk is either the old version or the new one, never half of each: a full disk or a
read-only folder fails before the rename, and the file staff had stays as it was. The version
being replaced is kept beside it as ``NAME.bak`` (the last one only).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kiosk import atomic


class SaveError(Exception):
    """A save that did not happen; the message says why in words staff can act on."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def explain(error: OSError, path: Path) -> str:
    """What went wrong, and what staff can do, for the errors a save meets on a real desk."""
    folder = path.parent
    match error.errno:
        case errno.EROFS:
            reason = f"the folder {folder} is read-only (a locked USB key, a read-only share?)"
        case errno.EACCES | errno.EPERM:
            reason = f"you may not write in the folder {folder}"
        case errno.ENOSPC | errno.EDQUOT:
            reason = f"the disk holding {folder} is full"
        case errno.ENOENT:
            reason = f"the folder {folder} no longer exists"
        case _:
            reason = error.strerror or str(error)
    return (
        f"Not saved: {reason}. The file on disk is unchanged and your changes are still open: "
        "free some space or use Save As to save elsewhere."
    )


def write_atomically(path: Path, text: str, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8) all at once; raises :class:`SaveError` and changes nothing on failure.

    Once the new text is safely on disk, the previous version is copied to NAME.bak, itself
    atomically, so a failed backup spoils no older one; the new file keeps the old one's permissions.
    """
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()

        def backup() -> None:
            if keep_backup and path.exists():
                atomic.write_atomically(backup_path(path), path.read_bytes(), mode=mode)

        atomic.write_atomically(path, text.encode("utf-8"), mode=mode, before_replace=backup)
    except OSError as error:
        raise SaveError(explain(error, path)) from error


def _default_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0666 less the umask), so a new exhibition
    is as readable as any file staff make (a temporary file is made 0600)."""
    try:  # Linux says the umask without changing it, which other threads would see
        status = Path("/proc/self/status").read_text()
        umask = int(next(line.split()[1] for line in status.splitlines() if line.startswith("Umask:")), 8)
    except (OSError, StopIteration, ValueError, IndexError):
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask
