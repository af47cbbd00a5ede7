"""Media files as QML sources: a file URL, or nothing when the file cannot be shown."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from kiosk.model import MediaFile


def url(media: MediaFile | None) -> str:
    """A file:// URL for a usable file, else "" (QML then shows its placeholder, never black)."""
    if media is None or not media.usable:
        return ""
    return QUrl.fromLocalFile(str(media.path)).toString()


def problem(media: MediaFile | None) -> str:
    return "" if media is None or media.problem is None else media.problem
