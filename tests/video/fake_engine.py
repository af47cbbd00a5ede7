"""A film without libVLC: a fake :class:`~kiosk.video.engine.VideoEngine` that a test runs frame by frame.

It plays the part of libVLC as the frame gate knows it (kiosk/video/gate.py): once opened at
``from_ms`` it displays one frame per interval on a clock the test moves, and reports the film
time every ``report_every_ms`` (exact, as libVLC's reports are). What the playback posts to its
owner thread waits in ``posted`` until the test runs it (:meth:`FakeFilm.settle`), as Qt's
queued connection would. Every call the playback makes is recorded in ``calls``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.video.engine import EngineEvent, EngineListener, Excerpt, Frame
from kiosk.video.known_start import WAKE_UP_MS

FPS = 30.0
INTERVAL_MS = 1000 / FPS


@dataclass
class FakeClock:
    """Seconds, as time.monotonic() gives them; moved only by the test."""

    now: float = 100.0

    def __call__(self) -> float:
        return self.now


@dataclass
class LibvlcOpening:
    """How libVLC 3 begins after an opening, as measured (kiosk/video/known_start.py): a first
    picture forced to the screen at once, ``forced_back`` frames before the first frame due (the
    first at or after the opening time), then, from the first frame due on, each frame
    ``WAKE_UP_MS`` + (its time - the opening time) after it; frames in ``dropped`` (counted from
    the first due) never come, those in ``late_ms`` come that much late. With ``first_on_time``
    nothing is forced: the first picture is the first frame due, on time."""

    forced_back: int = 2
    first_on_time: bool = False
    dropped: frozenset[int] = frozenset()
    late_ms: dict[int, float] = field(default_factory=dict)
    frames: int = 6  # how many frames from the first due follow this pattern


@dataclass
class FakeEngine:
    """Implements VideoEngine; ``display``/``report``/``event`` are the film's side."""

    clock: FakeClock
    film_ms_total: int = 60_000
    report_every_ms: float = 250.0
    calls: list[tuple[str, object]] = field(default_factory=list)
    read_aheads: list[int] = field(default_factory=list)  # each open's read_ahead_ms
    counted_starts: list[bool] = field(default_factory=list)  # each open's counted_start
    listener: EngineListener | None = None
    playing: bool = False
    film_ms: float = 0.0
    volume: int | None = None
    released: bool = False
    opening: LibvlcOpening | None = None  # None: frames from ``from_ms`` on, one per interval
    _since_report: float = 0.0
    _next_due: float = 0.0
    _scheduled: list[tuple[float, float]] = field(default_factory=list)  # (at, film ms) to come

    # --- VideoEngine ------------------------------------------------------------------
    def open(
        self,
        excerpt: Excerpt,
        listener: EngineListener,
        from_ms: int,
        *,
        read_ahead_ms: int = 300,
        counted_start: bool = False,
    ) -> None:
        self.calls.append(("open", from_ms))
        self.read_aheads.append(read_ahead_ms)
        self.counted_starts.append(counted_start)
        self.listener, self.playing, self.film_ms = listener, True, float(from_ms)
        self._since_report = self.report_every_ms  # libVLC reports soon after it starts
        self._scheduled = []
        if self.opening is not None:
            due = math.ceil(from_ms / INTERVAL_MS - 1e-9)  # the first frame at or after from_ms
            clock_start = self.clock.now
            on_time = self.opening.first_on_time
            if not on_time:
                self._scheduled.append((clock_start, (due - self.opening.forced_back) * INTERVAL_MS))
            for step in range(self.opening.frames):
                forced_already = not on_time and step < 1 - self.opening.forced_back
                if step in self.opening.dropped or forced_already:
                    continue
                film = (due + step) * INTERVAL_MS
                late = self.opening.late_ms.get(step, 0.0)
                self._scheduled.append((clock_start + (WAKE_UP_MS + film - from_ms + late) / 1000, film))
            # Then on time, one interval apart, from the frame after the pattern.
            self.film_ms = (due + self.opening.frames) * INTERVAL_MS
            self._next_due = clock_start + (WAKE_UP_MS + self.film_ms - from_ms) / 1000

    def pause(self) -> None:
        self.calls.append(("pause", None))
        self.playing = False

    def resume(self) -> None:
        self.calls.append(("resume", None))
        self.playing = True

    def seek(self, film_ms: int) -> None:
        self.calls.append(("seek", film_ms))
        self.film_ms = float(film_ms)

    def set_volume(self, volume: int) -> None:
        self.calls.append(("volume", volume))
        self.volume = volume

    def stop(self) -> None:
        self.calls.append(("stop", None))
        self.listener, self.playing = None, False

    def release(self) -> None:
        self.calls.append(("release", None))
        self.released = True

    def shed(self) -> None:
        self.calls.append(("shed", None))

    def fps(self) -> float | None:
        return FPS

    def video_size(self) -> tuple[int, int] | None:
        return (320, 180)

    # --- the film's side (what libVLC's threads would call) ------------------------------
    def frame(self) -> None:
        """One frame displayed now, then the clock moves one interval on (after an opening like
        libVLC's: the next picture of its pattern, the clock moved to its time)."""
        if self.listener is None or not self.playing:
            self.clock.now += INTERVAL_MS / 1000
            return
        if self._scheduled:
            at, film = self._scheduled.pop(0)
            self.clock.now = at
            number = round(film / INTERVAL_MS)
            self.listener.frame_displayed(at, lambda: Frame(number.to_bytes(4, "little"), 1, 1, 4))
            if not self._scheduled:
                self.clock.now = self._next_due
            return
        at, shown = self.clock.now, self.film_ms
        if self._since_report >= self.report_every_ms:
            self._since_report = 0.0
            self.listener.time_reported(round(shown), at)
        number = round(shown / INTERVAL_MS)
        self.listener.frame_displayed(at, lambda: Frame(number.to_bytes(4, "little"), 1, 1, 4))
        self.film_ms += INTERVAL_MS
        self._since_report += INTERVAL_MS
        self.clock.now += INTERVAL_MS / 1000

    def event(self, event: EngineEvent, detail: str = "") -> None:
        if self.listener is not None:
            self.listener.engine_event(event, detail)


@dataclass
class FakeFilm:
    """An engine, its clock and the owner thread's queue, driven together."""

    clock: FakeClock = field(default_factory=FakeClock)
    posted: list[Callable[[], None]] = field(default_factory=list)
    engine: FakeEngine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = FakeEngine(self.clock)

    def post(self, work: Callable[[], None]) -> None:
        self.posted.append(work)

    def settle(self) -> None:
        """Run what was posted to the owner thread (and what that posts in turn)."""
        while self.posted:
            self.posted.pop(0)()

    def run(self, frames: int) -> None:
        """``frames`` frames displayed, the owner thread keeping up after each."""
        for _ in range(frames):
            self.engine.frame()
            self.settle()
