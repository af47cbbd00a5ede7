"""Runs an ExcerptPlayback on real libVLC without Qt: the test thread is the owner thread."""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from clips import Clip, frame_number

from kiosk.video.engine import Excerpt, Frame
from kiosk.video.playback import ExcerptPlayback, PlaybackObserver, PlayerState


@dataclass
class Seen(PlaybackObserver):
    clip: Clip | None = None
    frames: list[tuple[float, int]] = field(default_factory=list)  # (label film_ms, number in the pixels)
    states: list[PlayerState] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    finished_count: int = 0
    watched: list[int] = field(default_factory=list)

    def frame_ready(self, frame: Frame) -> None:
        number = frame_number(frame)
        self.frames.append((frame.film_ms, number))

    def state_changed(self, state: PlayerState) -> None:
        self.states.append(state)

    def finished(self) -> None:
        self.finished_count += 1

    def failed(self, message: str) -> None:
        self.failures.append(message)

    def stopped(self, watched_ms: int) -> None:
        self.watched.append(watched_ms)


class Runner:
    def __init__(self, engine: object, excerpt: Excerpt, seen: Seen, **options: object) -> None:
        self.jobs: queue.Queue[Callable[[], None]] = queue.Queue()
        self.seen = seen
        self.playback = ExcerptPlayback(engine, excerpt, seen, self.jobs.put, **options)  # type: ignore[arg-type]

    def run_until(self, done: Callable[[], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                return False
            with contextlib.suppress(queue.Empty):
                self.jobs.get(timeout=0.01)()
            self.playback.tick()
        return True

    def settled(self) -> bool:
        return self.playback.state in (PlayerState.ENDED, PlayerState.ERROR)
