"""Access for every visitor, as QML sees it: listen, the keypad's focus, contrast, reach, sign language.

The logic lives in plain Python (kiosk.speech.listen, kiosk.navigation.keys, kiosk.theme); this
view model wires it to the visit and hands QML properties to bind to. Sound plays only when a
visitor asks, and stops when they move on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.model.exhibition import Panel, VideoPanel
from kiosk.navigation import Screen, Visit
from kiosk.navigation.events import AccessFeature, AccessUsed, ExcerptStarted, ExcerptStopped, VisitEvent
from kiosk.navigation.keys import Command, Key, KeyFocus, focus_order
from kiosk.speech.listen import ListenSession, ListenState, SoundPlayer
from kiosk.text import localize
from kiosk.theme.contrast import HIGH_CONTRAST
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.viewmodels.store import ExhibitionStore

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Access"]
log = logging.getLogger(__name__)

PlayerFactory = Callable[[], SoundPlayer]


def _vlc_player() -> SoundPlayer:
    from kiosk.video.vlc_engine import VlcSoundPlayer

    return VlcSoundPlayer()


@QmlElement
@QmlUncreatable("Made by KioskApp and handed to Main.qml.")
class Access(QObject):
    changed = Signal()
    focusChanged = Signal()
    #: Select on the panel itself: QML plays or pauses its film, or opens its picture.
    activatePanel = Signal()
    #: A key for the picture opened full screen: zoom_in, zoom_out or close_viewer.
    viewerAction = Signal(str)
    _soundEvent = Signal(str)  # emitted on a libVLC thread, delivered (queued) on this one
    _rendered = Signal()  # emitted by the background renderer's thread when it is done

    def __init__(
        self,
        visit: Visit,
        store: ExhibitionStore,
        *,
        player_factory: PlayerFactory | None = None,
        speech_folder: Path | None = None,
        max_volume: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.visit = visit
        self.store = store
        self._player_factory = player_factory or _vlc_player
        self._player: SoundPlayer | None = None
        self._speech_folder = speech_folder
        self._max_volume = max_volume
        self.session: ListenSession | None = None
        self.focus = KeyFocus()
        self._high_contrast = False
        self._seated = False
        self._signing = False
        self._help = False
        self._keys_used = False
        #: The visitor chose audio (pressed listen in this visit): films play with their description.
        self._audio_chosen = False
        self._viewer_open = False
        self._description_timers: list[QTimer] = []
        self._place = (visit.state.screen, visit.state.chapter, visit.state.panel, visit.state.language)
        self._soundEvent.connect(self._on_sound_event)
        # While the listen control reads, the visitor is listening, not gone: keep the visit awake.
        self._keepalive = QTimer(self)
        self._keepalive.timeout.connect(self._still_listening)
        self.changed.connect(self._sync_keepalive)
        self._rendered.connect(self._on_rendered)
        self._auto_render = False
        self._renderer: threading.Thread | None = None
        visit.add_observer(lambda _state: self._on_state())
        visit.add_listener(self._on_visit_event)
        store.exhibitionChanged.connect(self._on_exhibition)
        self._on_exhibition()

    def shutdown(self) -> None:
        """Silence and free the sound player (the kiosk is closing)."""
        if self.session is not None:
            self.session.stop()
        release = getattr(self._player, "release", None)
        if callable(release):
            release()
        self._player = None
        self.session = None

    def _sync_keepalive(self) -> None:
        if self._listening() and self.current_panel() is not None:
            if not self._keepalive.isActive():
                # A third of the idle timeout: the countdown never starts while the reading goes on.
                self._keepalive.start(max(100, round(self.visit.timeouts.idle * 1000 / 3)))
        else:
            self._keepalive.stop()

    def _still_listening(self) -> None:
        if self._listening():
            self.visit.touch()
        else:
            self._keepalive.stop()

    # --- rendering what is missing -----------------------------------------------------------
    def render_missing_speech(self) -> None:
        """From now on, render in the background whatever speech the exhibition lacks (at start and
        after a live reload), so that staff who edit a text never leave the kiosk reading the old
        one. Without espeak-ng nothing happens: panels with no rendering stay silent."""
        self._auto_render = True
        self._start_renderer()

    def _start_renderer(self) -> None:
        exhibition = self.store.exhibition
        if not self._auto_render or exhibition is None:
            return
        # The speech library and the synthesiser (hashlib, wave, subprocess) are imported when
        # speech is first needed, not with the view model, which the kiosk's first frame waits for.
        from kiosk.speech.library import SpeechLibrary, render, speech_folder
        from kiosk.speech.synth import find_synthesiser

        if find_synthesiser() is None:
            return
        if self._renderer is not None and self._renderer.is_alive():
            return  # the next exhibition change starts another pass once this one is done
        folder = self._speech_folder or speech_folder(exhibition)

        def run() -> None:
            try:
                # Finding what is missing reads every panel's text in every language: 10 ms for the
                # bundled exhibition, 220 ms for 1,000 panels, not to be taken from the UI thread.
                if not SpeechLibrary(exhibition, folder).missing():
                    return
                report = render(exhibition, folder)
                log.info("speech rendered in %s: %d new, %d unchanged", folder, report.rendered, report.reused)
            except OSError as error:
                log.warning("speech could not be rendered in %s: %s", folder, error)
            self._rendered.emit()

        self._renderer = threading.Thread(target=run, name="speech-render", daemon=True)
        self._renderer.start()

    def _on_rendered(self) -> None:
        if self.session is None or self.session.state is not ListenState.PLAYING:
            self.session = None  # the next listen reads the new manifest
        self.changed.emit()
        self._start_renderer()  # the exhibition may have changed meanwhile

    # --- wiring ------------------------------------------------------------------------------
    def _on_exhibition(self) -> None:
        if self.session is not None:
            self.session.stop()
        self.session = None
        self.changed.emit()
        self._start_renderer()

    def _session(self) -> ListenSession | None:
        exhibition = self.store.exhibition
        if exhibition is None:
            return None
        if self.session is None:
            if self._player is None:
                try:
                    self._player = self._player_factory()
                except Exception as error:  # no libVLC: the kiosk runs on, silent
                    log.warning("listen control without sound: %s", error)
                    return None
            from kiosk.speech.library import SpeechLibrary

            library = SpeechLibrary(exhibition, self._speech_folder)
            # The staff's limit: the exhibition's, and never above what the kiosk was started with.
            limit = min(self._max_volume, exhibition.info.listen_volume)
            self.session = ListenSession(library, self._player, self._from_player, max_volume=limit)
        return self.session

    def _from_player(self, kind: object, _detail: str = "") -> None:
        self._soundEvent.emit(str(getattr(kind, "value", kind)))  # a libVLC thread: hand over

    def _on_sound_event(self, event: str) -> None:
        if self.session is not None:
            was = self.session.state
            self.session.player_event(event)
            if self.session.state != was:
                self.changed.emit()

    def _on_state(self) -> None:
        state = self.visit.state
        place = (state.screen, state.chapter, state.panel, state.language)
        if place != self._place:
            self._place = place
            if self.session is not None and self.session.state is ListenState.PLAYING:
                self.session.moved_on(self._panel_id(), state.language)
            self._cancel_description()
            if state.screen is Screen.ATTRACT:
                # A visit ended: the next visitor starts with the kiosk as everyone sees it.
                self._high_contrast = self._seated = self._signing = self._help = self._keys_used = False
                self._audio_chosen = False
                if self.session is not None:
                    self.session.stop()
            else:
                self._signing = self._signing and self._sign_url() != ""
            self.focus.sync(self._order(), state.screen)
            self.focusChanged.emit()
            self.changed.emit()

    # --- audio description -------------------------------------------------------------------
    def _on_visit_event(self, event: VisitEvent) -> None:
        if isinstance(event, ExcerptStarted):
            self._describe(event.panel_id)
        elif isinstance(event, ExcerptStopped):
            self._cancel_description()

    def _describe(self, panel_id: str) -> None:
        """A film started: for a visitor who chose audio, speak its description cues at their times."""
        self._cancel_description()
        panel = self.current_panel()
        if not self._audio_chosen or not isinstance(panel, VideoPanel) or panel.id != panel_id:
            return
        session = self._session()
        if session is None:
            return
        language = self.visit.state.language
        recorded = panel.audio_description.get(language)
        if recorded is not None and recorded.usable:
            cues: tuple[tuple[int, Path], ...] = ((panel.start.ms, recorded.path),)
        else:
            cues = session.library.described(panel, language)
        if cues:
            self._count("audio_description")
        for at_ms, path in cues:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(max(0, at_ms - panel.start.ms))
            timer.timeout.connect(lambda p=path: self._speak_description(p))
            timer.start()
            self._description_timers.append(timer)

    def _speak_description(self, path: Path) -> None:
        if self.session is not None:
            self.session.announce(path)
            self.changed.emit()

    def _cancel_description(self) -> None:
        for timer in self._description_timers:
            timer.stop()
            timer.deleteLater()
        self._description_timers = []

    @property
    def describing(self) -> bool:
        return bool(self._description_timers)

    # --- what is on screen ---------------------------------------------------------------------
    def current_panel(self) -> Panel | None:
        state = self.visit.state
        exhibition = self.store.exhibition
        if exhibition is None or state.screen is not Screen.CHAPTER:
            return None
        if not 0 <= state.chapter < len(exhibition.chapters):
            return None
        panels = exhibition.chapters[state.chapter].panels
        return panels[state.panel] if 0 <= state.panel < len(panels) else None

    def _panel_id(self) -> str:
        panel = self.current_panel()
        return panel.id if panel is not None else ""

    def _order(self) -> tuple[str, ...]:
        return focus_order(
            self.visit.state, self.visit.shape, sign_language=self._sign_file() is not None, viewer=self._viewer_open
        )

    def _sign_file(self) -> Path | None:
        panel = self.current_panel()
        if panel is None:
            return None
        media = getattr(panel, "sign_language", {}).get(self.visit.state.language)
        return media.path if media is not None and media.usable else None

    def _sign_url(self) -> str:
        path = self._sign_file()
        return QUrl.fromLocalFile(str(path)).toString() if path is not None else ""

    def _count(self, feature: AccessFeature) -> None:
        self.visit.emit(AccessUsed(self.visit.clock.wall(), feature, self._panel_id()))

    # --- slots ---------------------------------------------------------------------------------
    @Slot()
    def listen(self) -> None:
        """The listen control: read the panel on screen (the key help at home); again stops."""
        self.visit.touch()
        session = self._session()
        if session is None:
            return
        if session.state is ListenState.PLAYING:
            session.stop()
        elif self.current_panel() is not None:
            if session.listen(self.current_panel(), self.visit.state.language) is ListenState.PLAYING:
                self._audio_chosen = True
                self._count("listen")
        else:
            self._say(localize.chrome("key_help", self.visit.state.language))
        self.changed.emit()

    @Slot(int)
    def setVolume(self, volume: int) -> None:
        session = self._session()
        if session is not None:
            session.set_volume(volume)
            self.changed.emit()

    @Slot(str)
    def toggle(self, name: str) -> None:
        self.visit.touch()
        match name:
            case "contrast":
                self._high_contrast = not self._high_contrast
            case "reach":
                self._seated = not self._seated
            case "sign_language":
                self._signing = not self._signing and self._sign_url() != ""
                if self._signing:
                    self._count("sign_language")
            case "large_text":
                self.visit.set_large_text(not self.visit.state.large_text)
            case "help":
                self._help = not self._help
        self.changed.emit()

    def touched(self) -> None:
        """A visitor touched the screen: the keypad's help, which stays while keys are pressed,
        makes way (it covered captions and buttons until the help key was pressed again)."""
        if self._help:
            self._help = False
            self.changed.emit()

    @Slot(bool)
    def setViewerOpen(self, opened: bool) -> None:
        """The picture viewer opened or closed (QML): the keys zoom and close it while it is open."""
        if opened != self._viewer_open:
            self._viewer_open = opened
            self.focus.sync(self._order(), self.visit.state.screen, force=True)
            self.focusChanged.emit()

    @Slot(str, result=bool)
    def press(self, key_name: str) -> bool:
        """One keypad key (left, right, up, down, select, back, help, listen); True when used."""
        try:
            key = Key(key_name)
        except ValueError:
            return False
        if not self._keys_used and self.visit.state.screen is not Screen.ATTRACT:
            self._keys_used = True
            self._count("keys")
        self.visit.touch()
        before = self.focus.focused
        command = self.focus.press(key, self.visit.state, self._order(), localize.is_rtl(self.visit.state.language))
        if command is not None:
            self._run(command)
        elif self.focus.focused != before:
            self.focusChanged.emit()
            self._say_focus()
        return True

    def _run(self, command: Command) -> None:
        visit = self.visit
        match command.action:
            case "wake":
                if visit.wake():
                    self._keys_used = True
                    self._count("keys")
            case "open_chapter":
                visit.open_chapter(int(command.argument or 0))
            case "next":
                visit.next_panel()
            case "previous":
                visit.previous_panel()
            case "home":
                visit.go_home()
            case "language":
                visit.set_language(str(command.argument))
                self._say_focus()
            case "toggle":
                self.toggle(str(command.argument))
            case "activate":
                self.activatePanel.emit()
            case "viewer":
                self.viewerAction.emit(str(command.argument))
            case "listen":
                self.listen()
            case "help":
                self._help = not self._help
                if self._help:
                    self._say(localize.chrome("key_help", visit.state.language))
                self.changed.emit()

    def _say_focus(self) -> None:
        label = self.focus_label()
        if label:
            self._say(label)

    def _say(self, text: str) -> None:
        """Speak a short label (what has the focus) if it was rendered; silence otherwise."""
        session = self._session()
        if session is None:
            return
        path = session.library.for_label(text, self.visit.state.language)
        if path is not None:
            session.announce(path)

    def focus_label(self) -> str:
        """What the focused control is called, in the visitor's language."""
        name, language = self.focus.focused, self.visit.state.language
        exhibition = self.store.exhibition
        if exhibition is None or not name:
            return ""
        if name.startswith("chapter:"):
            index = int(name.split(":", 1)[1])
            return exhibition.chapters[index].title.resolve(language, exhibition.languages).text
        if name.startswith("language:"):
            return localize.native_name(name.split(":", 1)[1])
        if name in ("zoom_in", "zoom_out", "close_viewer"):
            return localize.chrome({"close_viewer": "close"}.get(name, name), language)
        if name == "panel":
            panel = self.current_panel()
            title = getattr(panel, "title", None)
            return title.resolve(language, exhibition.languages).text if title else localize.chrome("panel", language)
        return localize.chrome(name, language)

    # --- properties ----------------------------------------------------------------------------
    def _listening(self) -> bool:
        return self.session is not None and self.session.state is ListenState.PLAYING

    def _listen_available(self) -> bool:
        session = self._session() if self.store.exhibition is not None else None
        panel = self.current_panel()
        return session is not None and (panel is None or session.available(panel, self.visit.state.language))

    def _palette(self) -> dict[str, Any]:
        theme: dict[str, Any] = dict(self.store.property("theme") or {})
        if self._high_contrast:
            theme.update(
                background=HIGH_CONTRAST.background,
                surface=HIGH_CONTRAST.surface,
                text=HIGH_CONTRAST.text,
                muted=HIGH_CONTRAST.muted,
                accent=HIGH_CONTRAST.accent,
            )
        return theme

    def _volume(self) -> int:
        return self.session.volume if self.session is not None else self._max_volume

    listening = Property(bool, _listening, notify=changed)
    listenAvailable = Property(bool, _listen_available, notify=changed)
    volume = Property(int, _volume, notify=changed)
    highContrast = Property(bool, lambda self: self._high_contrast, notify=changed)
    seatedReach = Property(bool, lambda self: self._seated, notify=changed)
    signLanguage = Property(bool, lambda self: self._signing, notify=changed)
    signLanguageAvailable = Property(bool, lambda self: self._sign_url() != "", notify=changed)
    signLanguageUrl = Property(str, _sign_url, notify=changed)
    helpShown = Property(bool, lambda self: self._help, notify=changed)
    keysUsed = Property(bool, lambda self: self._keys_used, notify=changed)
    palette = Property(dict, _palette, notify=changed)
    panelId = Property(str, _panel_id, notify=changed)
    focusName = Property(str, lambda self: self.focus.focused if self._keys_used else "", notify=focusChanged)
