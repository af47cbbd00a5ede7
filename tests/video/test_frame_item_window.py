"""The frame item draws its frames as scene-graph textures, made by the window it is drawn in,
and finds that window without ``QQuickItem.window()``: in PySide6 6.11 the window returned by
that call is deleted along with the item that asked. The kiosk's window went with the first
film panel that went; here the window must outlive frame items that drew and went."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from clips import Clip
from harness import exhibition_with, make_poster, make_store, open_player, video_panel
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickView, QSGTexture
from shiboken6 import Shiboken

from kiosk.ui.video.frame_item import VideoFrame
from kiosk.video.engine import Frame, PixelFormat


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

    def picture_released(self) -> None:
        """The frame item let go of the picture: nothing to give back here."""


def player_scene(qtbot: Any, clip: Clip, media_dir: Path, size: tuple[int, int]) -> QQuickView:
    """A VideoPlayer scene as the other video tests make it (the same QML modules loaded), whose
    root item the test's own frame items are put in."""
    store = make_store(exhibition_with(video_panel(clip.path, make_poster(media_dir), 1000, 2000)))
    view = open_player(store, "excerpt", size=size)
    view._store = store  # type: ignore[attr-defined]  # kept alive with the view
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_kiosk_window_outlives_frame_items_that_drew_in_it(qtbot: Any, clip: Clip, media_dir: Path) -> None:
    """The kiosk's own window (made by QML, as the kiosk makes it), frame items drawn in it and gone."""
    from PySide6.QtCore import QSize, QSizeF

    from kiosk.ui.app import KioskApp

    kiosk = KioskApp(exhibition_with(video_panel(clip.path, make_poster(media_dir), 1000, 2000)), size=(320, 180))
    kiosk.show(fullscreen=False, size=QSize(320, 180))
    window = kiosk.window
    qtbot.waitExposed(window)
    try:
        for shade in (40, 200):
            player = StillPlayer(shade)
            frame = VideoFrame(window.contentItem())
            frame.setSize(QSizeF(window.width(), window.height()))
            frame.setZ(1000)  # above the attract loop
            frame.player = player
            player.frameChanged.emit()
            qtbot.waitUntil(lambda f=frame: f.frames_painted > 0, timeout=3000)
            grab = window.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
            centre = grab.pixelColor(grab.width() // 2, grab.height() // 2)
            assert abs(centre.red() - shade) <= 2  # the frame is on screen
            frame.setParentItem(None)
            frame.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            del frame, player
            gc.collect()
            assert Shiboken.isValid(window)
    finally:
        if Shiboken.isValid(window):
            kiosk.close()


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


def texture_wrappers() -> int:
    """Python wrappers of scene-graph textures alive, valid or not."""
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, QSGTexture))


def test_each_frame_s_texture_goes_when_the_next_replaces_it(qtbot: Any, clip: Clip, media_dir: Path) -> None:
    """200 frames of 0.9 MB: a texture kept per frame would hold 180 MB. Its Python wrapper goes
    too: PySide6 gives it the window for a parent, and one kept a frame is a leak over days."""
    import psutil

    view = player_scene(qtbot, clip, media_dir, (640, 360))
    player = SwitchingPlayer()
    frame = VideoFrame(view.rootObject())
    frame.setSize(view.rootObject().size())
    frame.setZ(100)  # above the player's poster
    frame.player = player
    process = psutil.Process()

    def show_frames(count: int) -> None:
        for _ in range(count):
            painted = frame.frames_painted
            player.next()
            qtbot.waitUntil(lambda p=painted: frame.frames_painted > p, timeout=3000)

    show_frames(20)  # warm-up: the window's and the scene graph's own buffers
    before, wrappers = process.memory_info().rss, texture_wrappers()
    show_frames(200)
    grown_mb = (process.memory_info().rss - before) / 2**20
    assert grown_mb < 60, grown_mb
    assert texture_wrappers() - wrappers <= 1
    view.close()


class FormatChangingPlayer(StillPlayer):
    """A white RGB picture of 16:9, then a black I420 one of 4:3 (narrower: the item's sides
    show what is beneath it), then none (the player let go of it, as ExcerptPlayer.rest does)."""

    def __init__(self) -> None:
        super().__init__(255)
        self._aspect = 64 / 36

    def show_i420(self) -> None:
        width, height = 480, 360
        luma, chroma = width * height, (width // 2) * (height // 2)
        data = bytes([16]) * luma + bytes([128]) * (2 * chroma)  # black
        self._frame = Frame(
            data,
            width,
            height,
            width,
            pixel_format=PixelFormat.I420,
            plane_offsets=(0, luma, luma + chroma),
            plane_strides=(width, width // 2, width // 2),
        )
        self._aspect = width / height
        self.frameChanged.emit()

    def let_go(self) -> None:
        self._frame = None  # type: ignore[assignment]
        self.frameChanged.emit()

    def current_frame(self) -> Frame | None:  # type: ignore[override]
        return self._frame

    def aspect(self) -> float:
        return self._aspect


def test_a_replaced_or_dropped_picture_leaves_nothing_behind(qtbot: Any, clip: Clip, media_dir: Path) -> None:
    """Qt leaves deleting a node an item no longer returns to the item: one left in place goes on
    being drawn beneath the new one, with the picture it holds."""
    view = player_scene(qtbot, clip, media_dir, (640, 360))
    side, centre = (20, 180), (320, 180)

    def pixel(at: tuple[int, int]) -> tuple[int, int, int]:
        color = view.grabWindow().pixelColor(*at)
        return color.red(), color.green(), color.blue()

    beneath = pixel(side), pixel(centre)
    player = FormatChangingPlayer()
    frame = VideoFrame(view.rootObject())
    frame.setSize(view.rootObject().size())
    frame.setZ(100)  # above the player's poster
    frame.player = player
    player.frameChanged.emit()
    qtbot.waitUntil(lambda: frame.frames_painted == 1, timeout=3000)
    assert min(pixel(side)) >= 250  # the white 16:9 picture fills the item

    player.show_i420()
    qtbot.waitUntil(lambda: frame.frames_painted == 2, timeout=3000)
    assert max(pixel(centre)) <= 5  # the black 4:3 picture
    assert pixel(side) == beneath[0]  # and nothing of the white one beside it

    released: list[bool] = []
    frame.pictureReleased.connect(lambda: released.append(True))
    player.let_go()
    qtbot.waitUntil(lambda: released == [True], timeout=3000)
    assert (pixel(side), pixel(centre)) == beneath
    view.close()
