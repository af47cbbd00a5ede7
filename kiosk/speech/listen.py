"""The listen control's logic: what to play for the panel on screen, at what volume, and when to stop.

Free of Qt and vlc: the player is anything with :class:`SoundPlayer`'s methods (the kiosk gives
it :class:`kiosk.video.vlc_engine.VlcSoundPlayer`), and the player's events come back through
:meth:`ListenSession.player_event`, which the owner calls on its own thread (never from a
libVLC callback: libVLC must not be called back from its own threads).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.model.exhibition import Panel

if TYPE_CHECKING:
    from kiosk.speech.library import SpeechLibrary

#: The loudest the listen control goes unless staff set a lower limit (a booth, not a cinema).
DEFAULT_MAX_VOLUME = 70


class SoundPlayer(Protocol):
    def play(self, path: Path, listener: Callable[..., None], volume: int) -> None: ...

    def set_volume(self, volume: int) -> None: ...

    def stop(self) -> None: ...


class ListenState(enum.Enum):
    IDLE = "idle"  # nothing playing: the control offers to listen
    PLAYING = "playing"
    UNAVAILABLE = "unavailable"  # nothing to play for this panel and language


class ListenSession:
    """Plays the panel on screen in the visitor's language, on request only."""

    def __init__(
        self,
        library: SpeechLibrary,
        player: SoundPlayer,
        listener: Callable[..., None],
        *,
        max_volume: int = DEFAULT_MAX_VOLUME,
        volume: int | None = None,
    ) -> None:
        self.library = library
        self.player = player
        #: Handed to the player: called on the player's thread; the owner must come back through
        #: :meth:`player_event` on its own thread.
        self._listener = listener
        self.max_volume = max(0, min(100, max_volume))
        self._volume = self.max_volume if volume is None else self.clamp(volume)
        self.state = ListenState.IDLE
        self.playing_path: Path | None = None
        self.panel_id = ""
        self.language = ""

    def clamp(self, volume: int) -> int:
        return max(0, min(self.max_volume, int(volume)))

    @property
    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> int:
        """The visitor's volume, never above the staff's limit; returns what was set."""
        self._volume = self.clamp(volume)
        if self.state is ListenState.PLAYING:
            self.player.set_volume(self._volume)
        return self._volume

    def available(self, panel: Panel | None, language: str) -> bool:
        return panel is not None and self.library.for_panel(panel, language) is not None

    def listen(self, panel: Panel | None, language: str) -> ListenState:
        """Start reading ``panel`` in ``language`` (again from the start if it was playing)."""
        self.stop()
        path = self.library.for_panel(panel, language) if panel is not None else None
        if path is None:
            self.state = ListenState.UNAVAILABLE
            return self.state
        self.playing_path, self.panel_id, self.language = path, panel.id if panel else "", language
        self.state = ListenState.PLAYING
        self.player.play(path, self._listener, self._volume)
        return self.state

    def announce(self, path: Path) -> None:
        """Say a short label (what has the keypad's focus), cutting off whatever was playing."""
        self.stop()
        self.playing_path, self.panel_id, self.language = path, "", ""
        self.state = ListenState.PLAYING
        self.player.play(path, self._listener, self._volume)

    def toggle(self, panel: Panel | None, language: str) -> ListenState:
        if self.state is ListenState.PLAYING:
            self.stop()
            return self.state
        return self.listen(panel, language)

    def moved_on(self, panel_id: str, language: str) -> None:
        """The visitor went to another panel or language: what was being read stops."""
        if self.state is ListenState.PLAYING and (panel_id, language) != (self.panel_id, self.language):
            self.stop()

    def stop(self) -> None:
        if self.state is ListenState.PLAYING:
            self.player.stop()
        self.state = ListenState.IDLE
        self.playing_path = None

    def player_event(self, event: str) -> None:
        """An event of the player ("end-reached", "error", ...), on the owner's thread."""
        if event in ("end-reached", "error") and self.state is ListenState.PLAYING:
            self.state = ListenState.IDLE
            self.playing_path = None
