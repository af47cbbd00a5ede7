"""Time for the visit: an injectable clock and the idle timeouts, so tests run a day in milliseconds."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    """Two readings: wall-clock seconds for the events analytics stores, and a monotonic one for timers.

    They are separate because the wall clock jumps (NTP, daylight saving) and an idle
    timer that followed it would fire at random.
    """

    def wall(self) -> float: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock."""

    def wall(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock a test moves by hand."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._wall = start
        self._mono = 1000.0

    def wall(self) -> float:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._wall += seconds
        self._mono += seconds


@dataclass(frozen=True, slots=True)
class Timeouts:
    """How long the kiosk waits, in seconds.

    ``idle``: no touch before the 'still there?' countdown; ``countdown``: its length;
    ``tap_gap``: navigation commands closer than this to the last accepted one are
    dropped, so a storm of taps never queues a storm of transitions.
    """

    idle: float = 90.0
    countdown: float = 10.0
    tap_gap: float = 0.25
