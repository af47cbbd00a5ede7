"""The attract loop's films, round after round, in the whole kiosk (offscreen, real libVLC).

A film that ended in the loop holds its last frame. When its turn comes again, it must start as
the first time did: prepared (its first frame held, then played on), never started straight from
that last frame, which would dissolve in and then jump to the excerpt's beginning. Once the next
item has dissolved over it, that last frame is let go of, with the buffer under it.
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
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QPointingDevice

from kiosk.memory_pressure import LOW, Memory
from kiosk.model import Attract, Chapter, Exhibition, ExhibitionInfo, Localized, QuotePanel, TextPanel
from kiosk.model.timecode import Duration
from kiosk.ui.memory_watch import MemoryWatch
from kiosk.ui.video.excerpt_player import ExcerptPlayer
from kiosk.ui.video.frame_item import VideoFrame
from kiosk.video.vlc_engine import VlcEngine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the presentation's driver, tests/ui

from ui.driver import make_kiosk

pytestmark = pytest.mark.vlc

L = Localized.of
#: Each excerpt and its first frame (the clip runs at 30 frames a second).
EXCERPTS = {"a": (1000, 2000, 30), "b": (3000, 4000, 90)}


def _two_films(media: Path, clip: Clip, excerpts: dict[str, tuple[int, int, int]] = EXCERPTS) -> Exhibition:
    poster = make_poster(media, "#402010")
    panels = tuple(
        video_panel(clip.path, poster, start, end, panel_id=name) for name, (start, end, _) in excerpts.items()
    )
    return Exhibition(
        exhibition=ExhibitionInfo(id="films", title=L("Films"), languages=("en",)),
        attract=Attract(items=tuple(excerpts), invitation=L("Touch"), item_duration=Duration(600)),
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


def test_a_film_out_of_sight_lets_go_of_its_last_frame_and_its_buffers(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip
) -> None:
    # "b" is short and "a" long: "b" waits out of sight, ended, for most of "a"'s 3 s.
    driver = make_kiosk(
        qtbot, touch_device, _two_films(media_dir, clip, {"a": (1000, 4000, 30), "b": (5000, 6000, 150)})
    )
    engines: list[VlcEngine] = []
    films = driver.app.films
    make_engine = films.make_engine

    def recorded(max_size: tuple[int, int]) -> Any:
        engine = make_engine(max_size)
        engines.append(engine)
        return engine

    films.make_engine = recorded  # type: ignore[method-assign]
    try:
        loop = driver.find("attractLoop")
        rounds = Rounds(driver)
        qtbot.waitUntil(lambda: rounds.played(1) and "b" in rounds._players, timeout=20000)
        b = rounds._players["b"]
        frame_item = driver.find_all("attractSlide_b")[0].findChild(VideoFrame, "videoFrame")
        engine = engines[-1]  # "b"'s: made after "a"'s, once "a" was ready
        assert frame_item is not None
        held: list[int] = []
        b.frameChanged.connect(lambda: held.append(0 if b.current_frame() is None else 1))

        # "b" played and ended; "a" dissolved in over it and plays: the loop has moved on.
        def moved_on() -> bool:
            return rounds.state("b") == "ended" and loop.property("leaving") == -1 and len(rounds.starts["a"]) >= 2

        qtbot.waitUntil(moved_on, timeout=20000)
        assert rounds.state("a") == "playing"  # "b" is not preparing yet (1.5 s before "a" ends)
        assert b.current_frame() is None and not b.property("hasFrame")
        assert held[-1:] == [0] and frame_item._frame is None
        qtbot.waitUntil(lambda: engine.pooled_buffers == 0, timeout=3000)

        # Its turn again: prepared as before, its first frame exact.
        qtbot.waitUntil(lambda: rounds.played(2), timeout=20000)
        assert rounds.starts["b"][:2] == [("ready", 150)] * 2
        assert engine.pooled_buffers > 0
    finally:
        driver.app.close()
        gc.collect()


def test_in_a_loop_of_two_a_film_prepares_only_once_covered(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip
) -> None:
    """A film and a text: after the film, the text dissolves in over its last frame, and the
    film, next again, prepares at once after a text. Not while it still shows beneath: its
    picture would change from its last frame to its first under the dissolve."""
    film = video_panel(clip.path, make_poster(media_dir, "#402010"), 1000, 2000, panel_id="a")
    exhibition = Exhibition(
        exhibition=ExhibitionInfo(id="two", title=L("Two"), languages=("en",)),
        attract=Attract(items=("a", "t"), invitation=L("Touch"), item_duration=Duration(1500)),
        chapters=(Chapter(id="c", title=L("C"), panels=(film, TextPanel(id="t", title=L("T"), body=L("A text.")))),),
    )
    driver = make_kiosk(qtbot, touch_device, exhibition)
    try:
        loop = driver.find("attractLoop")
        rounds = Rounds(driver)
        covered: list[bool] = []  # at each preparing of the film: was it covered (not leaving)?
        watched: list[ExcerptPlayer] = []

        def watch() -> bool:
            player = rounds._players.get("a")
            if player is not None and not watched:
                watched.append(player)
                player.stateChanged.connect(
                    lambda: (
                        covered.append(loop.property("leaving") == -1)
                        if str(player.property("state")) == "preparing"
                        else None
                    )
                )
            return len(rounds.starts["a"]) >= 3

        qtbot.waitUntil(lambda: rounds.played(0) and watch(), timeout=30000)
        assert len(covered) >= 2 and all(covered), covered  # the rounds after the first
        assert rounds.starts["a"][:3] == [("ready", 30)] * 3  # and each round starts exact
    finally:
        driver.app.close()
        gc.collect()


def test_a_film_hides_the_item_beneath_it_beside_the_picture(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip
) -> None:
    """The loop dissolves each item in over the one before, which it removes once the dissolve
    is over: what shows beside a fitted film must be the film item's own, or the words of the
    quote before it stay there until they vanish at once."""
    film = video_panel(clip.path, make_poster(media_dir, "#402010"), 1000, 4000, panel_id="a")
    quote = QuotePanel(id="q", words=L("Words spread across the whole width of the screen, " * 3), who=L("Someone"))
    exhibition = Exhibition(
        exhibition=ExhibitionInfo(id="two", title=L("Two"), languages=("en",)),
        attract=Attract(items=("a", "q"), invitation=L("Touch"), item_duration=Duration(600)),
        chapters=(Chapter(id="c", title=L("C"), panels=(film, quote)),),
    )
    driver = make_kiosk(qtbot, touch_device, exhibition, size=(1280, 720))
    try:
        loop = driver.find("attractLoop")
        window = driver.app.window
        qtbot.waitUntil(lambda: loop.property("currentReady") and loop.property("leaving") == -1, timeout=20000)
        assert loop.property("current") == 0  # the film, fitted: narrower than the screen
        # The strip left of the picture (a 16:9 film fitted above the invitation's band is about
        # 1010 px wide here), above that band: its ring moves, as does the film.
        beside = QRect(0, 0, 120, 480)
        alone = window.grabWindow().copy(beside)
        loop.setProperty("leaving", 1)  # the quote beneath it, as during a dissolve
        qtbot.waitUntil(lambda: bool(driver.find_all("attractSlide_q")[0].property("visible")), timeout=5000)
        beneath = window.grabWindow().copy(beside)
        loop.setProperty("leaving", -1)
        assert beneath == alone
    finally:
        driver.app.close()
        gc.collect()
