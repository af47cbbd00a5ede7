"""The attract loop: the panels the exhibition names, each in one language in turn, and the invitation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtQml import QmlElement

from kiosk.model import Exhibition, Localized, Panel
from kiosk.text import localize
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.base import LocalizedListModel
from kiosk.ui.viewmodels.panels import PANEL_ROLES, panel_value

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "AttractModel", "InvitationModel"]


def attract_panels(exhibition: Exhibition) -> list[Panel]:
    """The loop's panels in order; an id that names no panel is skipped (the loader reported it)."""
    panels = [exhibition.panel(panel_id) for panel_id in exhibition.attract.items]
    return [panel for panel in panels if panel is not None]


@QmlElement
@QmlUncreatable("Made by KioskApp.")
class AttractModel(LocalizedListModel[Panel]):
    """Item N speaks language N modulo the number of languages, so every visitor's turn comes."""

    ROLES = (*PANEL_ROLES, "language", "rtl")

    def item_language(self, index: int) -> str:
        return self.all_languages[index % len(self.all_languages)]

    def value(self, row: Panel, role: str, index: int) -> Any:
        language = self.item_language(index)
        if role == "language":
            return language
        if role == "rtl":
            return localize.is_rtl(language)
        return panel_value(row, role, language, self.all_languages)


@QmlElement
@QmlUncreatable("Made by KioskApp.")
class InvitationModel(LocalizedListModel[str]):
    """The invitation to touch, once per exhibition language, shown all together over the loop."""

    ROLES = ("code", "text", "rtl")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.invitation = Localized.of("")

    def value(self, row: str, role: str, index: int) -> Any:
        match role:
            case "code":
                return row
            case "text":
                return localize.text(self.invitation, row, self.all_languages)["text"]
            case "rtl":
                return localize.is_rtl(row)
        return None
