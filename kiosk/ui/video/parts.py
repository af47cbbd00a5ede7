"""FilmParts: the player and the frame item of each VideoPlayer, made in Python.

PySide6 6.11.3 never frees the Python side of an object that QML creates
(tests/soak/test_qml_wrapper_leak.py): when VideoPlayer.qml declared ``ExcerptPlayer {}`` and
``VideoFrame {}``, every film panel shown left two empty wrappers behind, for ever, scattered
through the heap, where they kept freed pages from going back to the system. The long soak's RSS
crept with them (docs/reliability.md). An object made in Python with a QML item as its parent
goes with that item, wrapper and all: so VideoPlayer asks for its parts instead of declaring
them, and ExcerptPlayer and VideoFrame cannot be created from QML any more.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtQml import QmlElement, QmlSingleton
from PySide6.QtQuick import QQuickItem

from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401  (read by @QmlElement)
from kiosk.ui.video.coordinator import FilmCoordinator
from kiosk.ui.video.excerpt_player import ExcerptPlayer
from kiosk.ui.video.frame_item import VideoFrame


@QmlElement
@QmlSingleton
class FilmParts(QObject):
    """``FilmParts.player(owner)``, ``FilmParts.frame(host)``: new parts that live as long as
    ``owner`` or ``host``. One per QML engine; its players share ``films``, which KioskApp sets
    to its own coordinator before the scene loads (a bare scene in a test gets one of its own)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.films = FilmCoordinator()

    @Slot(QQuickItem, result=ExcerptPlayer)
    def player(self, owner: QQuickItem) -> ExcerptPlayer:
        player = ExcerptPlayer(self.films, owner)
        player.setObjectName("excerptPlayer")
        return player

    @Slot(QQuickItem, result=VideoFrame)
    def frame(self, host: QQuickItem) -> VideoFrame:
        """A frame item drawn inside ``host``; the caller binds its size and its player."""
        frame = VideoFrame(host)
        frame.setParentItem(host)
        frame.setObjectName("videoFrame")
        return frame
