"""The attract loop's films, round after round, in the whole kiosk (offscreen, real libVLC).

A film that ended in the loop holds its last frame. When its turn comes again, it must start as
the first time did: prepared (its first frame held, then played on), never started straight from
that last frame, which would dissolve in and then jump to the excerpt's beginning.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from clips import Clip
from clips import frame_number as number_in
from harness import make_poster, video_panel
from PySide6.QtCore import QObject
from PySide6.QtGui import QPointingDevice

from kiosk.memory_pressure import LOW, Memory
from kiosk.model import Attract, Chapter, Exhibition, ExhibitionInfo, Localized
from kiosk.model.timecode import Duration
from kiosk.ui.memory_watch import MemoryWatch
from kiosk.ui.video.excerpt_player import ExcerptPlayer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the presentation's driver, tests/ui

from ui.driver import make_kiosk

pytestmark = pytest.mark.vlc

L = Localized.of
#: Each excerpt and its first frame (the clip runs at 30 frames a second).
EXCERPTS = {"a": (1000, 2000, 30), "b": (3000, 4000, 90)}


def _two_films(media: Path, clip: Clip) -> Exhibition:
    poster = make_poster(media, "#402010")
    panels = tuple(
        video_panel(clip.path, poster, start, end, panel_id=name) for name, (start, end, _) in EXCERPTS.items()
    )
    return Exhibition(
        exhibition=ExhibitionInfo(id="films", title=L("Films"), languages=("en",)),
        attract=Attract(items=tuple(EXCERPTS), invitation=L("Touch"), item_duration=Duration(600)),
        chapters=(Chapter(id="films", title=L("Films"), panels=panels),),
    )


class Rounds:
    """The attract films' players, watched: for each film, the state its player came from each
    time it began to play and the frame it showed then; and whether a film was ever preparing
    while another held its decoder (prepared, or playing)."""

    def __init__(self, driver: Any) -> None:
        self._driver = driver
        self.starts: dict[str, list[tuple[str, int | None]]] = {name: [] for name in EXCERPTS}
        self.beside: list[str] = []  # "a while b playing" each time a film began to prepare so
        self._players: dict[str, ExcerptPlayer] = {}

    def state(self, name: str) -> str:
        return str(self._players[name].property("state"))

    def watch(self) -> None:
        for name in EXCERPTS:
            slides = self._driver.find_all(f"attractSlide_{name}")
            player = slides[0].findChild(QObject, "excerptPlayer") if slides else None
            if isinstance(player, ExcerptPlayer) and name not in self._players:
                self._players[name] = player
                before = [self.state(name)]

                def changed(name: str = name, player: ExcerptPlayer = player, before: list[str] = before) -> None:
                    state = self.state(name)
                    if state == "playing":
                        frame = player.current_frame()
                        self.starts[name].append((before[0], None if frame is None else number_in(frame)))
                    elif state == "preparing":
                        self.beside += [
                            f"{name} while {other} {self.state(other)}"
                            for other in self._players
                            if other != name and self.state(other) in ("ready", "playing")
                        ]
                    before[0] = state

                player.stateChanged.connect(changed)

    def played(self, times: int) -> bool:
        self.watch()
        return all(len(runs) >= times for runs in self.starts.values())


def test_every_round_starts_each_film_prepared_on_its_first_frame(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip
) -> None:
    driver = make_kiosk(qtbot, touch_device, _two_films(media_dir, clip))
    try:
        loop = driver.find("attractLoop")
        loop.setProperty("prepareAheadMs", 600)  # the next film prepares in the current's last 0.6 s
        rounds = Rounds(driver)
        qtbot.waitUntil(lambda: rounds.played(3), timeout=20000)
        for name, (_, _, first) in EXCERPTS.items():
            # Round after round: from its held first frame, never from an ended run's last.
            assert rounds.starts[name][:3] == [("ready", first)] * 3, name
        assert any("while" in what for what in rounds.beside)  # ahead: beside the one playing
    finally:
        driver.app.close()
        gc.collect()


def test_with_memory_short_a_film_prepares_only_once_the_one_before_has_stopped(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip
) -> None:
    driver = make_kiosk(qtbot, touch_device, _two_films(media_dir, clip))
    watch = MemoryWatch(None, engine=driver.app.engine, read=lambda: Memory(80, 100, 0, "test"), interval_ms=60_000)
    try:
        assert watch.level == LOW
        rounds = Rounds(driver)
        qtbot.waitUntil(lambda: rounds.played(3), timeout=30000)
        # Two decoders' pictures never at once. One start may slip through: the first film's,
        # had it started before the watch's first check (the second then prepares at once).
        assert rounds.beside[1:] == []
        for name, (_, _, first) in EXCERPTS.items():
            assert rounds.starts[name][1:3] == [("ready", first)] * 2, name  # still exact, later
    finally:
        watch.stop()
        driver.app.close()
        gc.collect()
