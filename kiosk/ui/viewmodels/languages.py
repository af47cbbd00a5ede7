"""The language switch: each exhibition language, named in its own script."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlElement

from kiosk.text import localize
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.base import LocalizedListModel

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "LanguageModel"]


@QmlElement
@QmlUncreatable("Made by KioskApp.")
class LanguageModel(LocalizedListModel[str]):
    ROLES = ("code", "name", "rtl", "current")

    def value(self, row: str, role: str, index: int) -> Any:
        match role:
            case "code":
                return row
            case "name":
                return localize.native_name(row)
            case "rtl":
                return localize.is_rtl(row)
            case "current":
                return row == self.current_language
        return None
