"""FilmCoordinator: what the film players of one kiosk share, owned by the app.

- where engines come from (libVLC in the kiosk; a test or the benchmark may give another);
- which reasons for video being unavailable were already logged (once per reason, not per panel);
- which players of the panel on screen are decoding now. A neighbour waits for them before it
  prepares: its burst of decoding (up to a whole group of pictures, about 0.7 s of a core) must
  not take the CPU from the film a visitor is watching, on a kiosk with two cores, nor delay
  the exact start of the panel they are on (docs/decisions/0016-the-film-next-door-prepares.md);
- which players beside the panel on screen hold a prepared excerpt (a paused decoder each): when
  memory runs short they are stopped (kiosk/ui/memory_watch.py).

No Qt here, but for asking which scene graph draws when a libVLC engine is made: the players
(kiosk/ui/video/excerpt_player.py) call it on the Qt thread.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable

from kiosk.video.engine import VideoEngine

#: Makes an engine for frames at most ``max_size`` (the screen's size, in pixels).
EngineFactory = Callable[[tuple[int, int]], VideoEngine]


def vlc_engine(max_size: tuple[int, int]) -> VideoEngine:
    """A libVLC engine; RuntimeError (with libVLC's reason) when libVLC cannot play here."""
    from kiosk.video import vlc_engine  # the only vlc import, and only when video plays

    report = vlc_engine.probe()
    if not report.available:
        raise RuntimeError(report.error)
    # I420 frames: large ones shown at their size for the software scene graph, which converts
    # them where it draws them; every one for a graphics card's, which converts them itself
    # (kiosk/ui/video/i420_rhi_node.py, docs/decisions/0072). A wrong guess costs time, not
    # pictures: the frame item converts I420 to RGB where its scene graph cannot take it.
    software = software_scene_graph()
    return vlc_engine.VlcEngine(max_size=max_size, yuv=software, yuv_any_size=None if software else card_converts_i420)


def software_scene_graph() -> bool:
    """Whether Qt Quick draws with its software scene graph: asked in code, or in the environment
    (QT_QUICK_BACKEND, as the kiosk's service sets it on machines without a graphics card)."""
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface  # which scene graph draws, here only

    if QQuickWindow.graphicsApi() == QSGRendererInterface.GraphicsApi.Software:
        return True
    chosen = os.environ.get("QT_QUICK_BACKEND") or os.environ.get("QMLSCENE_DEVICE") or ""
    return chosen.strip().lower() in ("software", "softwarecontext")


def card_converts_i420() -> bool:
    """Whether a window of the kiosk draws on a graphics card that converts I420 frames itself
    (asked at each opening of a film). False until its scene graph is up: a film opened before then
    comes in RGB, as everywhere else."""
    from PySide6.QtGui import QGuiApplication  # the windows, here only
    from PySide6.QtQuick import QQuickWindow

    from kiosk.ui.video.i420_rhi_node import takes_i420

    windows = QGuiApplication.topLevelWindows()
    return any(isinstance(window, QQuickWindow) and takes_i420(window) for window in windows)


class FilmCoordinator:
    def __init__(self, engine_factory: EngineFactory = vlc_engine) -> None:
        self._engine_factory = engine_factory
        self._reported: set[str] = set()
        self._decoding_on_screen: set[object] = set()
        self._prepared_beside: dict[object, weakref.WeakMethod[Callable[[], None]]] = {}

    def make_engine(self, max_size: tuple[int, int]) -> VideoEngine:
        return self._engine_factory(max_size)

    def first_report_of(self, reason: str) -> bool:
        """True the first time ``reason`` (why video is unavailable) is met: log it then."""
        if reason in self._reported:
            return False
        self._reported.add(reason)
        return True

    def set_decoding_on_screen(self, player: object, decoding: bool) -> None:
        """``player``, on the panel on screen, decodes (prepares or plays) now, or not."""
        if decoding:
            self._decoding_on_screen.add(player)
        else:
            self._decoding_on_screen.discard(player)

    def set_prepared_beside(self, player: object, stop: Callable[[], None] | None) -> None:
        """``player`` beside the panel on screen prepares (``stop`` ends that), or no longer does (None).

        ``stop`` is held weakly: the coordinator never keeps a player alive."""
        if stop is None:
            self._prepared_beside.pop(player, None)
        else:
            self._prepared_beside[player] = weakref.WeakMethod(stop)

    def release_prepared_beside(self) -> int:
        """Memory is short: stop every excerpt prepared beside the panel on screen; how many."""
        stops = [method() for method in self._prepared_beside.values()]
        self._prepared_beside.clear()
        live = [stop for stop in stops if stop is not None]
        for stop in live:
            stop()
        return len(live)

    @property
    def screen_busy(self) -> bool:
        """A player of the panel on screen is decoding: neighbours wait."""
        return bool(self._decoding_on_screen)
