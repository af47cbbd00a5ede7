"""A film without libVLC: a fake :class:`~kiosk.video.engine.VideoEngine` that a test runs frame by frame.

It plays the part of libVLC as the frame gate knows it (kiosk/video/gate.py): once opened at
``from_ms`` it displays one frame per interval on a clock the test moves, and reports the film
time every ``report_every_ms`` (exact, as libVLC's reports are). What the playback posts to its
owner thread waits in ``posted`` until the test runs it (:meth:`FakeFilm.settle`), as Qt's
queued connection would. Every call the playback makes is recorded in ``calls``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.video.engine import EngineEvent, EngineListener, Excerpt, Frame

FPS = 30.0
INTERVAL_MS = 1000 / FPS


@dataclass
class FakeClock:
    """Seconds, as time.monotonic() gives them; moved only by the test."""

    now: float = 100.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeEngine:
    """Implements VideoEngine; ``display``/``report``/``event`` are the film's side."""

    clock: FakeClock
    film_ms_total: int = 60_000
    report_every_ms: float = 250.0
    calls: list[tuple[str, object]] = field(default_factory=list)
    listener: EngineListener | None = None
    playing: bool = False
    film_ms: float = 0.0
    volume: int | None = None
    released: bool = False
    _since_report: float = 0.0

    # --- VideoEngine ------------------------------------------------------------------
    def open(self, excerpt: Excerpt, listener: EngineListener, from_ms: int) -> None:
        self.calls.append(("open", from_ms))
        self.listener, self.playing, self.film_ms = listener, True, float(from_ms)
        self._since_report = self.report_every_ms  # libVLC reports soon after it starts

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

    def fps(self) -> float | None:
        return FPS

    def video_size(self) -> tuple[int, int] | None:
        return (320, 180)

    # --- the film's side (what libVLC's threads would call) ------------------------------
    def frame(self) -> None:
        """One frame displayed now, then the clock moves one interval on."""
        if self.listener is None or not self.playing:
            self.clock.now += INTERVAL_MS / 1000
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
