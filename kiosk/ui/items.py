"""Walking a Qt Quick item tree: the one way the kiosk, its tests and its benchmarks find items.

``findChild`` misses the delegates that ListView and Repeater create (their QObject parent is not
their visual parent); the visual tree (``childItems()``) has them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtQuick import QQuickItem


def walk(root: QQuickItem) -> Iterator[QQuickItem]:
    """``root`` and every item under it, depth first."""
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item.childItems()))


def find_item(root: QQuickItem, name: str) -> QQuickItem | None:
    """The first item named ``name`` at or under ``root``, or None."""
    return next((item for item in walk(root) if item.objectName() == name), None)
