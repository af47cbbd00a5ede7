"""``MediaProblems``: the QML singleton through which pictures say they could not be decoded.

The loader cannot see every broken picture (a PNG whose pixels are corrupt but whose checksums
are right): only decoding shows it, and Qt logs a warning at each decode. The first Image that
fails reports its file here; from then on every Image showing that file asks first and shows its
placeholder instead of asking Qt to decode it again, so the file is logged once per process
(Qt's own warning at that first decode is the log line).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk import broken_media
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "MediaProblems"]

log = logging.getLogger(__name__)


@QmlElement
@QmlSingleton
class MediaProblems(QObject):
    """``isBroken(url, revision)`` (pass ``revision`` so that bindings follow new reports), ``report(url)``."""

    revisionChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._revision = 0

    def _get_revision(self) -> int:
        return self._revision

    revision = Property(int, _get_revision, notify=revisionChanged)

    @Slot(str, int, result=bool)
    def isBroken(self, url: str, revision: int = 0) -> bool:  # revision: only for bindings to follow
        return bool(url) and broken_media.is_known(broken_media.url_path(url))

    @Slot(str)
    def report(self, url: str) -> None:
        """An Image failed to decode ``url``: Qt has just logged why; remember it, silently."""
        path = broken_media.url_path(url)
        if not path or broken_media.is_known(path):
            return
        broken_media.mark(path)
        self._revision += 1
        self.revisionChanged.emit()
