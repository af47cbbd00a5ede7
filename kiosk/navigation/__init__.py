"""The visit as a pure state machine: attract loop, home, chapters and panels, language, idle.

No Qt and no vlc here (a test enforces it): the view models in kiosk/ui drive a
:class:`Visit` with slot calls and a timer, and render the :class:`VisitState` it reports.
"""

from __future__ import annotations

from kiosk.navigation.gate import TapGate
from kiosk.navigation.timing import Clock, SystemClock, Timeouts
from kiosk.navigation.touch import TouchJudge, TouchVerdict
from kiosk.navigation.visit import Screen, Visit, VisitShape, VisitState

__all__ = [
    "Clock",
    "Screen",
    "SystemClock",
    "TapGate",
    "Timeouts",
    "TouchJudge",
    "TouchVerdict",
    "Visit",
    "VisitShape",
    "VisitState",
]
