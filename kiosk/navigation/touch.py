"""Which touches are a visitor's, and which are noise: the rules, without Qt.

Public touchscreens report contacts nobody meant: a sleeve brushing the glass for a
few milliseconds, a palm resting on the bezel, a finger that bounces and lands twice.
The Qt event filter (kiosk/ui/touch_guard.py) asks a :class:`TouchJudge` about each
touch sequence and hides what it rejects from the scene.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class TouchVerdict(enum.Enum):
    DELIVER = "deliver"  # pass the event on
    SWALLOW = "swallow"  # hide this whole sequence; nothing under it learns of it
    CANCEL = "cancel"  # end the sequence as cancelled: what it started (a press) does not fire


@dataclass(frozen=True, slots=True)
class TouchLimits:
    """Thresholds, in milliseconds and millimetres on the glass."""

    #: A contact shorter than this is a phantom (a brush, an electrical glitch), never a tap.
    min_contact_ms: float = 40.0
    #: More fingers than this at once is a palm or an arm: pinch needs two.
    max_points: int = 2
    #: A contact wider than this is a palm, not a fingertip (a fingertip is 8-15 mm).
    max_contact_mm: float = 30.0
    #: A new contact this soon after a release, and this close to it, is the same finger bouncing.
    bounce_ms: float = 90.0
    bounce_mm: float = 6.0


class TouchJudge:
    """Judges one touch sequence at a time (from the first finger down to the last finger up)."""

    def __init__(self, limits: TouchLimits | None = None, px_per_mm: float = 3.78) -> None:
        self.limits = limits or TouchLimits()
        self.px_per_mm = px_per_mm
        self._began: float | None = None
        self._rejected = False
        self._last_end: tuple[float, float, float] | None = None  # (ms, x px, y px)

    @property
    def rejected(self) -> bool:
        """True while the current sequence is being hidden."""
        return self._rejected

    def begin(self, now_ms: float, x: float, y: float, points: int, diameter_px: float = 0.0) -> TouchVerdict:
        self._began = now_ms
        self._rejected = False
        if self._is_bounce(now_ms, x, y) or self._is_palm(points, diameter_px):
            self._rejected = True
            return TouchVerdict.SWALLOW
        return TouchVerdict.DELIVER

    def update(self, points: int, diameter_px: float = 0.0) -> TouchVerdict:
        if self._rejected:
            return TouchVerdict.SWALLOW
        if self._is_palm(points, diameter_px):
            # A palm lands after a finger: cancel what the finger started, hide the rest.
            self._rejected = True
            return TouchVerdict.CANCEL
        return TouchVerdict.DELIVER

    def end(self, now_ms: float, x: float, y: float) -> TouchVerdict:
        began, rejected = self._began, self._rejected
        self._began = None
        self._rejected = False
        self._last_end = (now_ms, x, y)
        if rejected:
            return TouchVerdict.SWALLOW
        if began is not None and now_ms - began < self.limits.min_contact_ms:
            return TouchVerdict.CANCEL
        return TouchVerdict.DELIVER

    def _is_bounce(self, now_ms: float, x: float, y: float) -> bool:
        if self._last_end is None:
            return False
        ended, last_x, last_y = self._last_end
        close = ((x - last_x) ** 2 + (y - last_y) ** 2) ** 0.5 <= self.limits.bounce_mm * self.px_per_mm
        return 0 <= now_ms - ended < self.limits.bounce_ms and close

    def _is_palm(self, points: int, diameter_px: float) -> bool:
        too_wide = diameter_px > self.limits.max_contact_mm * self.px_per_mm
        return points > self.limits.max_points or too_wide
