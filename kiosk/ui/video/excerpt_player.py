"""ExcerptPlayer: the view model QML drives to play one video panel's excerpt.

It finds the VideoPanel in ``store.exhibition`` by ``panelId``, owns a libVLC engine
and an :class:`ExcerptPlayback` (the Qt-free logic), and turns the engine's
callbacks from libVLC's threads into work on the Qt thread (queued signals), so
libVLC is never called from inside its own callbacks.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem

from kiosk import broken_media
from kiosk.memory_pressure import memory_is_short
from kiosk.model import Theme, VideoPanel
from kiosk.ui.lifetime import free_state_when_destroyed
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable  # noqa: F401  (read by @QmlElement)
from kiosk.ui.relay import QtThreadRelay
from kiosk.ui.video.coordinator import FilmCoordinator
from kiosk.ui.video.mailbox import FrameMailbox
from kiosk.ui.viewmodels.store import ExhibitionStore
from kiosk.video.captions import CaptionTimeline, is_rtl
from kiosk.video.engine import Excerpt, Frame, VideoEngine
from kiosk.video.playback import ExcerptPlayback, PlaybackObserver, PlayerState
from kiosk.video.sign import sign_language_film

log = logging.getLogger(__name__)

#: A video panel the visitor has stayed on this long (ms), or one next to the panel they rest on,
#: prepares its excerpt: the first frame waits, exact and paused, behind the poster, and a tap
#: starts it at once. The slide to a panel takes 240 ms (Theme.transitionMs), so swiping on
#: through panels starts no decoder (a panel the strip drops while it prepares stops it off the
#: UI thread). Shorter means fewer taps that come before the exact start.
SETTLE_MS = 400

#: The states in which libVLC decodes (and the position timer runs).
_ACTIVE = (PlayerState.LOADING, PlayerState.PREPARING, PlayerState.PLAYING)
#: The states in which the picture held belongs to the run under way (ExcerptPlayer.runShown).
_RUN_SHOWN = (PlayerState.READY, PlayerState.PLAYING, PlayerState.PAUSED)
#: States with no run to show: a picture held then is only the last one of a run gone by.
_RESTING = (PlayerState.IDLE, PlayerState.ENDED, PlayerState.ERROR, PlayerState.UNAVAILABLE)


class _Observer(PlaybackObserver):
    def __init__(self, owner: ExcerptPlayer) -> None:
        self._owner = owner

    def frame_ready(self, frame: Frame) -> None:  # libVLC's video thread
        self._owner._mailbox.put(frame)

    def state_changed(self, state: PlayerState) -> None:
        self._owner._on_state(state)

    def started(self) -> None:
        self._owner.started.emit()

    def stopped(self, watched_ms: int) -> None:
        self._owner.stopped.emit(watched_ms)

    def finished(self) -> None:
        self._owner.finished.emit()

    def failed(self, message: str) -> None:
        panel = self._owner._panel
        if panel is not None:
            broken_media.report(log, panel.src.path, "video panel %s (%s): %s", panel.id, panel.src.path, message)
        self._owner._set_note(message)


@QmlElement
@QmlUncreatable("ExcerptPlayer comes from FilmParts.player(owner): see kiosk/ui/video/parts.py")
class ExcerptPlayer(QObject):
    """Play, pause, seek, replay and volume for one excerpt, with its live caption."""

    storeChanged = Signal()
    panelIdChanged = Signal()
    languageChanged = Signal()
    signLanguageChanged = Signal()
    attractChanged = Signal()
    stateChanged = Signal()
    positionChanged = Signal()
    volumeChanged = Signal()
    captionChanged = Signal()
    noteChanged = Signal()
    panelChanged = Signal()
    frameChanged = Signal()
    hasFrameChanged = Signal()
    showsFrameChanged = Signal()
    runShownChanged = Signal()
    currentChanged = Signal()
    neighbourChanged = Signal()
    settleMsChanged = Signal()
    started = Signal()
    stopped = Signal(int)  # watched milliseconds, for analytics
    finished = Signal()

    def __init__(self, films: FilmCoordinator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._films = films
        self._store: ExhibitionStore | None = None
        self._panel_id = ""
        self._language = ""
        self._sign_language = False
        self._attract = False
        self._panel: VideoPanel | None = None
        self._theme: Theme | None = None
        self._captions = CaptionTimeline({})
        self._playback: ExcerptPlayback | None = None
        self._engine: VideoEngine | None = None
        self._state = PlayerState.IDLE
        self._note = ""
        self._position = 0
        self._caption = ""
        self._caption_rtl = False
        self._frame: Frame | None = None
        self._has_frame = False
        self._shows_frame = False
        self._run_shown = False
        self._current = False
        self._neighbour = False
        self._token = object()  # this player, to the coordinator (never the QObject itself)
        self._after_end = False  # ended, and maybe prepared again since, but not replayed yet
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._prepare_settled)
        self._relay = QtThreadRelay(self)
        self._mailbox = FrameMailbox(lambda: self._relay.run.emit(self._take_frame))
        if isinstance(parent, QQuickItem):
            # The film's place may be laid out after a first opening began: libVLC asks for the
            # frames' size when the picture is decoded, and then it is the size shown.
            parent.widthChanged.connect(self._resized)
            parent.heightChanged.connect(self._resized)
        self._timer = QTimer(self)
        self._timer.setInterval(33)
        self._timer.timeout.connect(self._tick)
        self._pending_seek: int | None = None
        self._seek_timer = QTimer(self)
        self._seek_timer.setSingleShot(True)
        self._seek_timer.setInterval(80)
        self._seek_timer.timeout.connect(self._flush_seek)
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)
        free_state_when_destroyed(self, _release_state)

    # --- inputs from QML ---------------------------------------------------------------
    def _get_store(self) -> ExhibitionStore | None:
        return self._store

    def _set_store(self, store: ExhibitionStore | None) -> None:
        if store is not self._store:
            self._store = store
            self.storeChanged.emit()
            self._load_panel()

    store = Property(ExhibitionStore, _get_store, _set_store, notify=storeChanged)

    def _get_panel_id(self) -> str:
        return self._panel_id

    def _set_panel_id(self, panel_id: str) -> None:
        if panel_id != self._panel_id:
            self._panel_id = panel_id
            self.panelIdChanged.emit()
            self._load_panel()

    panelId = Property(str, _get_panel_id, _set_panel_id, notify=panelIdChanged)

    def _get_sign_language(self) -> bool:
        return self._sign_language

    def _set_sign_language(self, on: bool) -> None:
        if on != self._sign_language:
            self._sign_language = on
            self.signLanguageChanged.emit()
            self._load_panel()

    #: Play the panel's sign-language film in ``language`` (the corner inset), not its excerpt.
    signLanguage = Property(bool, _get_sign_language, _set_sign_language, notify=signLanguageChanged)

    def _get_language(self) -> str:
        return self._language

    def _set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self.languageChanged.emit()
            if self._sign_language:
                self._load_panel()  # each language has its own sign-language film
            self._update_caption(force=True)

    language = Property(str, _get_language, _set_language, notify=languageChanged)

    def _get_attract(self) -> bool:
        return self._attract

    def _set_attract(self, attract: bool) -> None:
        if attract != self._attract:
            self._attract = attract
            self.attractChanged.emit()
            self._load_panel()

    attract = Property(bool, _get_attract, _set_attract, notify=attractChanged)

    def _get_current(self) -> bool:
        return self._current

    def _set_current(self, current: bool) -> None:
        """The panel is the one on screen: once it has stayed so for ``settleMs``, prepare."""
        if current != self._current:
            self._current = current
            if current:
                self._films.set_prepared_beside(self._token, None)  # on screen now: keep it
            self.currentChanged.emit()
            self._update_decoding_on_screen()
            self._arm_settle()

    current = Property(bool, _get_current, _set_current, notify=currentChanged)

    def _get_neighbour(self) -> bool:
        return self._neighbour

    def _set_neighbour(self, neighbour: bool) -> None:
        """The panel is next to the one the visitor rests on: prepare too (after ``settleMs``,
        and once the panel on screen decodes nothing), so that a tap the moment the visitor
        arrives starts the excerpt on its exact first frame. The strip only builds the panels
        next to the one it rests on, so this costs at most two paused decoders."""
        if neighbour != self._neighbour:
            self._neighbour = neighbour
            self.neighbourChanged.emit()
            self._arm_settle()

    neighbour = Property(bool, _get_neighbour, _set_neighbour, notify=neighbourChanged)

    def _get_settle_ms(self) -> int:
        return self._settle.interval()

    def _set_settle_ms(self, ms: int) -> None:
        if ms != self._settle.interval():
            self._settle.setInterval(ms)
            self.settleMsChanged.emit()

    settleMs = Property(int, _get_settle_ms, _set_settle_ms, notify=settleMsChanged)

    # --- outputs to QML ------------------------------------------------------------------
    def _get_state(self) -> str:
        return self._state.value

    state = Property(str, _get_state, notify=stateChanged)

    def _get_playing(self) -> bool:
        return self._state in (PlayerState.PLAYING, PlayerState.LOADING)

    playing = Property(bool, _get_playing, notify=stateChanged)

    def _get_holds_idle(self) -> bool:
        return not self._attract and self._state in (PlayerState.PLAYING, PlayerState.LOADING)

    holdsIdle = Property(bool, _get_holds_idle, notify=stateChanged)

    def _get_failed(self) -> bool:
        return self._state in (PlayerState.ERROR, PlayerState.UNAVAILABLE)

    failed = Property(bool, _get_failed, notify=stateChanged)

    def _get_has_frame(self) -> bool:
        return self._has_frame

    hasFrame = Property(bool, _get_has_frame, notify=hasFrameChanged)

    def _get_shows_frame(self) -> bool:
        return self._shows_frame

    # What the visitor sees: the attract loop shows the held first frame at once; a panel
    # keeps its poster while the excerpt waits prepared, and shows the frame when it plays.
    showsFrame = Property(bool, _get_shows_frame, notify=showsFrameChanged)

    def _get_engaged(self) -> bool:
        return self._get_ended() or self._state in (PlayerState.LOADING, PlayerState.PLAYING, PlayerState.PAUSED)

    def _get_run_shown(self) -> bool:
        return self._has_frame and self._state in _RUN_SHOWN

    # The picture held is one of this run: the excerpt's first frame, prepared, or one it plays.
    # Not an ended run's last frame, nor that frame kept while the excerpt prepares again: the
    # attract loop must not dissolve to a picture that is about to jump to another.
    runShown = Property(bool, _get_run_shown, notify=runShownChanged)

    # A visitor started this excerpt: its controls belong on screen.
    engaged = Property(bool, _get_engaged, notify=stateChanged)

    def _get_ended(self) -> bool:
        waiting = self._state in (PlayerState.PREPARING, PlayerState.READY)
        return self._state is PlayerState.ENDED or (self._after_end and waiting)

    # Played to its end: the poster and a replay button, even once the excerpt has quietly
    # prepared again behind them (so that the replay starts at once, on its exact frame).
    ended = Property(bool, _get_ended, notify=stateChanged)

    def _get_position(self) -> int:
        return self._position

    position = Property(int, _get_position, notify=positionChanged)

    def _get_duration(self) -> int:
        return 0 if self._panel is None else int(self._panel.duration_ms)

    duration = Property(int, _get_duration, notify=panelChanged)

    def _get_poster(self) -> QUrl:
        poster = None if self._panel is None else self._panel.poster
        if poster is None or not poster.usable:
            return QUrl()
        return QUrl.fromLocalFile(str(poster.path))

    posterUrl = Property(QUrl, _get_poster, notify=panelChanged)

    def _get_max_volume(self) -> int:
        return 100 if self._panel is None else int(self._panel.volume)

    maxVolume = Property(int, _get_max_volume, notify=panelChanged)

    def _get_volume(self) -> int:
        return self._playback.volume if self._playback is not None else self._get_max_volume()

    def _set_volume(self, volume: int) -> None:
        if self._playback is not None and volume != self._playback.volume:
            self._playback.set_volume(volume)
            self.volumeChanged.emit()

    volume = Property(int, _get_volume, _set_volume, notify=volumeChanged)

    def _get_caption(self) -> str:
        return self._caption

    captionText = Property(str, _get_caption, notify=captionChanged)

    def _get_caption_rtl(self) -> bool:
        return self._caption_rtl

    captionRtl = Property(bool, _get_caption_rtl, notify=captionChanged)

    def _get_caption_font(self) -> str:
        if self._theme is None:
            return "Noto Naskh Arabic" if self._caption_rtl else "Noto Sans"
        return str(self._theme.arabic_font if self._caption_rtl else self._theme.font)

    captionFont = Property(str, _get_caption_font, notify=captionChanged)

    def _get_note(self) -> str:
        return self._note

    note = Property(str, _get_note, notify=noteChanged)

    # --- commands ----------------------------------------------------------------------
    @Slot()
    def prepare(self) -> None:
        """Hold the excerpt's first frame, paused, so that :meth:`play` shows no gap."""
        if self._ensure_playback() and self._playback is not None:
            self._playback.prepare()

    @Slot()
    def play(self) -> None:
        if self._ensure_playback() and self._playback is not None:
            self._playback.play()

    @Slot()
    def pause(self) -> None:
        if self._playback is not None:
            self._playback.pause()

    @Slot()
    def toggle(self) -> None:
        if self._ensure_playback() and self._playback is not None:
            self._playback.toggle()

    @Slot(int)
    def seek(self, position_ms: int) -> None:
        """Jump inside the excerpt. A finger dragging the scrubber sends dozens of these a
        second: the first goes at once, then at most one every 80 ms (the latest wins)."""
        if self._playback is None:
            return
        if self._seek_timer.isActive():
            self._pending_seek = position_ms
            return
        self._playback.seek(position_ms)
        self._update_position()
        self._seek_timer.start()

    def _flush_seek(self) -> None:
        if self._pending_seek is not None and self._playback is not None:
            position, self._pending_seek = self._pending_seek, None
            self._playback.seek(position)
            self._update_position()
            self._seek_timer.start()

    @Slot()
    def replay(self) -> None:
        if self._ensure_playback() and self._playback is not None:
            self._playback.replay()

    @Slot()
    def stop(self) -> None:
        if self._playback is not None:
            self._playback.stop()

    @Slot()
    def leave(self) -> None:
        """The visitor left this panel. A film they started (or saw to its end) stops and goes
        back to its poster; an excerpt only prepared stays so, for their return."""
        untouched = self._state in (PlayerState.PREPARING, PlayerState.READY) and not self._after_end
        if not untouched:
            self.stop()

    @Slot()
    def release(self) -> None:
        """Stop and free the engine (the item is going away, or the app quits)."""
        if self._playback is not None:
            self._playback.stop()
        if self._engine is not None:
            self._engine.release()
            self._engine = None
        self._playback = None
        self._timer.stop()
        self._settle.stop()
        self._films.set_decoding_on_screen(self._token, False)
        self._films.set_prepared_beside(self._token, None)

    @Slot()
    def rest(self) -> None:
        """The film is out of sight until it plays again (an attract excerpt whose turn has
        passed, a panel faded back to its poster): let go of its last picture, and of the buffer
        under it (12 MiB at 2160p) once the frame item has let go too (:meth:`picture_released`).
        A prepared or running excerpt keeps its picture."""
        if self._frame is None or self._state not in _RESTING:
            return
        self._frame = None
        self._mailbox.clear()
        self._set_has_frame(False)
        self.frameChanged.emit()

    @Slot()
    def picture_released(self) -> None:
        """The frame item has dropped the last picture (its scene-graph node went). Called in the
        scene graph's sync, maybe on its render thread: the buffer is given back after it, on
        the UI thread, once whatever the sync let go of is gone."""
        self._relay.run.emit(self._shed_released)

    def _shed_released(self) -> None:
        if self._engine is not None and self._frame is None and self._state in _RESTING:
            self._engine.shed()

    def current_frame(self) -> Frame | None:
        return self._frame

    def aspect(self) -> float | None:
        """The film's shape (frames arrive in libVLC's padded buffer size)."""
        return None if self._playback is None else self._playback.aspect

    # --- internals ----------------------------------------------------------------------
    def _load_panel(self) -> None:
        exhibition = self._store.exhibition if self._store is not None else None
        found = exhibition.panel(self._panel_id) if exhibition is not None and self._panel_id else None
        if self._sign_language:
            panel = sign_language_film(found, self._language)
            if panel is not None and self._panel is not None and panel.src == self._panel.src and self._playback:
                return
        else:
            panel = found if isinstance(found, VideoPanel) else None
        if panel is self._panel and self._playback is not None:
            return
        self.release()
        self._panel = panel
        self._theme = exhibition.info.theme if exhibition is not None else None
        captions = {} if panel is None else {lang: track.cues for lang, track in panel.captions.items()}
        self._captions = CaptionTimeline(captions)
        self._set_has_frame(False)
        self._set_note("" if panel is not None or not self._panel_id else f"no video panel '{self._panel_id}'")
        self._set_state(PlayerState.IDLE)
        self.panelChanged.emit()
        self.volumeChanged.emit()
        self._update_caption(force=True)
        if panel is not None:
            # Make the engine now, not on the first tap: the first libVLC instance takes about
            # 0.2 s to start, and a film that cannot play shows its note before anyone taps.
            QTimer.singleShot(0, self, self._preheat)  # with self as context: no call once QML deleted us
            self._arm_settle()

    @Slot()
    def _resized(self) -> None:
        """The engine sizes the next frames it asks libVLC for to the player's place as it is now."""
        if self._engine is not None:
            self._engine.set_max_size(*self._shown_size())

    def _preheat(self) -> None:
        if self._playback is None and self._panel is not None:
            self._ensure_playback(announce=False)

    def _ensure_playback(self, *, announce: bool = True) -> bool:
        """Make the engine and the playback; False (poster and note) when the film cannot play.
        ``announce``: emit ``finished`` then, so that the attract loop moves on."""
        if self._playback is not None:
            self._resized()  # for the opening that may follow
            return self._state is not PlayerState.UNAVAILABLE
        panel = self._panel
        if panel is None:
            return False
        if not panel.src.usable:
            broken_media.report(log, panel.src.path, "video panel %s: %s", panel.id, panel.src.problem)
            self._set_note(f"This film cannot be shown: {panel.src.problem}")
            self._set_state(PlayerState.ERROR)
            if announce:
                self.finished.emit()
            return False
        excerpt = Excerpt(Path(panel.src.path), panel.start.ms, panel.end.ms, audio=not self._attract)
        try:
            self._engine = self._films.make_engine(self._shown_size())
        except Exception as error:  # no libVLC: the poster and a note, the kiosk goes on
            if self._films.first_report_of(str(error)):  # once per reason, not once per panel shown
                log.warning("video unavailable: %s", error)
            self._set_note(f"Video is unavailable on this kiosk ({error}).")
            self._set_state(PlayerState.UNAVAILABLE)
            if announce:
                self.finished.emit()
            return False
        self._playback = ExcerptPlayback(
            self._engine,
            excerpt,
            _Observer(self),
            self._relay.run.emit,
            volume=int(panel.volume),
            max_volume=int(panel.volume),
        )
        self.volumeChanged.emit()
        return True

    def _shown_size(self) -> tuple[int, int]:
        """The largest the picture is shown at, in device pixels: the player's item (the film's
        place in its panel, or the whole screen in the attract loop), never more than the screen.
        libVLC's converter scales each frame to this size on its own thread: a 4K film in a panel
        of 1280x720 costs a quarter of the copies and painting of one delivered at full size."""
        screen = self._screen_size()
        host = self.parent()
        if not isinstance(host, QQuickItem) or host.width() < 16 or host.height() < 16:
            return screen
        # Not host.window(): with PySide6 6.11 the wrapper that call makes took the kiosk's window
        # down with it once collected (the window was deleted under the running kiosk).
        screen_of = QGuiApplication.primaryScreen()
        ratio = screen_of.devicePixelRatio() if screen_of is not None else 1.0
        return (min(screen[0], math.ceil(host.width() * ratio)), min(screen[1], math.ceil(host.height() * ratio)))

    @staticmethod
    def _screen_size() -> tuple[int, int]:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return (1920, 1080)
        size = screen.size() * screen.devicePixelRatio()
        return (max(640, size.width()), max(360, size.height()))

    def _take_frame(self) -> None:
        frame = self._mailbox.take()
        if frame is None or self._playback is None:
            return
        self._frame = frame
        self._set_has_frame(True)
        self.frameChanged.emit()

    def _on_state(self, state: PlayerState) -> None:
        if state in (PlayerState.LOADING, PlayerState.PREPARING):
            # A new run: drop a frame of the old one still in the mailbox, but keep the picture
            # on screen (a replay goes from the last frame straight to the new first one).
            self._set_note("")
            self._mailbox.clear()
        elif state is PlayerState.ENDED and self._attract:
            # The attract loop switches to the next excerpt on `finished`: hold the last
            # frame until then, so that no poster or black frame comes between them.
            self._mailbox.clear()
        elif state in (PlayerState.IDLE, PlayerState.ENDED, PlayerState.ERROR, PlayerState.UNAVAILABLE):
            self._mailbox.clear()
            self._set_has_frame(False)
        self._set_state(state)
        if state in _ACTIVE:
            self._timer.start()
        else:
            self._timer.stop()
        self._update_position()

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            if state is PlayerState.ENDED:
                self._after_end = not self._attract
            elif state not in (PlayerState.PREPARING, PlayerState.READY):
                self._after_end = False
            self._state = state
            self._update_decoding_on_screen()
            self.stateChanged.emit()
            self._update_shows_frame()
            if state is PlayerState.ENDED:
                self._arm_settle()  # the visitor may well want it again

    def _update_shows_frame(self) -> None:
        if self._get_run_shown() != self._run_shown:
            self._run_shown = not self._run_shown
            self.runShownChanged.emit()
        waiting = self._state in (PlayerState.PREPARING, PlayerState.READY) and not self._attract
        shows = self._has_frame and not waiting
        if shows != self._shows_frame:
            self._shows_frame = shows
            self.showsFrameChanged.emit()

    def _arm_settle(self) -> None:
        """A panel on screen, or next to it, prepares its excerpt once it has stayed so ``settleMs``;
        any other forgets a settle under way."""
        if (self._current or self._neighbour) and not self._attract:
            self._settle.start()
        else:
            self._settle.stop()

    def _prepare_settled(self) -> None:
        if not (self._current or self._neighbour) or self._panel is None:
            return
        if self._state not in (PlayerState.IDLE, PlayerState.ENDED):
            return
        if not self._current and self._films.screen_busy:
            self._settle.start()  # after the panel on screen, not beside it: look again later
            return
        if not self._current and memory_is_short():
            return  # memory short: only the panel on screen prepares (kiosk/ui/memory_watch.py)
        self._films.set_prepared_beside(self._token, None if self._current else self.stop)
        self.prepare()

    def _update_decoding_on_screen(self) -> None:
        decoding = self._current and not self._attract and self._state in _ACTIVE
        self._films.set_decoding_on_screen(self._token, decoding)

    def _set_note(self, note: str) -> None:
        if note != self._note:
            self._note = note
            self.noteChanged.emit()

    def _set_has_frame(self, has: bool) -> None:
        if has != self._has_frame:
            self._has_frame = has
            self.hasFrameChanged.emit()
            self._update_shows_frame()

    def _tick(self) -> None:
        if self._playback is not None:
            self._playback.tick()
        self._update_position()

    def _update_position(self) -> None:
        position = self._playback.position_ms() if self._playback is not None else 0
        if position != self._position:
            self._position = position
            self.positionChanged.emit()
        self._update_caption()

    def _update_caption(self, *, force: bool = False) -> None:
        film_ms = None
        if (
            self._playback is not None
            and self._state in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.READY, PlayerState.LOADING)
            and self._has_frame
        ):
            film_ms = self._playback.film_position_ms()
        line = None if film_ms is None else self._captions.at(self._language, film_ms)
        text = "" if line is None else line.text
        rtl = is_rtl(self._language)
        if force or text != self._caption or rtl != self._caption_rtl:
            self._caption, self._caption_rtl = text, rtl
            self.captionChanged.emit()


def _release_state(state: dict[str, Any]) -> None:
    """Free the libVLC player, from the attributes alone: the QObject is already going.

    QML normally calls :meth:`ExcerptPlayer.release` first (``Component.onDestruction``); this is
    the safety net. It releases the engine without stopping the playback, because stopping would
    report to observers through signals of a QObject that no longer exists.
    """
    films = state.get("_films")
    if films is not None:
        films.set_decoding_on_screen(state.get("_token"), False)
        films.set_prepared_beside(state.get("_token"), None)
    engine = state.get("_engine")
    if engine is not None:
        engine.release()
