"""Notice when staff change the exhibition: its YAML file or anything in its media folder.

QFileSystemWatcher, debounced: an editor's save (write, rename, chmod) or a copy of a
folder of clips fires many notifications; one ``changed`` follows the last of them after
``debounce_ms`` of quiet. Editors that save by writing a new file and renaming it over
the old one make the watcher lose the path, so every notification re-arms all paths.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 400
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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
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

    def _poke(self, _path: str) -> None:
        self._quiet.start()  # restart: wait for quiet

    def _settled(self) -> None:
        self._arm()  # new subfolders, a file renamed over the YAML
        self.changed.emit()
