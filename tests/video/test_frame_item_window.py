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


class SwitchingPlayer(StillPlayer):
    """A new 640x360 frame each time it is asked to change."""

    def __init__(self) -> None:
        super().__init__(0)
        self.count = 0

    def next(self) -> None:
        self.count += 1
        shade = self.count % 250
        self._frame = Frame(bytes([shade, shade, shade, 255]) * (640 * 360), 640, 360, 640 * 4)
        self.frameChanged.emit()

    def aspect(self) -> float:
        return 640 / 360


def test_each_frame_s_texture_goes_when_the_next_replaces_it(qtbot: Any, tmp_path: Path) -> None:
    """200 frames of 0.9 MB: a texture kept per frame would hold 180 MB."""
    import psutil

    scene = tmp_path / "Scene.qml"
    scene.write_text("import QtQuick\nItem { width: 640; height: 360 }\n", encoding="utf-8")
    view = QQuickView()
    view.setSource(QUrl.fromLocalFile(str(scene)))
    view.show()
    qtbot.waitExposed(view)
    player = SwitchingPlayer()
    frame = VideoFrame(view.rootObject())
    frame.setSize(view.rootObject().size())
    frame.player = player
    process = psutil.Process()

    def show_frames(count: int) -> None:
        for _ in range(count):
            painted = frame.frames_painted
            player.next()
            qtbot.waitUntil(lambda p=painted: frame.frames_painted > p, timeout=3000)

    show_frames(20)  # warm-up: the window's and the scene graph's own buffers
    before = process.memory_info().rss
    show_frames(200)
    grown_mb = (process.memory_info().rss - before) / 2**20
    assert grown_mb < 60, grown_mb
    view.close()
