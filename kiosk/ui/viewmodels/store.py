"""The exhibition on show, swappable for a reloaded one while the kiosk runs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement

from kiosk.model import Exhibition, Theme
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ExhibitionStore"]


@QmlElement
@QmlUncreatable("The store is made by KioskApp and handed to Main.qml.")
class ExhibitionStore(QObject):
    """Holds the current :class:`Exhibition` (Python attribute ``exhibition``, None if loading failed).

    The video code reads ``store.exhibition`` directly; QML reads the few properties below.
    """

    exhibitionChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exhibition: Exhibition | None = None
        self._problems: list[str] = []

    def set_exhibition(self, exhibition: Exhibition | None, problems: list[str]) -> None:
        self.exhibition = exhibition
        self._problems = problems
        self.exhibitionChanged.emit()

    def _loaded(self) -> bool:
        return self.exhibition is not None

    def _problem_lines(self) -> list[str]:
        return list(self._problems)

    def _theme(self) -> dict[str, Any]:
        theme = self.exhibition.info.theme if self.exhibition else Theme()
        return {
            "background": theme.background,
            "surface": theme.surface,
            "text": theme.text,
            "muted": theme.muted,
            "accent": theme.accent,
            "font": theme.font,
            "headingFont": theme.heading_font,
            "arabicFont": theme.arabic_font,
        }

    def _languages(self) -> list[str]:
        return list(self.exhibition.languages) if self.exhibition else []

    def _source(self) -> str:
        return str(self.exhibition.source) if self.exhibition else ""

    def _attract_item_ms(self) -> int:
        return self.exhibition.attract.item_duration.ms if self.exhibition else 9000

    loaded = Property(bool, _loaded, notify=exhibitionChanged)
    problems = Property(list, _problem_lines, notify=exhibitionChanged)
    theme = Property(dict, _theme, notify=exhibitionChanged)
    languages = Property(list, _languages, notify=exhibitionChanged)
    source = Property(str, _source, notify=exhibitionChanged)
    attractItemMs = Property(int, _attract_item_ms, notify=exhibitionChanged)
