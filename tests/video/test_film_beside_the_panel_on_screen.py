"""The whole kiosk on real libVLC: a film next to the panel a visitor rests on prepares its
excerpt, so that a tap the moment they arrive starts it on its exact first frame."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clips import Clip
from clips import frame_number as number_in
from harness import exhibition_with, make_poster, video_panel
from PySide6.QtCore import QObject
from PySide6.QtGui import QPointingDevice

from kiosk.model import Localized, TextPanel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the presentation's driver, tests/ui

from ui.driver import KioskDriver, make_kiosk

pytestmark = pytest.mark.vlc


@pytest.fixture
def kiosk(
    qtbot: Any, vlc_ready: None, media_dir: Path, clip: Clip, touch_device: QPointingDevice
) -> Iterator[KioskDriver]:
    reading = TextPanel(id="reading", title=Localized.of("Before the film"), body=Localized.of("Read me first."))
    # 3966 ms: frame 118, a few frames before a key frame, where a start straight from a tap is late.
    film = video_panel(clip.path, make_poster(media_dir, "#C03030"), 3966, 6000, panel_id="film")
    driver = make_kiosk(qtbot, touch_device, exhibition_with(reading, film))
    yield driver
    driver.app.close()
    gc.collect()  # the closed kiosk's cycles go now, on the Qt thread (see conftest.py)


def film_player(qtbot: Any, driver: KioskDriver) -> Any:
    """The film panel's player: the one in the chapter's panel strip (the attract loop's own
    player can still be on its way out, its parts gone, on a busy machine)."""

    def in_strip() -> list[Any]:
        players = []
        for item in driver.find_all("videoPlayer"):
            ancestor = item.parentItem()
            while ancestor is not None and ancestor.objectName() != "panelStrip":
                ancestor = ancestor.parentItem()
            player = item.findChild(QObject, "excerptPlayer") if ancestor is not None else None
            if player is not None:
                players.append(player)
        return players

    qtbot.waitUntil(lambda: len(in_strip()) == 1, timeout=5000)
    return in_strip()[0]


def frame_number(player: Any) -> int | None:
    frame = player.current_frame()
    return None if frame is None else number_in(frame)


def test_a_tap_on_arrival_at_a_film_starts_on_its_exact_first_frame(qtbot: Any, kiosk: KioskDriver) -> None:
    kiosk.navigator.wake()
    qtbot.waitUntil(lambda: kiosk.navigator.openChapter(0), timeout=3000)  # once taps count again
    player = film_player(qtbot, kiosk)
    qtbot.waitUntil(lambda: player.property("neighbour"), timeout=2000)
    assert not player.property("current")
    # The visitor reads the first panel; the film next to it waits, exact and paused.
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=8000)
    assert frame_number(player) == 118
    kiosk.swipe(-700)
    assert kiosk.navigator.panelIndex == 1
    strip = kiosk.find("panelStrip")
    qtbot.waitUntil(lambda: not strip.property("moving"), timeout=2000)
    assert player.property("current") and player.property("state") == "ready"
    shown: list[int | None] = []
    player.showsFrameChanged.connect(lambda: shown.append(frame_number(player)))
    kiosk.tap("videoTapArea")  # well inside the film panel's own settle time
    assert shown == [118] and player.property("state") == "playing"
    qtbot.waitUntil(lambda: (frame_number(player) or 0) >= 130, timeout=3000)  # it plays on
    # Back to the first panel: the started film stops and goes back to its poster...
    kiosk.swipe(700)
    assert kiosk.navigator.panelIndex == 0
    qtbot.waitUntil(lambda: player.property("state") == "idle", timeout=2000)
    # ...and, next to the panel on screen, prepares again for the visitor's return.
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=8000)
    assert not player.property("showsFrame")


def test_a_film_prepared_beside_is_stopped_when_memory_runs_short(qtbot: Any, kiosk: KioskDriver) -> None:
    from kiosk.memory_pressure import Memory
    from kiosk.ui.memory_watch import MemoryWatch

    kiosk.navigator.wake()
    qtbot.waitUntil(lambda: kiosk.navigator.openChapter(0), timeout=3000)
    player = film_player(qtbot, kiosk)
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=8000)  # prepared beside
    short = MemoryWatch(
        None,
        release_films=kiosk.app.films.release_prepared_beside,
        read=lambda: Memory(80, 100, 0.0, "test"),
        interval_ms=60_000,
    )
    try:
        qtbot.waitUntil(lambda: player.property("state") == "idle", timeout=3000)  # its decoder let go
        qtbot.wait(1500)  # past its settle time: it does not prepare again while memory is short
        assert player.property("state") == "idle"
    finally:
        short.stop()
