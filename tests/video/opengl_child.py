"""Runs on the X display it is given with Qt Quick's default OpenGL scene graph (on a machine
without a graphics card, Mesa's llvmpipe: a real GL stack on the CPU) and reports what it drew.

    opengl_child.py film CLIP MEDIA PNG   plays an excerpt, pauses, grabs the window
    opengl_child.py attract CLIP MEDIA PNG  the whole kiosk, its attract loop the film, as it plays
    opengl_child.py kiosk EXHIBITION PNG  the whole kiosk to its first attract frame

Run by test_opengl_scene_graph.py; prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from clips import frame_number, read_frame_number
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtQuick import QQuickWindow

from kiosk.video import swscale
from kiosk.video.engine import Frame


def spin_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return True


def difference(grab: QImage, frame: Frame, area: QRectF) -> float:
    """The mean difference per colour channel (0-255) between the window's pixels in the top
    quarter of ``area`` (below it, the paused player's controls lie over the picture) and the frame
    converted to RGB by libswscale and scaled to that area: a picture the graphics card converted
    wrongly (colours, orientation, planes) is far off."""
    rgb = swscale.to_rgb32(frame)
    picture = QImage(rgb.data, rgb.width, rgb.height, rgb.stride, QImage.Format.Format_RGB32)
    box = area.toRect()
    expected = picture.scaled(box.width(), box.height(), mode=Qt.TransformationMode.SmoothTransformation)
    total, count = 0, 0
    for y in range(4, box.height() // 4, 3):
        for x in range(4, box.width() - 4, 5):
            a, b = QColor(grab.pixel(box.x() + x, box.y() + y)), QColor(expected.pixel(x, y))
            total += abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            count += 3
    return total / max(count, 1)


def on_screen(window: QQuickWindow, area: QRectF) -> QRectF:
    """``area`` of the scene in the screen's pixels (a scaled screen: QT_SCALE_FACTOR)."""
    ratio = window.devicePixelRatio()
    return QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio, area.height() * ratio)


def grab_from_screen(window: QQuickWindow) -> QImage:
    """The window's pixels as the X server shows them. Not ``window.grabWindow()``: that call
    holds Python's lock while it waits for the render thread, and the render thread needs that
    lock to run a film's render node (i420_rhi_node.py) or any item's updatePaintNode written in
    Python: both wait for ever."""
    return window.screen().grabWindow(window.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def film(clip: Path, media: Path, png: Path) -> dict[str, object]:
    from harness import exhibition_with, find, item, make_poster, make_store, open_player, video_panel

    from kiosk.ui.video.frame_item import fitted
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    store = make_store(exhibition_with(video_panel(clip, make_poster(media, "#C03030"), 2000, 5000)))
    view = open_player(store, "excerpt", size=(640, 360))
    swapped = [0]
    view.frameSwapped.connect(lambda: swapped.__setitem__(0, swapped[0] + 1))
    view.show()
    player, frame = find(view, "excerptPlayer"), item(view, "videoFrame")
    # The film opens once the scene graph is up, as in the kiosk: the opening asks it what to send.
    if not spin_until(lambda: swapped[0] > 0, 20):
        return {"error": "the window showed no frame"}
    view.rootObject().start()
    if not spin_until(lambda: frame.frames_painted > 10, 20):
        return {"error": f"no frames painted, state {player.property('state')}"}
    player.toggle()
    spin_until(lambda: player.property("state") == "paused", 5)
    spin_until(lambda: False, 0.5)
    shown = player.current_frame()
    grab = grab_from_screen(view)
    grab.save(str(png))
    result = {
        "api": view.rendererInterface().graphicsApi().name,
        "player": frame_number(shown),
        "screen": read_frame_number(bytes(grab.constBits()), grab.width(), grab.height(), grab.bytesPerLine()),
        "painted": frame.frames_painted,
        "uploads": frame.yuv_draws.uploads,
        "gpu_draws": frame.yuv_draws.gpu,
        "pixel_format": shown.pixel_format.name,
        "difference": difference(
            grab, shown, on_screen(view, frame.mapRectToScene(fitted(player.aspect(), frame.boundingRect())))
        ),
        "pixel_ratio": view.devicePixelRatio(),
    }
    player.release()
    return result


def attract(clip: Path, media: Path, png: Path) -> dict[str, object]:
    """The whole kiosk, its attract loop a film: how its frames were drawn, and the film's colour
    (the clip's background) on the screen."""
    from harness import exhibition_with, make_poster, video_panel

    from kiosk.ui.app import KioskApp
    from kiosk.ui.items import walk
    from kiosk.ui.video.frame_item import VideoFrame
    from kiosk.ui.video.i420_rhi_node import card_i420_setting
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    app = KioskApp(exhibition_with(video_panel(clip, make_poster(media, "#203040"), 1000, 6000)), size=(1280, 720))
    app.show(fullscreen=False, size=QSize(1280, 720))

    def frames() -> list[VideoFrame]:  # made in Python and given a visual parent only: walked, not found by name
        return [item for item in walk(app.window.contentItem()) if isinstance(item, VideoFrame)]

    # A film opened before the scene graph was up comes in RGB: with the planes asked for, wait for
    # an opening after it (the loop plays its film again).
    planes = card_i420_setting() == "on"
    if not spin_until(
        lambda: any((item.yuv_draws.uploads if planes else item.frames_painted) > 20 for item in frames()), 40
    ):
        return {"error": f"no film drawn: {[(item.frames_painted, item.yuv_draws) for item in frames()]}"}
    grab = grab_from_screen(app.window)
    grab.save(str(png))

    def film_colour(x: int, y: int) -> bool:  # the clip's background, 0xC03060
        colour = QColor(grab.pixel(x, y))
        return abs(colour.red() - 192) + abs(colour.green() - 48) + abs(colour.blue() - 96) < 30

    pink = sum(film_colour(x, y) for x in range(0, grab.width(), 8) for y in range(0, grab.height(), 8))
    result = {
        "api": app.window.rendererInterface().graphicsApi().name,
        "uploads": max(item.yuv_draws.uploads for item in frames()),
        "gpu_draws": max(item.yuv_draws.gpu for item in frames()),
        "film_share": pink / ((grab.width() // 8) * (grab.height() // 8)),
    }
    app.close()
    return result


def kiosk(exhibition: Path, png: Path) -> dict[str, object]:
    from kiosk.loader import load_exhibition
    from kiosk.ui.app import KioskApp

    app = KioskApp(load_exhibition(exhibition), size=(1280, 720))
    frames = [0]
    app.window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    app.show(fullscreen=False, size=QSize(1280, 720))
    if not spin_until(lambda: frames[0] > 20, 20):
        return {"error": "no frames"}
    grab = app.window.grabWindow()
    grab.save(str(png))
    colours = {grab.pixel(x, y) for x in range(0, grab.width(), 40) for y in range(0, grab.height(), 40)}
    result = {
        "api": app.window.rendererInterface().graphicsApi().name,
        "colours": len(colours),
        "size": [grab.width(), grab.height()],
    }
    app.close()
    return result


def main() -> int:
    QGuiApplication(sys.argv[:1])
    if sys.argv[1] == "film":
        result = film(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1] == "attract":
        result = attract(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        result = kiosk(Path(sys.argv[2]), Path(sys.argv[3]))
    print(json.dumps(result), flush=True)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
