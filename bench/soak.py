"""Soak: the real kiosk (offscreen) through a compressed day of visits, memory sampled all along.

    .venv/bin/python bench/soak.py                 # the long soak: 10,000 navigations, 1,000 excerpts
    .venv/bin/python bench/soak.py --quick         # a few minutes (run_all --quick)
    .venv/bin/python bench/soak.py --navigations 2000 --excerpts 200 --exhibition path/to/exhibition.yaml
    .venv/bin/python bench/soak.py --quick --census  # and which kinds of Python object grew after warm-up

Visitors are simulated with touch events (QTest.touchEvent) on the real window: they wake
the attract loop, open chapter tiles, go next and previous, change language, play film
excerpts (real libVLC, no audio device), go home, and walk away so the idle timeout (a few
hundred milliseconds here) resets the kiosk to its loop. Every so often the exhibition is
reloaded, as the staff's file watcher would. Long stretches of attract loop stand for the
hours nobody comes.

After each visit, back on the attract loop (the same screen every time, so the numbers
compare), it samples: resident memory (RSS), live Python objects (after a collection),
Qt Quick items in the window, image items holding a decoded picture (the software scene
graph's textures), threads and open file descriptors.

Judgement: the first ``warmup`` fraction of the run is warm-up (caches, fonts, libVLC's
first plays). After it, RSS growth is the median of the last 10 % of samples minus the
median of the first 10 % after warm-up (medians, so one sample taken mid-garbage-collection
does not decide), and the slope of a straight line through all post-warm-up samples.
Target: under 10 MB across 10,000 navigations and 1,000 excerpt plays.

Writes bench/results/soak.csv and bench/results/soak-memory.png (drawn with QPainter)
unless told otherwise, and prints one JSON line for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import functools
import gc
import json
import logging
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# No sound card on a test machine: without this libVLC floods stderr with ALSA errors.
os.environ.setdefault("KIOSK_VLC_OPTIONS", "--aout=adummy")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.stats import percentile  # noqa: E402

log = logging.getLogger("kiosk.soak")

#: The target: after warm-up, RSS grows less than this across the long soak.
RSS_TARGET_MB = 10.0


# --- what is sampled ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    visits: int
    navigations: int
    excerpts: int
    rss_mb: float
    py_objects: int
    kiosk_objects: int
    qml_items: int
    images_held: int
    threads: int
    fds: int


SAMPLE_FIELDS = [f.name for f in dataclasses.fields(Sample)]


def walk_items(root: Any) -> Iterator[Any]:
    """Every QQuickItem under ``root`` (delegates of views included: they are child items)."""
    from kiosk.ui.items import walk

    return walk(root)


def count_items(window: Any) -> tuple[int, int]:
    """(Qt Quick items in the window, Image items holding a decoded picture)."""
    from PySide6.QtQuick import QQuickItem

    items = images = 0
    for item in walk_items(window.contentItem()):
        items += 1
        # A decoded picture gives its Image an implicit size; progress 1.0 rules out one still loading.
        # (The 'status' enum has no converter in PySide6, so it cannot be read from here.)
        if (
            isinstance(item, QQuickItem)
            and item.metaObject().className().startswith("QQuickImage")
            and item.implicitWidth() > 0
            and item.property("progress") == 1.0
        ):
            images += 1
    return items, images


def _is_ours(kind: type) -> bool:
    module = kind.__dict__.get("__module__")  # a class may shadow __module__ with a descriptor
    return isinstance(module, str) and module.startswith("kiosk.")


def _holds_state(obj: object) -> bool:
    """False for the empty wrapper PySide 6.11 keeps of each object QML created and destroyed.

    kiosk/ui/lifetime.py clears such an object's attributes when QML destroys it; what stays is a
    few hundred bytes per object (tests/soak/test_qml_wrapper_leak.py). RSS and the count of all
    Python objects still see it; this count is of objects that still hold something.
    """
    attributes = getattr(obj, "__dict__", None)
    return attributes is None or bool(attributes)


def _type_name(obj: object) -> str:
    kind = type(obj)
    # A class may shadow __module__ with a descriptor, in its own namespace or its metaclass's.
    module = kind.__dict__.get("__module__")
    if not isinstance(module, str):
        module = getattr(kind, "__module__", None)
    return f"{module if isinstance(module, str) else '?'}.{kind.__qualname__}"


class Sampler:
    def __init__(self, window: Any, census_from: int | None = None) -> None:
        import psutil

        self.window = window
        self.process = psutil.Process()
        self.started = time.monotonic()
        self.samples: list[Sample] = []
        # The objects alive by type, at the first sample from `census_from` navigations on and at
        # the last: which kinds a growth of Python objects is made of.
        self._census_from = census_from
        self._census_first: collections.Counter[str] | None = None
        self._census_last: collections.Counter[str] | None = None

    def take(self, visits: int, navigations: int, excerpts: int) -> Sample:
        gc.collect()
        objects = gc.get_objects()
        if self._census_from is not None and navigations >= self._census_from:
            census = collections.Counter(_type_name(obj) for obj in objects)
            self._census_first = self._census_first or census
            self._census_last = census
        items, images = count_items(self.window)
        sample = Sample(
            seconds=round(time.monotonic() - self.started, 3),
            visits=visits,
            navigations=navigations,
            excerpts=excerpts,
            rss_mb=round(self.process.memory_info().rss / 2**20, 2),
            py_objects=len(objects),
            kiosk_objects=sum(1 for obj in objects if _is_ours(type(obj)) and _holds_state(obj)),
            qml_items=items,
            images_held=images,
            threads=self.process.num_threads(),
            fds=self.process.num_fds(),
        )
        del objects
        self.samples.append(sample)
        return sample

    def census_growth(self, count: int = 15) -> list[tuple[str, int]]:
        """The kinds of object that grew most between the census's first sample and its last."""
        if self._census_first is None or self._census_last is None:
            return []
        grown = self._census_last.copy()
        grown.subtract(self._census_first)
        return [(name, n) for name, n in grown.most_common(count) if n > 0]


# --- driving the window -------------------------------------------------------------------------------


class Driver:
    """Touches the real window where a visitor would, found by objectName."""

    def __init__(self, kiosk: Any) -> None:
        from PySide6.QtGui import QInputDevice
        from PySide6.QtTest import QTest

        self.kiosk = kiosk
        self.window = kiosk.window
        self.device = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
        self.taps = 0

    def spin(self, ms: float) -> None:
        """Let Qt run (animations, decodes, timers) for ``ms`` milliseconds."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = time.monotonic() + ms / 1000
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(int(left * 1000)))
            QCoreApplication.sendPostedEvents(None, 0)  # deferred deletes of destroyed delegates, too
            time.sleep(min(0.004, max(0.0, left)))

    def wait_until(self, condition: Callable[[], bool], timeout_ms: float, step_ms: float = 10) -> bool:
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            if condition():
                return True
            self.spin(step_ms)
        return condition()

    def find(self, name: str, *, visible: bool = True) -> Any | None:
        """The item named ``name``; with ``visible``, one that is shown and inside the window
        (a neighbour panel's button is 'visible' too, one screen width to the side)."""
        for item in walk_items(self.window.contentItem()):
            if item.objectName() == name and (not visible or (self._shown(item) and self._on_screen(item))):
                return item
        return None

    def _on_screen(self, item: Any) -> bool:
        from PySide6.QtCore import QPointF

        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return 0 <= centre.x() < self.window.width() and 0 <= centre.y() < self.window.height()

    def find_all(self, prefix: str) -> list[Any]:
        return [
            item
            for item in walk_items(self.window.contentItem())
            if item.objectName().startswith(prefix) and self._shown(item)
        ]

    @staticmethod
    def _shown(item: Any) -> bool:
        while item is not None:
            if not item.isVisible() or item.opacity() <= 0.01:
                return False
            item = item.parentItem()
        return True

    def tap_at(self, x: float, y: float, hold_ms: float = 0) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtTest import QTest

        point = QPoint(round(x), round(y))
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        if hold_ms:
            self.spin(hold_ms)
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()
        self.taps += 1

    def tap(self, name: str) -> bool:
        from PySide6.QtCore import QPointF

        item = self.find(name)
        if item is None or not item.isEnabled():
            return False
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        self.tap_at(centre.x(), centre.y())
        return True


# --- the visit scenario ---------------------------------------------------------------------------------


@dataclass
class Plan:
    navigations: int = 10_000
    excerpts: int = 1_000
    #: Navigations per visit: a visitor taps a handful of times and leaves.
    visit_length: tuple[int, int] = (6, 30)
    #: How long an excerpt plays before the visitor moves on (the engine is stopped mid-play).
    excerpt_ms: tuple[int, int] = (300, 900)
    #: Films a visit may watch (more than one: a run that reaches its excerpt count sooner).
    films_per_visit: int = 1
    reload_every_visits: int = 150
    #: A stretch of attract loop alone, every so often (the quiet hours).
    quiet_every_visits: int = 100
    quiet_ms: int = 6_000
    step_ms: float = 45.0
    #: Short, so a day of visits fits in minutes; longer than a film takes to start (holdsIdle then holds it).
    idle_s: float = 0.8
    countdown_s: float = 0.2
    warmup: float = 0.2
    seed: int = 6
    #: Stop early (and say so) if the process grows past this: a leak must not take the machine down.
    max_rss_mb: float = 3000.0
    #: Stop early (and say so) after this long: a long soak has to fit the time there is.
    max_minutes: float = 0.0
    #: Count the objects alive by type, from warm-up on (tens of ms more a sample): which kinds grew.
    census: bool = False


@dataclass
class Counters:
    visits: int = 0
    navigations: int = 0
    excerpts: int = 0
    excerpts_failed: int = 0
    languages: int = 0
    idle_resets: int = 0
    reloads: int = 0
    refused_taps: int = 0
    step_ms: list[float] = field(default_factory=list)
    trim_ms: list[float] = field(default_factory=list)


def soak_exhibition_path() -> Path:
    """The bundled exhibition when it exists, else the loader's full test exhibition (it has a film)."""
    from kiosk import paths

    for candidate in (paths.default_exhibition(), ROOT / "tests" / "loader" / "valid" / "full.yaml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no exhibition to soak: give --exhibition")


def load_for_soak(path: Path, item_ms: int = 1500) -> Any:
    """Load the exhibition with a quick attract loop (seconds, not minutes, per item)."""
    from kiosk.loader import load_exhibition
    from kiosk.model import Duration

    result = load_exhibition(path)
    if result.exhibition is None:
        raise SystemExit(f"{path} cannot be loaded: " + "; ".join(str(p) for p in result.problems))
    attract = dataclasses.replace(result.exhibition.attract, item_duration=Duration(item_ms))
    exhibition = dataclasses.replace(result.exhibition, attract=attract)
    return dataclasses.replace(result, exhibition=exhibition)


def make_kiosk(result: Any, plan: Plan, size: tuple[int, int] = (1280, 720)) -> Any:
    """The real KioskApp, with millisecond idle timeouts and no tap gap or touch filtering delays."""
    from kiosk.navigation import Timeouts
    from kiosk.navigation.touch import TouchLimits
    from kiosk.ui.app import KioskApp

    timeouts = Timeouts(idle=plan.idle_s, countdown=plan.countdown_s, tap_gap=0.0)
    # Test taps are instant and land on the same spots again and again: a real finger is
    # neither, so the phantom and bounce rules would (rightly) swallow them.
    limits = TouchLimits(min_contact_ms=0.0, bounce_ms=0.0)
    kiosk = KioskApp(result, timeouts=timeouts, touch_limits=limits, size=size)
    # Free memory goes back 2 s after a visit in the kiosk, once the screens of the visit are gone;
    # here time is compressed, but the 240 ms fade back to the loop must be over (the sampler waits).
    kiosk.memory.set_delay_ms(400)
    kiosk.show(fullscreen=False)
    return kiosk


class Soak:
    """Runs visits until the plan's navigation and excerpt counts are reached."""

    def __init__(
        self,
        kiosk: Any,
        plan: Plan,
        reload: Callable[[], Any] | None = None,
        on_sample: Callable[[Sample, Counters], None] | None = None,
    ) -> None:
        self.kiosk = kiosk
        self.plan = plan
        self.driver = Driver(kiosk)
        census_from = int(plan.warmup * plan.navigations) if plan.census else None
        self.sampler = Sampler(kiosk.window, census_from)
        self.random = random.Random(plan.seed)
        self.counts = Counters()
        kiosk.memory.trimmed.connect(self.counts.trim_ms.append)
        self.reload = reload
        self.on_sample = on_sample
        self.languages = list(kiosk.store.exhibition.languages) if kiosk.store.exhibition else []
        self.stopped_early = ""

    @property
    def navigator(self) -> Any:
        return self.kiosk.navigator

    # --- one visit --------------------------------------------------------------------------
    def _step(self, action: Callable[[], bool]) -> bool:
        started = time.perf_counter()
        done = action()
        if done:
            self.counts.navigations += 1
            self.driver.spin(self.plan.step_ms)
            self.counts.step_ms.append((time.perf_counter() - started) * 1000)
        else:
            self.counts.refused_taps += 1
            self.driver.spin(5)
        return done

    def _wake(self) -> bool:
        window = self.driver.window
        self.driver.tap_at(window.width() * self.random.uniform(0.2, 0.8), window.height() * 0.4)
        return self.driver.wait_until(lambda: self.navigator.screen == "home", 2000)

    def _open_tile(self) -> bool:
        tiles = self.driver.find_all("chapterTile_")
        if not tiles:
            return False
        name = self.random.choice(tiles).objectName()
        return self.driver.tap(name) and self.driver.wait_until(lambda: self.navigator.screen == "chapter", 1000)

    def _language(self) -> bool:
        others = [code for code in self.languages if code != self.navigator.language]
        if not others:
            return False
        code = self.random.choice(others)
        if self.driver.tap(f"languageButton_{code}") and self.driver.wait_until(
            lambda: self.navigator.language == code, 1000
        ):
            self.counts.languages += 1
            return True
        return False

    def _film_here(self) -> Any | None:
        """The video player of the panel on screen, when it is a film panel with a player."""
        if self.navigator.screen != "chapter":
            return None
        panel = self.driver.find(f"panel_{self._current_panel_id()}")
        if panel is None:
            return None
        for item in walk_items(panel):
            if item.objectName() == "videoPlayer":
                return item
        return None

    def _current_panel_id(self) -> str:
        exhibition, state = self.kiosk.store.exhibition, self.kiosk.visit.state
        if exhibition is None or state.chapter < 0:
            return ""
        return exhibition.chapters[state.chapter].panels[state.panel].id

    def _play_excerpt(self) -> bool:
        """Play the film panel on screen for a while, as a visitor watching part of it."""
        player = self._film_here()
        if player is None:
            return False
        play = getattr(self, "_start_player", None) or start_player
        # The visitor watches: the soak's compressed idle timeout (under a second) must not cut
        # a film that takes a second to start on a busy machine. The kiosk's own is 90 s.
        visit = self.kiosk.visit
        compressed = visit.timeouts
        visit.timeouts = dataclasses.replace(compressed, idle=max(compressed.idle, 30.0))
        try:
            if not play(self.driver, player):
                self.counts.excerpts_failed += 1
                return False
            self.counts.excerpts += 1
            self.driver.spin(self.random.randint(*self.plan.excerpt_ms))
            return True
        finally:
            visit.timeouts = compressed

    def _go_to_film(self) -> bool:
        """Open a chapter with a film and step to it (counted as navigations)."""
        exhibition = self.kiosk.store.exhibition
        films = [
            (ci, pi)
            for ci, chapter in enumerate(exhibition.chapters)
            for pi, panel in enumerate(chapter.panels)
            if panel.kind == "video" and panel.src.usable
        ]
        if not films:
            return False
        ci, pi = self.random.choice(films)
        if self.navigator.screen == "chapter" and self.navigator.chapterIndex != ci:
            self._step(
                lambda: (
                    self.driver.tap("homeButton")
                    and self.driver.wait_until(lambda: self.navigator.screen == "home", 1000)
                )
            )
        if self.navigator.screen == "home" and self.driver.find(f"chapterTile_{ci}") is None:
            # That chapter's tile is below the fold in this language: a film whose tile shows.
            shown = [(c, p) for c, p in films if self.driver.find(f"chapterTile_{c}") is not None]
            if not shown:
                return False
            ci, pi = self.random.choice(shown)
        if self.navigator.screen == "home" and not self._step(
            lambda: (
                self.driver.tap(f"chapterTile_{ci}")
                and self.driver.wait_until(lambda: self.navigator.screen == "chapter", 1000)
            )
        ):
            return False
        for _ in range(40):
            here = self.navigator.panelIndex
            if here == pi:
                return True
            name = "nextButton" if here < pi else "previousButton"
            if not self._step(functools.partial(self.driver.tap, name)):
                return False
        return self.navigator.panelIndex == pi

    def describe(self) -> str:
        """Where the kiosk is stuck: the visit's state and timer, and every film player's state."""
        visit, navigator = self.kiosk.visit, self.navigator
        timer = navigator._timer
        players = [
            (item.property("panelId"), item.property("playerState"), item.property("holdsIdle"))
            for item in walk_items(self.driver.window.contentItem())
            if item.objectName() == "videoPlayer"
        ]
        now = visit.clock.monotonic()
        deadline = visit.next_deadline()
        return (
            f"state {visit.state}, idle held {visit.idle_held} ({getattr(visit, '_hold', None)}), "
            f"next deadline in {None if deadline is None else round(deadline - now, 3)} s, "
            f"timer active {timer.isActive()} remaining {timer.remainingTime()} ms; "
            f"players (panel, state, holdsIdle): {players}"
        )

    def visit(self) -> None:
        plan, counts = self.plan, self.counts
        if not self._wake():
            raise RuntimeError("the attract loop did not wake on a touch")
        counts.navigations += 1
        length = self.random.randint(*plan.visit_length)
        # Spread the excerpts over the navigations so both counts are reached together: a visit
        # watches a film whenever the excerpts are behind the navigations' pace.
        on_pace = plan.excerpts * min(1.0, (counts.navigations + length) / max(1, plan.navigations))
        want_film = counts.excerpts < plan.excerpts and counts.excerpts < on_pace + 1
        films = 0
        for step in range(length):
            screen = self.navigator.screen
            roll = self.random.random()
            if (
                want_film
                and films < plan.films_per_visit
                and counts.excerpts < plan.excerpts
                and step >= 1
                and self._go_to_film()
            ):
                films += self._play_excerpt()
                continue
            if screen == "home":
                self._step(self._open_tile)
            elif roll < 0.12:
                self._step(self._language)
            elif roll < 0.22:
                self._step(lambda: self.driver.tap("homeButton"))
            elif roll < 0.60:
                if not self._step(lambda: self.driver.tap("nextButton")):
                    self._step(lambda: self.driver.tap("previousButton"))
            else:
                if not self._step(lambda: self.driver.tap("previousButton")):
                    self._step(lambda: self.driver.tap("nextButton"))
        # A film still playing with sound holds the idle timer to its end (up to a minute): the
        # visitor pauses it first, or, failing that, goes home. (That the hold ends by itself is
        # tested in tests/navigation/test_visit.py, in milliseconds.)
        film = self._film_here()
        if film is not None and film.property("holdsIdle") and not self.driver.tap("videoPlayPause"):
            self.driver.tap("homeButton")
        # The visitor walks away: the idle timeout, then the countdown, then the loop.
        if not self.driver.wait_until(
            lambda: self.navigator.screen == "attract", (plan.idle_s + plan.countdown_s) * 1000 + 5000
        ):
            raise RuntimeError("the idle reset never brought the attract loop back: " + self.describe())
        counts.idle_resets += 1
        counts.visits += 1

    # --- the whole run ----------------------------------------------------------------------
    def run(self, progress: Callable[[str], None] | None = None) -> list[Sample]:
        plan, counts = self.plan, self.counts
        self.driver.wait_until(lambda: False, 800)  # first frames, first attract slide
        self._sample()
        last_report = time.monotonic()
        while counts.navigations < plan.navigations or counts.excerpts < plan.excerpts:
            self.visit()
            if self.reload and counts.visits % plan.reload_every_visits == 0:
                self.kiosk.apply_exhibition(self.reload())
                counts.reloads += 1
            if plan.quiet_every_visits and counts.visits % plan.quiet_every_visits == 0:
                self.driver.spin(plan.quiet_ms)
            self.driver.spin(60)  # the loop's fade in; delegates of the chapter go away
            self._sample()
            if progress and time.monotonic() - last_report > 15:
                last_report = time.monotonic()
                s = self.sampler.samples[-1]
                progress(
                    f"{s.seconds:6.0f} s  visits {counts.visits}  navigations {counts.navigations}  "
                    f"excerpts {counts.excerpts}  RSS {s.rss_mb:.1f} MB  objects {s.py_objects}  "
                    f"items {s.qml_items}"
                )
            rss = self.sampler.samples[-1].rss_mb
            minutes = (time.monotonic() - self.sampler.started) / 60
            if plan.max_minutes and minutes > plan.max_minutes:
                self.stopped_early = f"stopped early: {minutes:.0f} min time limit"
                break
            if rss > plan.max_rss_mb:
                self.stopped_early = f"stopped early: RSS {rss:.0f} MB > {plan.max_rss_mb:.0f} MB"
                break
            if counts.visits > 20 and counts.navigations == 0:
                raise RuntimeError("no navigation is being taken")
            if (
                counts.navigations >= plan.navigations
                and counts.excerpts < plan.excerpts
                and (
                    (counts.visits > 50 and counts.excerpts == 0)
                    or (counts.excerpts_failed >= 10 and counts.excerpts_failed > counts.excerpts)
                )
            ):
                # Films do not start (no player, no usable film, or a broken player): stop, and say so.
                self.stopped_early = (
                    f"stopped early: {counts.excerpts_failed} excerpts failed to start, {counts.excerpts} played"
                )
                break
        return self.sampler.samples

    def _sample(self) -> None:
        self.driver.wait_until(lambda: not self.kiosk.memory.busy, 2000)
        sample = self.sampler.take(self.counts.visits, self.counts.navigations, self.counts.excerpts)
        if self.on_sample:
            self.on_sample(sample, self.counts)


def start_player(driver: Driver, player: Any) -> bool:
    """Start the film in ``player`` (the VideoPlayer item) the way a visitor does; wait until it plays.

    Taps its big play button (objectName ``videoBigButton``), else the picture itself
    (``videoTapArea``, which toggles play). Started means the player's ``state`` is "playing"
    (docs/video.md) and its frame item (``videoFrame``) is showing a picture.
    """
    from PySide6.QtCore import QPointF
    from shiboken6 import Shiboken

    def frame_shown() -> bool:
        for item in walk_items(player):
            if item.objectName() == "videoFrame":
                return bool(item.isVisible() and item.opacity() > 0.5)
        return True  # a player without a separate frame item: its state is all we can see

    def started() -> bool:
        if not Shiboken.isValid(player):
            raise PlayerGone
        return player.property("playerState") == "playing" and frame_shown()

    def settled() -> bool:
        # The strip slides to the panel over a few hundred ms; a tap on a moving strip stops
        # the slide instead of pressing the button (as it does for a visitor).
        before = player.mapToScene(QPointF(0, 0))
        driver.spin(40)
        after = player.mapToScene(QPointF(0, 0))
        return abs(before.x() - after.x()) < 0.5 and abs(before.y() - after.y()) < 0.5

    try:
        if started():
            return True
        driver.wait_until(settled, 2000, step_ms=0)
        for _attempt in range(3):
            for name in ("videoBigButton", "videoTapArea"):
                target = next(
                    (item for item in walk_items(player) if item.objectName() == name and driver._shown(item)), None
                )
                if target is not None:
                    centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
                    driver.tap_at(centre.x(), centre.y())
                    break
            if driver.wait_until(started, 1500):
                return True
            if player.property("playerState") not in ("idle", "ready", "paused", "ended"):
                break  # loading or failed: another tap would toggle it, not start it
        return driver.wait_until(started, 3000)
    except PlayerGone:
        return False


class PlayerGone(Exception):
    """The player item was destroyed while we waited (its panel went away)."""


# --- judging ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Growth:
    """How much a measure grew after warm-up: median of the last tenth minus median of the first."""

    name: str
    start: float
    end: float
    slope_per_1000_navigations: float

    @property
    def growth(self) -> float:
        return self.end - self.start


def after_warmup(samples: list[Sample], warmup: float) -> list[Sample]:
    if not samples:
        return []
    cut = samples[0].navigations + warmup * (samples[-1].navigations - samples[0].navigations)
    kept = [s for s in samples if s.navigations >= cut]
    return kept if len(kept) >= 4 else samples[-4:]


def growth(samples: list[Sample], name: str, warmup: float) -> Growth:
    kept = after_warmup(samples, warmup)
    values = [float(getattr(s, name)) for s in kept]
    tenth = max(2, len(values) // 10)
    xs = [float(s.navigations) for s in kept]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(values)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread if spread else 0.0
    return Growth(name, statistics.median(values[:tenth]), statistics.median(values[-tenth:]), slope * 1000)


# --- output ----------------------------------------------------------------------------------------------


def write_csv(samples: list[Sample], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(SAMPLE_FIELDS)
        for sample in samples:
            writer.writerow([getattr(sample, name) for name in SAMPLE_FIELDS])


def _distance(navigations: float, sample: Sample) -> float:
    return abs(sample.navigations - navigations)


def read_csv(path: Path) -> list[Sample]:
    """Samples back from a CSV written by :func:`write_csv` (to draw the plot again)."""
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    floats = {"seconds", "rss_mb"}
    values: list[dict[str, Any]] = [
        {name: (float(row[name]) if name in floats else int(float(row.get(name) or 0))) for name in SAMPLE_FIELDS}
        for row in rows
    ]
    return [Sample(**value) for value in values]


def plot(samples: list[Sample], path: Path, warmup: float, title: str) -> None:
    """A PNG of RSS over navigations (large) and objects, items, threads and files (small), via QPainter."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts need one

    width, height = 1600, 1000
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans", 11)
    painter.setFont(font)
    ink, grid, accent, warm = QColor("#1A1A1A"), QColor("#DDDDDD"), QColor("#C0392B"), QColor("#F3E9D2")
    painter.setPen(ink)
    title_font = QFont("DejaVu Sans", 15)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.drawText(QRectF(40, 12, width - 80, 30), Qt.AlignmentFlag.AlignLeft, title)
    painter.setFont(font)

    xs = [float(s.navigations) for s in samples]
    x_lo, x_hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    x_hi = x_hi if x_hi > x_lo else x_lo + 1
    cut = x_lo + warmup * (x_hi - x_lo)

    def chart(rect: QRectF, name: str, label: str, unit: str, colour: QColor, big: bool) -> None:
        values = [float(getattr(s, name)) for s in samples]
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        pad = max((hi - lo) * 0.15, 1.0 if unit == "MB" else max(1.0, abs(hi) * 0.01))
        lo, hi = lo - pad, hi + pad
        if unit == "MB":
            lo = max(0.0, lo)

        def to_point(x: float, y: float) -> QPointF:
            return QPointF(
                rect.left() + (x - x_lo) / (x_hi - x_lo) * rect.width(),
                rect.bottom() - (y - lo) / (hi - lo) * rect.height(),
            )

        warm_rect = QRectF(rect.left(), rect.top(), to_point(cut, lo).x() - rect.left(), rect.height())
        painter.fillRect(warm_rect, warm)
        painter.setPen(QPen(grid, 1))
        for i in range(5):
            y = rect.top() + i * rect.height() / 4
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            value = hi - i * (hi - lo) / 4
            painter.setPen(ink)
            painter.drawText(
                QRectF(rect.left() - 95, y - 9, 90, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,.1f}" if unit == "MB" or hi - lo < 10 else f"{value:,.0f}",
            )
            painter.setPen(QPen(grid, 1))
        painter.setPen(QPen(ink, 1))
        painter.drawRect(rect)
        if values:
            path = QPainterPath(to_point(xs[0], values[0]))
            for x, y in zip(xs[1:], values[1:], strict=True):
                path.lineTo(to_point(x, y))
            painter.setPen(QPen(colour, 2.2 if big else 1.6))
            painter.drawPath(path)
        painter.setPen(ink)
        heading = label + (f" ({unit})" if unit else "")
        if values:
            g = growth(samples, name, warmup)
            if big:
                heading += (
                    f"  -  after warm-up: {g.start:,.1f} -> {g.end:,.1f} ({g.growth:+,.1f}),"
                    f" slope {g.slope_per_1000_navigations:+,.2f} per 1000 navigations"
                )
            else:
                heading += f": {g.growth:+,.0f} after warm-up"
        if big:
            # Navigation ticks under the main chart.
            for i in range(6):
                x = x_lo + i * (x_hi - x_lo) / 5
                px = to_point(x, lo).x()
                painter.drawLine(QPointF(px, rect.bottom()), QPointF(px, rect.bottom() + 5))
                # The wall time at that point, from the nearest sample: the x axis is time, too.
                nearest = min(samples, key=functools.partial(_distance, x)) if samples else None
                when = f" ({nearest.seconds / 60:.0f} min)" if nearest is not None else ""
                painter.drawText(
                    QRectF(px - 80, rect.bottom() + 6, 160, 18), Qt.AlignmentFlag.AlignCenter, f"{x:,.0f}{when}"
                )
        painter.drawText(QRectF(rect.left(), rect.top() - 24, rect.width(), 20), Qt.AlignmentFlag.AlignLeft, heading)

    main = QRectF(130, 80, width - 220, 470)
    chart(main, "rss_mb", "Resident memory (RSS)", "MB", accent, True)
    if samples:
        start = growth(samples, "rss_mb", warmup).start
        # The target band: RSS at the start of the measured part plus 10 MB.
        values = [s.rss_mb for s in samples]
        lo, hi = min(values), max(values)
        pad = max((hi - lo) * 0.15, 1.0)
        lo, hi = max(0.0, lo - pad), hi + pad
        limit = start + RSS_TARGET_MB
        if lo <= limit <= hi:
            y = main.bottom() - (limit - lo) / (hi - lo) * main.height()
            painter.setPen(QPen(QColor("#2E86C1"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(main.left(), y), QPointF(main.right(), y))
            painter.drawText(
                QRectF(main.right() - 420, y - 22, 410, 18),
                Qt.AlignmentFlag.AlignRight,
                f"target: start of measured part + {RSS_TARGET_MB:.0f} MB",
            )
    small = [
        ("py_objects", "Python objects", "", QColor("#7D3C98")),
        ("kiosk_objects", "Objects of kiosk classes", "", QColor("#A93226")),
        ("qml_items", "Qt Quick items", "", QColor("#1E8449")),
        ("images_held", "Decoded images held", "", QColor("#117A65")),
        ("threads", "Threads", "", QColor("#B9770E")),
        ("fds", "Open files", "", QColor("#2E4053")),
    ]
    cell_w = (width - 130 - 50) / 3
    for index, (name, label, unit, colour) in enumerate(small):
        col, row = index % 3, index // 3
        rect = QRectF(130 + col * cell_w, 640 + row * 170, cell_w - 110, 110)
        chart(rect, name, label, unit, colour, False)
    painter.setPen(ink)
    painter.drawText(
        QRectF(130, height - 30, width - 180, 20),
        Qt.AlignmentFlag.AlignCenter,
        "navigations (x axis of every chart; wall time in brackets); shaded: warm-up, not judged",
    )
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))


# --- command line ----------------------------------------------------------------------------------------


def machine_line() -> str:
    import platform

    return f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}"


def run_soak(
    plan: Plan,
    exhibition: Path,
    progress: Callable[[str], None] | None = None,
    start_player_hook: Callable[[Driver, Any], bool] | None = None,
) -> tuple[Soak, list[Sample]]:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    kiosk = make_kiosk(load_for_soak(exhibition), plan)  # no reference kept here: a reload must free it
    soak = Soak(kiosk, plan, reload=lambda: load_for_soak(exhibition))
    if start_player_hook is not None:
        soak._start_player = start_player_hook  # type: ignore[attr-defined]
    samples = soak.run(progress)
    return soak, samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Soak the real kiosk through a compressed day of visits.")
    parser.add_argument("--quick", action="store_true", help="400 navigations and 25 excerpts (minutes)")
    parser.add_argument("--navigations", type=int)
    parser.add_argument("--excerpts", type=int)
    parser.add_argument("--films-per-visit", type=int, help="films a visit may watch (default 1)")
    parser.add_argument("--exhibition", type=Path, help="default: the bundled exhibition")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for soak.csv and soak-memory.png")
    parser.add_argument("--name", default="soak", help="file name stem for the CSV and PNG")
    parser.add_argument("--max-rss-mb", type=float, default=Plan.max_rss_mb, help="stop early above this RSS")
    parser.add_argument("--max-minutes", type=float, default=0.0, help="stop early after this long (0: never)")
    parser.add_argument("--replot", type=Path, metavar="CSV", help="only draw the PNG again from a soak CSV")
    parser.add_argument(
        "--census", action="store_true", help="print the kinds of Python object that grew after warm-up"
    )
    parser.add_argument("--title", default="", help="with --replot: the plot's title")
    args = parser.parse_args(argv)
    if args.replot:
        png = args.replot.with_name(args.replot.stem + "-memory.png")
        plot(read_csv(args.replot), png, Plan.warmup, args.title or args.replot.name)
        print(f"wrote {png}", file=sys.stderr)
        return 0

    plan = Plan()
    if args.quick:
        plan = dataclasses.replace(
            plan, navigations=400, excerpts=25, reload_every_visits=8, quiet_every_visits=15, quiet_ms=2000, warmup=0.3
        )
    plan = dataclasses.replace(plan, max_rss_mb=args.max_rss_mb, max_minutes=args.max_minutes, census=args.census)
    if args.navigations is not None:
        plan = dataclasses.replace(plan, navigations=args.navigations)
    if args.excerpts is not None:
        plan = dataclasses.replace(plan, excerpts=args.excerpts)
    if args.films_per_visit is not None:
        plan = dataclasses.replace(plan, films_per_visit=args.films_per_visit)
    exhibition = args.exhibition or soak_exhibition_path()
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()  # as kiosk run does, before Qt and libVLC start threads
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    print(f"soak: {plan.navigations} navigations, {plan.excerpts} excerpts on {exhibition}", file=sys.stderr)
    started = time.monotonic()
    soak, samples = run_soak(plan, exhibition, progress=lambda line: print(line, file=sys.stderr, flush=True))
    counts = soak.counts
    elapsed = time.monotonic() - started
    for name, grown in soak.sampler.census_growth():
        print(f"census: {grown:+7d} {name}", file=sys.stderr)
    csv_path, png_path = args.out / f"{args.name}.csv", args.out / f"{args.name}-memory.png"
    write_csv(samples, csv_path)
    early = f"[{soak.stopped_early}] " if soak.stopped_early else ""
    title = (
        f"{early}soak: {counts.visits} visits, {counts.navigations} navigations, {counts.excerpts} excerpts, "
        f"{counts.reloads} reloads in {elapsed / 60:.0f} min ({machine_line()})"
    )
    plot(samples, png_path, plan.warmup, title)

    rss = growth(samples, "rss_mb", plan.warmup)
    objects = growth(samples, "py_objects", plan.warmup)
    ours = growth(samples, "kiosk_objects", plan.warmup)
    items = growth(samples, "qml_items", plan.warmup)
    threads = growth(samples, "threads", plan.warmup)
    fds = growth(samples, "fds", plan.warmup)
    steps = counts.step_ms or [0.0]
    trims = counts.trim_ms or [0.0]
    note = (
        f"{counts.visits} visits, {counts.navigations} navigations, {counts.excerpts} excerpts "
        f"({counts.excerpts_failed} failed to start), {counts.languages} language changes, "
        f"{counts.idle_resets} idle resets, {counts.reloads} reloads, {elapsed:.0f} s"
        f"{'; ' + soak.stopped_early if soak.stopped_early else ''}; "
        f"plot {png_path.relative_to(ROOT) if png_path.is_relative_to(ROOT) else png_path}"
    )
    print(
        f"RSS after warm-up: {rss.start:.1f} -> {rss.end:.1f} MB ({rss.growth:+.1f} MB), "
        f"slope {rss.slope_per_1000_navigations:+.2f} MB per 1000 navigations",
        file=sys.stderr,
    )
    print(
        f"Python objects {objects.growth:+.0f}, Qt Quick items {items.growth:+.0f}, threads {threads.growth:+.0f},"
        f" open files {fds.growth:+.0f}",
        file=sys.stderr,
    )
    print(note, file=sys.stderr)
    results = [
        {
            "name": "soak RSS growth after warm-up",
            "unit": "MB",
            "median": round(rss.growth, 2),
            "p95": round(rss.growth, 2),
            "target": RSS_TARGET_MB,
            "n": len(samples),
            "note": note,
        },
        {
            "name": "soak RSS slope, extrapolated to 10,000 navigations",
            "unit": "MB",
            "median": round(rss.slope_per_1000_navigations * 10, 2),
            "p95": round(rss.slope_per_1000_navigations * 10, 2),
            # A few hundred navigations, still warming up, times 25 is noise: only a long run is judged.
            "target": None if args.quick else RSS_TARGET_MB,
            "n": len(samples),
            "note": "least-squares slope of post-warm-up RSS against navigations, times 10,000"
            + ("; a quick run is too short to extrapolate (see the long soak)" if args.quick else ""),
        },
        {
            "name": "soak Python objects growth after warm-up",
            "unit": "objects",
            "median": round(objects.growth),
            "p95": round(objects.growth),
            "target": 2000,
            "n": len(samples),
            "note": "live objects after gc.collect(), on the attract loop",
        },
        {
            "name": "soak objects of kiosk classes, growth after warm-up",
            "unit": "objects",
            "median": round(ours.growth),
            "p95": round(ours.growth),
            "target": 0,
            "n": len(samples),
            "note": "instances of classes from the kiosk package (view models, models): none may pile up",
        },
        {
            "name": "soak Qt Quick items growth after warm-up",
            "unit": "items",
            "median": round(items.growth),
            "p95": round(items.growth),
            "target": 50,
            "n": len(samples),
            "note": "items in the window, on the loop",
        },
        {
            "name": "soak threads growth after warm-up",
            "unit": "threads",
            "median": round(threads.growth),
            "p95": round(threads.growth),
            "target": 2,
            "n": len(samples),
            "note": "",
        },
        {
            "name": "soak open files growth after warm-up",
            "unit": "fds",
            "median": round(fds.growth),
            "p95": round(fds.growth),
            "target": 2,
            "n": len(samples),
            "note": "",
        },
        {
            "name": "soak navigation step (tap + 45 ms of frames)",
            "unit": "ms",
            "median": round(statistics.median(steps), 1),
            "p95": round(percentile(steps, 0.95), 1),
            "target": None,
            "n": len(steps),
            "note": "wall time per navigation in the soak, not touch-to-frame (see bench_ui)",
        },
        {
            "name": "soak memory trim after a visit",
            "unit": "ms",
            "median": round(statistics.median(trims), 1),
            "p95": round(percentile(trims, 0.95), 1),
            "target": None,
            "n": len(counts.trim_ms),
            "note": "malloc_trim(0) on its own thread (kiosk/ui/free_memory.py)",
        },
    ]
    if counts.excerpts < plan.excerpts:
        results.append(
            {
                "name": "soak excerpt plays",
                "unit": "plays",
                "median": counts.excerpts,
                "p95": counts.excerpts,
                "target": plan.excerpts,
                "better": "higher",
                "n": 1,
                "note": "fewer excerpts played than planned: no film or no video player",
            }
        )
    line = {"bench": "soak", "results": results}
    record = {
        **line,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "plan": dataclasses.asdict(plan),
        "exhibition": str(exhibition),
        "stopped_early": soak.stopped_early,
    }
    (args.out / f"{args.name}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
