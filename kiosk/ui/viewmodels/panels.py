"""The panels of the open chapter, one row each, every kind's fields as roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlElement

from kiosk.model import (
    ImagePanel,
    Localized,
    Panel,
    PlaceholderPanel,
    TextPanel,
    TimelinePanel,
    VideoPanel,
)
from kiosk.text import localize
from kiosk.text.localize import Text
from kiosk.text.markup import to_blocks, to_styled_text
from kiosk.ui import media
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.base import LocalizedListModel

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "PanelModel", "panel_value"]

PANEL_ROLES = (
    "panelId",
    "kind",
    "title",
    "body",
    "words",
    "who",
    "when",
    "caption",
    "credit",
    "alt",
    "description",
    "imageUrl",
    "imageProblem",
    "focusX",
    "focusY",
    "problems",
    "durationMs",
)


def _field(panel: Panel, name: str) -> Localized | None:
    value = getattr(panel, name, None)
    return value if isinstance(value, Localized) else None


def _image(panel: Panel) -> Any:
    match panel:
        case ImagePanel():
            return panel.src
        case VideoPanel():
            return panel.poster
        case TextPanel() | TimelinePanel():
            return panel.image
    return None


def panel_value(panel: Panel, role: str, language: str, languages: tuple[str, ...]) -> Any:
    """One role of one panel in one language; shared by the chapter and attract models."""
    match role:
        case "panelId":
            return panel.id
        case "kind":
            return panel.kind
        case "body":
            body: Text = localize.text(_field(panel, "body"), language, languages)
            source = body["text"]
            body["text"] = to_styled_text(source)
            # QML lays the body out block by block (paragraph gaps, hanging list indents).
            return {**body, "blocks": to_blocks(source)}
        case "title" | "words" | "who" | "when" | "caption" | "credit" | "alt" | "description":
            return localize.text(_field(panel, role), language, languages)
        case "imageUrl":
            return media.url(_image(panel))
        case "imageProblem":
            return media.problem(_image(panel))
        case "focusX" | "focusY":
            focus = panel.focus if isinstance(panel, ImagePanel) else (0.5, 0.4)
            return float(focus[0 if role == "focusX" else 1])
        case "problems":
            return "\n".join(panel.problems) if isinstance(panel, PlaceholderPanel) else ""
        case "durationMs":
            return panel.duration_ms if isinstance(panel, VideoPanel) else 0
    return None


@QmlElement
@QmlUncreatable("Made by KioskApp.")
class PanelModel(LocalizedListModel[Panel]):
    ROLES = PANEL_ROLES

    def value(self, row: Panel, role: str, index: int) -> Any:
        return panel_value(row, role, self.current_language, self.all_languages)
