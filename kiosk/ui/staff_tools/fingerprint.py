"""What the exhibition looks like on disk, cheaply: to ignore notifications that changed nothing.

Editors touch folders (swap files, backups) and save files unchanged; reloading then
would rebuild the screen for nothing. The YAML's bytes and each media file's size and
modification time are enough to tell a real change.
"""

from __future__ import annotations

import os
from pathlib import Path


def fingerprint(exhibition_file: Path, media_root: Path | None) -> int:
    """Compared only with another taken in the same process: Python's own hash of what was read,
    not a digest (hashlib would load OpenSSL before the kiosk's first frame, 3 ms)."""
    try:
        text: object = Path(exhibition_file).read_bytes()
    except OSError as error:
        text = f"unreadable:{error.errno}"
    media: list[tuple[str, int, int]] = []
    if media_root is not None and Path(media_root).is_dir():
        for folder, subfolders, files in os.walk(media_root):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                media.append((os.path.relpath(path, media_root), stat.st_size, stat.st_mtime_ns))
    return hash((text, tuple(media)))
