"""Problems only the drawn screen can tell: text that does not fit.

Looks inside the panel on screen (the item named ``panel_<id>``) for:
- a text frame or a list that must scroll (a Flickable whose content is larger than it),
- a Text item cut short (``truncated``),
- a Text item that runs past the panel or the screen edge.
Text inside a scrolling frame is judged by its frame, not line by line.
None of this is a fault of the exhibition as such, but each is something a person would
notice at the booth: the sheet lets staff decide before the opening.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.proof.marks import Mark
from kiosk.ui.items import find_item

SCROLLER = "textScroller"
#: The presentation's tag on a text shown in another language than the visitor's.
FALLBACK_TAG = "fallbackTag"


def _shown(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0.01 and item.width() > 0 and item.height() > 0


def _rect(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 48 else text[:47] + "…"


def scene_marks(window: QQuickWindow, panel_id: str) -> list[Mark]:
    panel = find_item(window.contentItem(), f"panel_{panel_id}")
    if panel is None:
        return []
    screen = QRectF(0, 0, window.width(), window.height())
    bounds = panel.mapRectToScene(panel.boundingRect()).intersected(screen)
    marks: list[Mark] = []
    stack: list[QQuickItem] = [panel]
    while stack:
        item = stack.pop()
        if not _shown(item):
            continue
        if item.inherits("QQuickFlickable"):
            # Text frames and lists (a timeline) that scroll: judged as a whole, once.
            frame_h, content_h = item.height(), float(item.property("contentHeight") or 0)
            frame_w, content_w = item.width(), float(item.property("contentWidth") or 0)
            excess = max((content_h - frame_h) / frame_h, (content_w - frame_w) / frame_w)
            if excess > 0.005:
                what = "text" if item.objectName() == SCROLLER else "list"
                marks.append(
                    Mark(
                        "overflow",
                        f"the {what} is {100 * excess:.0f} % longer than its frame: visitors must scroll to see it all",
                        _rect(item.mapRectToScene(item.boundingRect())),
                    )
                )
            continue  # what is inside scrolls on purpose
        if item.metaObject().className().startswith("QQuickText") and item.property("text"):
            # QQuickText's boundingRect is the laid-out text, alignment included (Arabic paints
            # from the right edge): what may spill, while the item itself may be narrower.
            painted = item.boundingRect()
            on_screen = item.mapRectToScene(painted)
            text = _snippet(str(item.property("text")))
            if item.property("truncated"):
                marks.append(Mark("overflow", f"text cut short: “{text}”", _rect(on_screen)))
            elif not bounds.contains(on_screen.adjusted(1, 1, -1, -1)):
                marks.append(Mark("overflow", f"text runs past the edge: “{text}”", _rect(on_screen)))
        stack.extend(item.childItems())
    return marks


def fallback_boxes(window: QQuickWindow, panel_id: str) -> list[tuple[float, float, float, float]]:
    """Where the panel shows a text in another language (the tag and the text it labels)."""
    panel = find_item(window.contentItem(), f"panel_{panel_id}")
    if panel is None:
        return []
    boxes = []
    stack: list[QQuickItem] = [panel]
    while stack:
        item = stack.pop()
        if not _shown(item):
            continue
        if item.objectName() == FALLBACK_TAG:
            owner = item.parentItem() or item
            boxes.append(
                _rect(owner.mapRectToScene(owner.childrenRect()).united(item.mapRectToScene(item.boundingRect())))
            )
            continue
        stack.extend(item.childItems())
    return boxes
