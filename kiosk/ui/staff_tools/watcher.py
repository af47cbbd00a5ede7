"""Notice when staff change the exhibition: its YAML file or anything in its media folder.

QFileSystemWatcher, debounced: an editor's save (write, rename, chmod) or a copy of a
folder of clips fires many notifications; one ``changed`` follows the last of them after
a moment of quiet: ``file_debounce_ms`` when only the exhibition file (or its folder) changed,
as when staff save it in an editor and watch the preview, ``debounce_ms`` once anything in
the media folder did, where a copy of large files goes on for a while. Editors that save by
writing a new file and renaming it over the old one make the watcher lose the path, so every
notification re-arms all paths.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 400
#: The quiet after a change of the exhibition file alone. An editor's save (write a new file,
#: rename it over the old, set its mode) is over within milliseconds; a reload is ~80 ms of the
#: kiosk's work; so a save shows in the preview in under 300 ms, where 400 ms of quiet alone
#: made it over half a second (bench/bench_reload.py). A read in the middle of a slow write
#: finds an unfinished file at worst: the last good exhibition stays, and the end of the write
#: brings another reload.
FILE_DEBOUNCE_MS = 100
#: A media folder deeper or larger than this is a mistake (someone pointed it at /): stop there.
MAX_WATCHED_FOLDERS = 500


class ExhibitionWatcher(QObject):
    """Emits ``changed`` once the exhibition file or its media folder has been quiet a moment."""

    changed = Signal()

    def __init__(
        self,
        exhibition_file: Path,
        media_root: Path | None = None,
        *,
        debounce_ms: int = DEFAULT_DEBOUNCE_MS,
        file_debounce_ms: int = FILE_DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._debounce_ms = debounce_ms
        self._file_debounce_ms = min(file_debounce_ms, debounce_ms)
        self._file = Path(exhibition_file).resolve()
        self._media = Path(media_root).resolve() if media_root else None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(debounce_ms)
        self._quiet.timeout.connect(self._settled)
        self._arm()

    def set_media_root(self, media_root: Path | None) -> None:
        """The reloaded exhibition may name another media folder."""
        resolved = Path(media_root).resolve() if media_root else None
        if resolved != self._media:
            self._media = resolved
            self._arm()

    def watched(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _paths(self) -> list[str]:
        # The folder holding the YAML too: a rename-over save shows up there.
        paths = [str(self._file.parent)]
        if self._file.exists():
            paths.append(str(self._file))
        if self._media is not None and self._media.is_dir():
            for folder, subfolders, _files in os.walk(self._media):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                paths.append(folder)
                if len(paths) > MAX_WATCHED_FOLDERS:
                    log.warning(
                        "media folder %s has too many folders to watch; watching the first %d",
                        self._media,
                        MAX_WATCHED_FOLDERS,
                    )
                    break
        return paths

    def _arm(self) -> None:
        wanted = set(self._paths())
        current = set(self._watcher.files() + self._watcher.directories())
        if current - wanted:
            self._watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self._watcher.addPaths(sorted(wanted - current))

    @property
    def pending_quiet_ms(self) -> int | None:
        """The quiet awaited before ``changed``, while a change is pending."""
        return self._quiet.interval() if self._quiet.isActive() else None

    def _poke(self, path: str) -> None:
        own = Path(path) in (self._file, self._file.parent)
        quiet = self._file_debounce_ms if own else self._debounce_ms
        if self._quiet.isActive():
            quiet = max(quiet, self._quiet.interval())  # media still settling: wait for it too
        self._quiet.setInterval(quiet)
        self._quiet.start()  # restart: wait for quiet

    def _settled(self) -> None:
        self._arm()  # new subfolders, a file renamed over the YAML
        self.changed.emit()
