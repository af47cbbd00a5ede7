"""What happens during a visit, as plain data: the navigation emits these, analytics records them.

This vocabulary is shared by the navigation state machine (which emits it to listeners),
the view models (which forward player events) and the visit analytics (which stores it).
Times are wall-clock seconds since the epoch from an injectable clock, so a test can
replay a whole day in milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class VisitStarted:
    at: float
    language: str


@dataclass(frozen=True, slots=True)
class VisitEnded:
    at: float
    reason: Literal["idle", "staff", "reload", "closing"]


@dataclass(frozen=True, slots=True)
class LanguageChanged:
    at: float
    language: str


@dataclass(frozen=True, slots=True)
class ChapterOpened:
    at: float
    chapter_id: str


@dataclass(frozen=True, slots=True)
class PanelShown:
    """A panel came on screen; it stays 'viewed' until the next PanelShown, HomeShown or VisitEnded."""

    at: float
    chapter_id: str
    panel_id: str


@dataclass(frozen=True, slots=True)
class HomeShown:
    at: float


@dataclass(frozen=True, slots=True)
class ExcerptStarted:
    at: float
    panel_id: str


@dataclass(frozen=True, slots=True)
class ExcerptStopped:
    """An excerpt stopped: ended, paused and left, or interrupted by an idle reset."""

    at: float
    panel_id: str
    watched_ms: int
    duration_ms: int


@dataclass(frozen=True, slots=True)
class IdleReset:
    """The 'still there?' countdown ran out and the kiosk went back to the attract loop."""

    at: float


#: The accessibility features a visitor can turn to, counted so staff know they are used.
AccessFeature = Literal["listen", "keys", "sign_language", "audio_description"]


@dataclass(frozen=True, slots=True)
class AccessUsed:
    """A visitor used an accessibility feature: listen, the keys, sign language, audio description.

    ``panel_id`` is the panel on screen ("" on the home screen). Nothing about the person is kept.
    """

    at: float
    feature: AccessFeature
    panel_id: str = ""


VisitEvent = (
    VisitStarted
    | VisitEnded
    | LanguageChanged
    | ChapterOpened
    | PanelShown
    | HomeShown
    | ExcerptStarted
    | ExcerptStopped
    | IdleReset
    | AccessUsed
)
VisitListener = Callable[[VisitEvent], None]
