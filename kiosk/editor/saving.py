"""Writing the exhibition file safely: a temporary file beside it, then a rename.

The file on disk is either the old version or the new one, never half of each: a full disk or a
read-only folder fails before the rename, and the file staff had stays as it was. The version
being replaced is kept beside it as ``NAME.bak`` (the last one only).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path


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
    """Replace ``path`` with ``text`` (UTF-8) all at once; raises :class:`SaveError` and changes nothing on failure."""
    data = text.encode("utf-8")
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".saving")
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            shutil.copymode(path, temp)
            if keep_backup:
                _keep_backup(path)
        os.replace(temp, path)
        temp = None
        _sync_folder(path.parent)
    except OSError as error:
        raise SaveError(explain(error, path)) from error
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _keep_backup(path: Path) -> None:
    """Copy the current file to NAME.bak, itself atomically, so a failed backup spoils no older one."""
    backup = backup_path(path)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{backup.name}.", suffix=".saving")
    try:
        with os.fdopen(fd, "wb") as stream, path.open("rb") as source:
            shutil.copyfileobj(source, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after a save keeps the new file)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
