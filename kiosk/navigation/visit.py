"""The visit: a pure state machine of what the screen shows, in which language, and when it gives up.

attract --touch--> home --tile--> chapter (panel i) --next/previous--> chapter (panel i +- 1)
   ^                 ^                 |
   |                 +------home-------+
   +---- idle timeout, then the 'still there?' countdown, from anywhere but the loop

Commands return whether they were taken. Every change is reported twice: the new
:class:`VisitState` to observers (the view models redraw from it) and the visit events of
:mod:`kiosk.navigation.events` to listeners (analytics records them).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from kiosk.navigation.events import (
    ChapterOpened,
    HomeShown,
    IdleReset,
    LanguageChanged,
    PanelShown,
    VisitEnded,
    VisitEvent,
    VisitListener,
    VisitStarted,
)
from kiosk.navigation.gate import TapGate
from kiosk.navigation.timing import Clock, SystemClock, Timeouts

if TYPE_CHECKING:
    from kiosk.model import Exhibition

log = logging.getLogger(__name__)


class Screen(enum.StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    CHAPTER = "chapter"


@dataclass(frozen=True, slots=True)
class VisitShape:
    """What the visit needs to know of an exhibition: languages, and chapters as rows of panel ids."""

    languages: tuple[str, ...]
    chapters: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @classmethod
    def of(cls, exhibition: Exhibition) -> VisitShape:
        return cls(
            languages=exhibition.languages,
            chapters=tuple((c.id, c.panel_ids) for c in exhibition.chapters),
        )


#: How long a film's hold on the idle timer may outlast the film (its start, a pause, a seek back).
FILM_HOLD_MARGIN_S = 15.0


@dataclass(frozen=True, slots=True)
class _IdleHold:
    """Who holds the idle timer: the (chapter, panel) on screen when it was taken, until when."""

    place: tuple[int, int]
    until: float | None


def _place(state: VisitState) -> tuple[int, int] | None:
    return (state.chapter, state.panel) if state.screen is Screen.CHAPTER else None


@dataclass(frozen=True, slots=True)
class VisitState:
    """What is on screen. ``chapter`` is -1 outside a chapter; ``countdown_until`` is monotonic seconds."""

    screen: Screen
    language: str
    chapter: int = -1
    panel: int = 0
    countdown_until: float | None = None
    large_text: bool = False

    @property
    def counting_down(self) -> bool:
        return self.countdown_until is not None


StateObserver = Callable[[VisitState], None]


class Visit:
    """One kiosk's visits, one after another."""

    def __init__(self, shape: VisitShape, timeouts: Timeouts | None = None, clock: Clock | None = None) -> None:
        self.shape = shape
        self._timeouts = timeouts or Timeouts()
        self.clock = clock or SystemClock()
        self._gate = TapGate(self._timeouts.tap_gap)
        self._state = VisitState(Screen.ATTRACT, shape.default_language)
        self._last_activity = self.clock.monotonic()
        self._hold: _IdleHold | None = None
        self._listeners: list[VisitListener] = []
        self._observers: list[StateObserver] = []

    @property
    def timeouts(self) -> Timeouts:
        return self._timeouts

    @timeouts.setter
    def timeouts(self, timeouts: Timeouts) -> None:
        """New timeouts (a reloaded exhibition, a test); the next deadline follows them."""
        self._timeouts = timeouts
        self._gate.gap = timeouts.tap_gap

    # --- subscribers -------------------------------------------------------------------
    @property
    def state(self) -> VisitState:
        return self._state

    def add_listener(self, listener: VisitListener) -> Callable[[], None]:
        """Receive every visit event; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def add_observer(self, observer: StateObserver) -> Callable[[], None]:
        """Receive every new state; returns a function that unsubscribes."""
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)

    def emit(self, event: VisitEvent) -> None:
        """Send an event to every listener; a failing listener is logged, never breaks the visit."""
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("visit listener %r failed on %r", listener, event)

    def _set(self, state: VisitState) -> None:
        if state == self._state:
            return
        self._state = state
        if self._hold is not None and self._hold.place != _place(state):
            # The visitor left the film that held the timer: idle time starts from here.
            self._hold = None
            self._last_activity = self.clock.monotonic()
        for observer in list(self._observers):
            observer(state)

    # --- touches -----------------------------------------------------------------------
    def touch(self) -> None:
        """Any touch anywhere: the visitor is here, the idle timer starts again."""
        self._last_activity = self.clock.monotonic()
        if self._state.counting_down:
            self._set(replace(self._state, countdown_until=None))

    def wake(self) -> bool:
        """The first touch on the attract loop: the visit starts on the home screen."""
        self.touch()
        if self._state.screen is not Screen.ATTRACT:
            return False
        # Taps right after waking are part of the same hand landing, not a choice of chapter.
        self._gate.reset()
        self._gate.allow(self.clock.monotonic())
        now = self.clock.wall()
        self._set(VisitState(Screen.HOME, self.shape.default_language, large_text=self._state.large_text))
        self.emit(VisitStarted(now, self._state.language))
        self.emit(HomeShown(now))
        return True

    def _navigable(self) -> bool:
        self.touch()
        if self._state.screen is Screen.ATTRACT:
            return False
        return self._gate.allow(self.clock.monotonic())

    def open_chapter(self, index: int, panel: int = 0) -> bool:
        if not 0 <= index < len(self.shape.chapters) or not self._navigable():
            return False
        chapter_id, panels = self.shape.chapters[index]
        panel = max(0, min(panel, len(panels) - 1))
        self._set(replace(self._state, screen=Screen.CHAPTER, chapter=index, panel=panel))
        now = self.clock.wall()
        self.emit(ChapterOpened(now, chapter_id))
        self.emit(PanelShown(now, chapter_id, panels[panel]))
        return True

    def show_panel(self, index: int) -> bool:
        state = self._state
        if state.screen is not Screen.CHAPTER:
            return False
        chapter_id, panels = self.shape.chapters[state.chapter]
        if not 0 <= index < len(panels) or index == state.panel or not self._navigable():
            return False
        self._set(replace(state, panel=index))
        self.emit(PanelShown(self.clock.wall(), chapter_id, panels[index]))
        return True

    def next_panel(self) -> bool:
        return self.show_panel(self._state.panel + 1)

    def previous_panel(self) -> bool:
        return self.show_panel(self._state.panel - 1)

    def go_home(self) -> bool:
        if self._state.screen is not Screen.CHAPTER or not self._navigable():
            return False
        self._set(replace(self._state, screen=Screen.HOME, chapter=-1, panel=0))
        self.emit(HomeShown(self.clock.wall()))
        return True

    def set_language(self, language: str) -> bool:
        self.touch()
        if language not in self.shape.languages or language == self._state.language:
            return False
        if self._state.screen is Screen.ATTRACT:
            return False
        self._set(replace(self._state, language=language))
        self.emit(LanguageChanged(self.clock.wall(), language))
        return True

    def set_large_text(self, on: bool) -> None:
        self.touch()
        self._set(replace(self._state, large_text=on))

    # --- idle --------------------------------------------------------------------------
    def hold_idle(self, held: bool, at_most: float | None = None) -> None:
        """While held (a film playing with sound), the visitor is watching: no idle reset.

        A hold belongs to the panel on screen when it was taken and lasts ``at_most`` seconds
        (the rest of the film, say) if given. A visitor who swipes away, or a player that never
        says it stopped, cannot keep an unattended kiosk from going back to its loop.
        """
        if self._hold is not None and not held:
            self._last_activity = self.clock.monotonic()
        place = _place(self._state)
        if not held or place is None:
            self._hold = None
            return
        until = None if at_most is None else self.clock.monotonic() + max(0.0, at_most)
        self._hold = _IdleHold(place, until)

    @property
    def idle_held(self) -> bool:
        hold = self._hold
        return hold is not None and (hold.until is None or self.clock.monotonic() < hold.until)

    def next_deadline(self) -> float | None:
        """The monotonic time at which :meth:`tick` has something to do, or None."""
        state = self._state
        if state.screen is Screen.ATTRACT:
            return None
        if self._hold is not None:
            # Asleep until the hold ends: a release reschedules; an expiry is a deadline.
            return self._hold.until
        if state.countdown_until is not None:
            return state.countdown_until
        return self._last_activity + self.timeouts.idle

    def tick(self) -> None:
        """Act on the idle timeout and the countdown; call when :meth:`next_deadline` is reached."""
        state = self._state
        now = self.clock.monotonic()
        if state.screen is Screen.ATTRACT:
            return
        if self._hold is not None:
            if self.idle_held:
                self._last_activity = now
                return
            # The hold ran out (a player that never said it stopped): idle time starts now.
            log.warning("an idle hold outlived its film; the idle timer runs again")
            self._hold = None
            self._last_activity = now
            return
        if state.countdown_until is None:
            if now >= self._last_activity + self.timeouts.idle:
                self._set(replace(state, countdown_until=now + self.timeouts.countdown))
        elif now >= state.countdown_until:
            self.emit(IdleReset(self.clock.wall()))
            self.end("idle")

    def end(self, reason: Literal["idle", "staff", "reload", "closing"]) -> None:
        """End the visit (if one is going on): back to the loop, default language, nothing open."""
        if self._state.screen is not Screen.ATTRACT:
            self.emit(VisitEnded(self.clock.wall(), reason))
        self._hold = None
        self._gate.reset()
        self._set(VisitState(Screen.ATTRACT, self.shape.default_language))

    # --- live reload -------------------------------------------------------------------
    def replace_shape(self, shape: VisitShape) -> None:
        """A reloaded exhibition: keep the visitor where they were if that place still exists."""
        old, state = self.shape, self._state
        self.shape = shape
        if state.screen is Screen.ATTRACT:
            self._set(VisitState(Screen.ATTRACT, shape.default_language))
            return
        language = state.language if state.language in shape.languages else shape.default_language
        if language != state.language:
            self.emit(LanguageChanged(self.clock.wall(), language))
        if state.screen is Screen.CHAPTER:
            chapter_id, panels = old.chapters[state.chapter]
            panel_id = panels[state.panel]
            for index, (new_id, new_panels) in enumerate(shape.chapters):
                if new_id == chapter_id:
                    panel = new_panels.index(panel_id) if panel_id in new_panels else 0
                    self._set(replace(state, language=language, chapter=index, panel=panel))
                    if new_panels[panel] != panel_id:
                        self.emit(PanelShown(self.clock.wall(), new_id, new_panels[panel]))
                    return
            self._set(replace(state, language=language, screen=Screen.HOME, chapter=-1, panel=0))
            self.emit(HomeShown(self.clock.wall()))
            return
        self._set(replace(state, language=language))
