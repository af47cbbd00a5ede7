"""Frames of a film as the kiosk counts them: which frame a time falls in, and the time to write for a frame.

The kiosk's frame gate shows, for an excerpt starting at ``t`` ms, the frame whose interval holds
``t`` (kiosk/video/gate.py). A start written as the first whole millisecond inside frame ``n`` is
therefore frame ``n`` exactly, whatever the frame rate; that is what the editor writes.
"""

from __future__ import annotations

import math

from kiosk.model.timecode import Timecode

#: Frames per second assumed until libVLC reports the film's own.
DEFAULT_FPS = 30.0


def frame_at(ms: float, fps: float) -> int:
    """The frame showing at ``ms``."""
    return max(0, math.floor(ms * fps / 1000 + 1e-6))


def start_of(frame: int, fps: float) -> int:
    """The first whole millisecond inside ``frame``: a start or end written there is that frame."""
    return max(0, math.ceil(frame * 1000 / fps - 1e-6))


def timecode_of(frame: int, fps: float) -> str:
    """The frame's time as the exhibition file writes it (``00:00:01.167``)."""
    return str(Timecode(start_of(frame, fps)))
