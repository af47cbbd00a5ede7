"""What the exhibition looks like on disk, cheaply: to ignore notifications that changed nothing.

Editors touch folders (swap files, backups) and save files unchanged; reloading then
would rebuild the screen for nothing. The YAML's bytes and each media file's size and
modification time are enough to tell a real change.
"""

from __future__ import annotations

import os
from pathlib import Path


def fingerprint(exhibition_file: Path, media_root: Path | None) -> str:
    import hashlib  # OpenSSL: loaded at the first reload, not before the kiosk's first frame

    digest = hashlib.sha256()
    try:
        digest.update(Path(exhibition_file).read_bytes())
    except OSError as error:
        digest.update(f"unreadable:{error.errno}".encode())
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
                digest.update(f"{os.path.relpath(path, media_root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
