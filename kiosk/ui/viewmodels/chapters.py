"""The chapters, as tiles on the home screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlElement

from kiosk.model import Chapter
from kiosk.text import localize
from kiosk.ui import media
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.base import LocalizedListModel

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ChapterModel"]


@QmlElement
@QmlUncreatable("Made by KioskApp.")
class ChapterModel(LocalizedListModel[Chapter]):
    ROLES = ("chapterId", "title", "summary", "coverUrl", "panelCount", "number")

    def value(self, row: Chapter, role: str, index: int) -> Any:
        match role:
            case "chapterId":
                return row.id
            case "title":
                return localize.text(row.title, self.current_language, self.all_languages)
            case "summary":
                return localize.text(row.summary, self.current_language, self.all_languages)
            case "coverUrl":
                return media.url(row.cover)
            case "panelCount":
                return len(row.panels)
            case "number":
                return index + 1
        return None
