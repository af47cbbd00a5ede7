"""The frame item draws its frames as scene-graph textures, made by the window it is drawn in,
and finds that window without ``QQuickItem.window()``: in PySide6 6.11 the window returned by
that call is deleted along with the item that asked. The kiosk's window went with the first
film panel that went; here the window must outlive frame items that drew and went."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickView
from shiboken6 import Shiboken

from kiosk.ui.video.frame_item import VideoFrame
from kiosk.video.engine import Frame


class StillPlayer(QObject):
    """A player showing one still frame: what VideoFrame asks of an ExcerptPlayer."""

    frameChanged = Signal()

    def __init__(self, shade: int) -> None:
        super().__init__()
        self._frame = Frame(bytes([shade, shade, shade, 255]) * (64 * 36), 64, 36, 64 * 4)

    def current_frame(self) -> Frame:
        return self._frame

    def aspect(self) -> float:
        return 64 / 36


def test_the_window_outlives_frame_items_that_drew_in_it(qtbot: Any, tmp_path: Path) -> None:
    scene = tmp_path / "Scene.qml"
    scene.write_text("import QtQuick\nItem { width: 320; height: 180 }\n", encoding="utf-8")
    view = QQuickView()
    view.setSource(QUrl.fromLocalFile(str(scene)))
    view.show()
    qtbot.waitExposed(view)
    root = view.rootObject()
    for shade in (40, 200):
        player = StillPlayer(shade)
        frame = VideoFrame(root)
        frame.setSize(root.size())
        frame.player = player
        player.frameChanged.emit()
        qtbot.waitUntil(lambda f=frame: f.frames_painted > 0, timeout=3000)
        grab = view.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
        assert abs(grab.pixelColor(160, 90).red() - shade) <= 2  # the frame is on screen
        frame.setParentItem(None)
        frame.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del frame, player
        gc.collect()
        assert Shiboken.isValid(view)
    view.close()
