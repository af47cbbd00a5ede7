"""The visit as QML sees it: properties to bind to, slots that touches call, a timer for idle."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.navigation import Screen, Timeouts, Visit, VisitState
from kiosk.navigation.events import ExcerptStarted, ExcerptStopped
from kiosk.navigation.visit import FILM_HOLD_MARGIN_S
from kiosk.text import localize
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.store import ExhibitionStore

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Navigator"]


@QmlElement
@QmlUncreatable("Made by KioskApp and handed to Main.qml.")
class Navigator(QObject):
    """Wraps a :class:`Visit`: QML calls the slots, binds to the properties; no logic lives here."""

    stateChanged = Signal()
    languageChanged = Signal()
    chapterChanged = Signal()
    timeoutsChanged = Signal()

    def __init__(self, visit: Visit, store: ExhibitionStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.store = store
        self._state = visit.state
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        visit.add_observer(self._on_state)
        store.exhibitionChanged.connect(self.chapterChanged)
        store.exhibitionChanged.connect(self.stateChanged)

    # --- state from the visit ------------------------------------------------------------
    def _on_state(self, state: VisitState) -> None:
        old, self._state = self._state, state
        if state.language != old.language:
            self.languageChanged.emit()
        if state.chapter != old.chapter:
            self.chapterChanged.emit()
        self.stateChanged.emit()
        self.reschedule()

    def set_timeouts(self, timeouts: Timeouts) -> None:
        """New timeouts (a reloaded exhibition, a test): the countdown QML shows and the idle timer follow."""
        old = self.visit.timeouts
        self.visit.timeouts = timeouts
        if timeouts.countdown != old.countdown:
            self.timeoutsChanged.emit()
        self.reschedule()

    def reschedule(self) -> None:
        """Aim the idle timer at the visit's next deadline."""
        deadline = self.visit.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        delay = max(0.0, deadline - self.visit.clock.monotonic())
        # A touch moves the deadline later without a state change; the timer then fires early,
        # tick() finds nothing due and this reschedules: cheaper than restarting on every touch.
        self._timer.start(round(delay * 1000) + 1)

    def _tick(self) -> None:
        self.visit.tick()
        self.reschedule()

    # --- slots touches call ---------------------------------------------------------------
    @Slot(result=bool)
    def wake(self) -> bool:
        return self.visit.wake()

    @Slot()
    def touch(self) -> None:
        self.visit.touch()
        if not self._timer.isActive():
            self.reschedule()

    @Slot(int, result=bool)
    def openChapter(self, index: int) -> bool:
        return self.visit.open_chapter(index)

    @Slot(result=bool)
    def next(self) -> bool:
        return self.visit.next_panel()

    @Slot(result=bool)
    def previous(self) -> bool:
        return self.visit.previous_panel()

    @Slot(int, result=bool)
    def showPanel(self, index: int) -> bool:
        return self.visit.show_panel(index)

    @Slot(result=bool)
    def goHome(self) -> bool:
        return self.visit.go_home()

    @Slot(str, result=bool)
    def setLanguage(self, language: str) -> bool:
        return self.visit.set_language(language)

    @Slot(bool)
    def setLargeText(self, on: bool) -> None:
        self.visit.set_large_text(on)

    @Slot()
    def stillHere(self) -> None:
        self.visit.touch()
        self.reschedule()

    @Slot(bool, int)
    def holdIdle(self, held: bool, filmMs: int) -> None:
        """A film of ``filmMs`` playing with sound holds the idle timer (VideoPlayer.holdsIdle),
        only while its panel stays on screen and for at most its length and a margin.

        No state signal: the hold is taken and dropped from inside the bindings that a state
        change sets off, and emitting stateChanged here re-entered them (a QML binding loop)."""
        self.visit.hold_idle(held, filmMs / 1000 + FILM_HOLD_MARGIN_S)
        self.reschedule()

    @Slot(str)
    def reportExcerptStarted(self, panel_id: str) -> None:
        self.visit.emit(ExcerptStarted(self.visit.clock.wall(), panel_id))

    @Slot(str, int, int)
    def reportExcerptStopped(self, panel_id: str, watched_ms: int, duration_ms: int) -> None:
        self.visit.emit(ExcerptStopped(self.visit.clock.wall(), panel_id, watched_ms, duration_ms))

    # --- properties -----------------------------------------------------------------------
    def _screen(self) -> str:
        return str(self._state.screen)

    def _language(self) -> str:
        return self._state.language

    def _rtl(self) -> bool:
        return localize.is_rtl(self._state.language)

    def _chapter_index(self) -> int:
        return self._state.chapter

    def _panel_index(self) -> int:
        return self._state.panel

    def _panel_count(self) -> int:
        if self._state.screen is not Screen.CHAPTER:
            return 0
        return len(self.visit.shape.chapters[self._state.chapter][1])

    def _chapter_title(self) -> dict[str, Any]:
        exhibition = self.store.exhibition
        if exhibition is None or not 0 <= self._state.chapter < len(exhibition.chapters):
            return dict(localize.text(None, self._state.language, ("en",)))
        chapter = exhibition.chapters[self._state.chapter]
        return dict(localize.text(chapter.title, self._state.language, exhibition.languages))

    def _exhibition_text(self, name: str) -> dict[str, Any]:
        exhibition = self.store.exhibition
        if exhibition is None:
            return dict(localize.text(None, self._state.language, ("en",)))
        return dict(localize.text(getattr(exhibition.info, name), self._state.language, exhibition.languages))

    def _exhibition_title(self) -> dict[str, Any]:
        return self._exhibition_text("title")

    def _exhibition_subtitle(self) -> dict[str, Any]:
        return self._exhibition_text("subtitle")

    def _counting_down(self) -> bool:
        return self._state.counting_down

    def _countdown_ms(self) -> int:
        return round(self.visit.timeouts.countdown * 1000)

    def _large_text(self) -> bool:
        return self._state.large_text

    def _words(self) -> dict[str, str]:
        return localize.chrome_table(self._state.language)

    screen = Property(str, _screen, notify=stateChanged)
    language = Property(str, _language, notify=languageChanged)
    rtl = Property(bool, _rtl, notify=languageChanged)
    words = Property(dict, _words, notify=languageChanged)
    chapterIndex = Property(int, _chapter_index, notify=stateChanged)
    panelIndex = Property(int, _panel_index, notify=stateChanged)
    panelCount = Property(int, _panel_count, notify=stateChanged)
    chapterTitle = Property(dict, _chapter_title, notify=stateChanged)
    exhibitionTitle = Property(dict, _exhibition_title, notify=stateChanged)
    exhibitionSubtitle = Property(dict, _exhibition_subtitle, notify=stateChanged)
    countingDown = Property(bool, _counting_down, notify=stateChanged)
    countdownMs = Property(int, _countdown_ms, notify=timeoutsChanged)
    largeText = Property(bool, _large_text, notify=stateChanged)
