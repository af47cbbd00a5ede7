"""Large films as I420: the same picture on screen as RGB frames give, at a fraction of the memory.

Each scene is built twice with real libVLC and a real Qt Quick window (software scene graph): once
with every frame as RGB32 (libVLC's conversion, as for small films), once with every frame as I420
(converted by libswscale straight into the window's image, kiosk/ui/video/yuv_node.py). The two
windows must look the same: the picture where it belongs, and the controls, captions and whatever
else lies above it untouched, through the repaints of parts of the window the software scene
graph makes, odd pixels included, and through a fade, which takes the painter's way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clips import Clip, frame_number, make_clip, read_frame_number
from harness import exhibition_with, find, item, make_poster, make_store, open_player, video_panel
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlComponent

from kiosk.video.engine import PixelFormat

pytestmark = pytest.mark.vlc

SIZE = (640, 360)  # the film's size and the window's: frames shown as they are, the case I420 is for


@pytest.fixture
def large_clip(media_dir: Path) -> Clip:
    return make_clip(media_dir, width=SIZE[0], height=SIZE[1], seconds=6.0, gop=30)


@pytest.fixture
def build(qtbot: Any, vlc_ready: None, media_dir: Path, large_clip: Clip) -> Iterator[Any]:
    from kiosk.video import vlc_engine

    views: list[Any] = []

    def make(yuv: bool, *, attract: bool) -> Any:
        # Every picture as I420 (0), or none (a size no film has).
        vlc_engine.deliver_yuv_above(0 if yuv else 10**9)
        poster = make_poster(media_dir, "#C03030")
        store = make_store(exhibition_with(video_panel(large_clip.path, poster, 3000, 5500)))
        view = open_player(store, "excerpt", attract=attract, size=SIZE)
        view._store = store
        view.show()
        qtbot.waitExposed(view)
        views.append(view)
        return view

    yield make
    vlc_engine.deliver_yuv_above(vlc_engine.YUV_ABOVE_PIXELS)
    for view in views:
        find(view, "excerptPlayer").release()
        view.close()
        view.deleteLater()


def held_first_frame(qtbot: Any, build: Any, yuv: bool) -> Any:
    """A view holding its excerpt's first frame (frame 90), prepared as the attract loop does."""
    view = build(yuv, attract=True)
    player = find(view, "excerptPlayer")
    qtbot.waitUntil(lambda: view.rootObject().property("ready"), timeout=8000)
    frame = player.current_frame()
    assert frame is not None and frame_number(frame) == 90
    assert frame.pixel_format is (PixelFormat.I420 if yuv else PixelFormat.RGB32)
    return view


def grab(view: Any) -> QImage:
    return view.grabWindow().convertToFormat(QImage.Format.Format_RGB32)


def differing(one: QImage, other: QImage, tolerance: int = 16) -> float:
    """The share of pixels whose colours differ by more than ``tolerance`` in some channel (the two
    conversions may round a level or two apart)."""
    assert one.size() == other.size()
    a, b = bytes(one.constBits()), bytes(other.constBits())
    count = 0
    for offset in range(0, len(a), 4 * 7):  # every 7th pixel: enough to see a misplaced picture
        if max(abs(a[offset + c] - b[offset + c]) for c in range(3)) > tolerance:
            count += 1
    return count / (len(a) // (4 * 7))


def screen_number(image: QImage) -> int:
    return read_frame_number(bytes(image.constBits()), image.width(), image.height(), image.bytesPerLine())


def test_a_held_frame_looks_the_same_as_i420_and_as_rgb(qtbot: Any, build: Any) -> None:
    rgb, yuv = grab(held_first_frame(qtbot, build, False)), grab(held_first_frame(qtbot, build, True))
    assert screen_number(yuv) == 90
    assert differing(rgb, yuv) < 0.002


def test_i420_frames_go_straight_into_the_window(qtbot: Any, build: Any) -> None:
    view = held_first_frame(qtbot, build, True)
    counts = item(view, "videoFrame").yuv_draws
    qtbot.waitUntil(lambda: counts.direct > 0, timeout=3000)  # once the window has drawn it
    assert counts.painter == 0, counts
    rgb = held_first_frame(qtbot, build, False)
    repainted(qtbot, rgb)
    assert item(rgb, "videoFrame").yuv_draws.direct == 0


def move_a_veil(qtbot: Any, view: Any) -> None:
    """A translucent rectangle on odd pixels over the picture, moved twice: the software scene graph
    repaints the parts it left and entered, and nothing else."""
    component = QQmlComponent(view.engine())
    component.setData(b"import QtQuick\nRectangle { x: 101; y: 57; width: 33; height: 21; color: '#80ff00ff' }", QUrl())
    veil = component.create()
    assert veil is not None, component.errorString()
    veil.setParentItem(view.rootObject())
    view._veil = veil
    for x in (101, 139, 177):
        veil.setProperty("x", x)
        veil.setProperty("y", x // 2 + 7)
        repainted(qtbot, view)


def repainted(qtbot: Any, view: Any) -> None:
    """Until the window has drawn its next frame."""
    swapped: list[int] = []
    view.frameSwapped.connect(lambda: swapped.append(1))
    view.update()
    qtbot.waitUntil(lambda: bool(swapped), timeout=3000)


def test_repaints_of_parts_beside_a_translucent_item_look_the_same(qtbot: Any, build: Any) -> None:
    images = []
    for yuv in (False, True):
        view = held_first_frame(qtbot, build, yuv)
        frame_item = item(view, "videoFrame")
        before = frame_item.yuv_draws.direct
        move_a_veil(qtbot, view)
        images.append(grab(view))
        if yuv:
            assert frame_item.yuv_draws.direct > before  # the parts were converted, not the whole
    assert differing(*images) < 0.002


def test_a_faded_picture_takes_the_painters_way_and_looks_the_same(qtbot: Any, build: Any) -> None:
    images = []
    for yuv in (False, True):
        view = held_first_frame(qtbot, build, yuv)
        frame_item = item(view, "videoFrame")
        frame_item.setOpacity(0.6)
        repainted(qtbot, view)
        images.append(grab(view))
        if yuv:
            assert frame_item.yuv_draws.painter > 0
            assert frame_item.yuv_draws.bands > 0  # unscaled, at whole pixels: by bands of rows
    assert differing(*images) < 0.002


def paused_control_bar(qtbot: Any, build: Any, yuv: bool) -> QImage:
    """The control bar over a film played a moment, then paused; the picture checked on screen."""
    view = build(yuv, attract=False)
    player = find(view, "excerptPlayer")
    frame_item = item(view, "videoFrame")
    view.rootObject().start()
    qtbot.waitUntil(lambda: frame_item.frames_painted > 10, timeout=8000)
    player.pause()
    qtbot.waitUntil(lambda: player.property("state") == "paused", timeout=3000)
    image = grab(view)
    shown = player.current_frame()
    assert shown is not None and screen_number(image) == frame_number(shown)
    if yuv:
        assert frame_item.yuv_draws.direct > 0
    return image.copy(0, SIZE[1] - 40, SIZE[0], 40)  # the control bar, over the picture


def test_the_controls_over_a_playing_i420_film_stay_whole(qtbot: Any, build: Any) -> None:
    bars = [paused_control_bar(qtbot, build, yuv) for yuv in (False, True)]
    # The bar shows the time played, which may differ by a few digits between the runs.
    assert differing(*bars) < 0.03
