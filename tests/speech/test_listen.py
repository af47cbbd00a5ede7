"""The listen control's session on real libVLC and real rendered speech, heard through a sound tap."""

from __future__ import annotations

import array
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.model.exhibition import Exhibition, Panel
from kiosk.speech.audio import measure_wav
from kiosk.speech.library import SpeechLibrary, render
from kiosk.speech.listen import ListenSession, ListenState
from kiosk.speech.synth import find_synthesiser
from kiosk.video import vlc_engine

pytestmark = [
    pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed"),
    pytest.mark.skipif(not vlc_engine.probe().available, reason="libVLC is not usable"),
]
TIMEOUT_S = 10.0


class Ear:
    """What the loudspeaker would have played: samples counted, the first loud one timed."""

    def __init__(self) -> None:
        self.samples = 0
        self.loud = threading.Event()
        self.any = threading.Event()
        self.ended = threading.Event()
        self.events: list[str] = []

    def tap(self, data: bytes, at: float) -> None:
        block = array.array("h")
        block.frombytes(data)
        self.samples += len(block)
        self.any.set()
        if block and max(abs(s) for s in block) > 1000:
            self.loud.set()

    def event(self, kind: object, detail: str = "") -> None:
        name = getattr(kind, "value", str(kind))
        self.events.append(name)
        if name == "end-reached":
            self.ended.set()

    def reset(self) -> None:
        self.samples = 0
        for flag in (self.loud, self.any, self.ended):
            flag.clear()


@pytest.fixture
def rendered(speech_exhibition: Path, tmp_path: Path) -> tuple[Exhibition, SpeechLibrary]:
    exhibition = load_exhibition(speech_exhibition).exhibition
    assert exhibition is not None
    render(exhibition, tmp_path / "speech")
    return exhibition, SpeechLibrary(exhibition, tmp_path / "speech")


@pytest.fixture
def ear() -> Iterator[tuple[Ear, vlc_engine.VlcSoundPlayer]]:
    ear = Ear()
    player = vlc_engine.VlcSoundPlayer(tap=ear.tap)
    yield ear, player
    player.release()


def _panel(exhibition: Exhibition, panel_id: str) -> Panel:
    return next(panel for _, panel in exhibition.panels() if panel.id == panel_id)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_listen_plays_the_panel_in_the_language_to_its_end(rendered, ear, language: str) -> None:  # type: ignore[no-untyped-def]
    exhibition, library = rendered
    listener, player = ear
    session = ListenSession(library, player, listener.event)
    words = _panel(exhibition, "words")
    assert session.listen(words, language) is ListenState.PLAYING
    expected = library.for_panel(words, language)
    assert session.playing_path == expected and expected is not None
    assert listener.loud.wait(TIMEOUT_S), "no sound came out"
    assert listener.ended.wait(TIMEOUT_S)
    session.player_event("end-reached")
    assert session.state is ListenState.IDLE
    heard_s = listener.samples / vlc_engine.SOUND_TAP_RATE
    # What came out is this language's rendering, whole: its length, give or take libVLC's last block.
    assert heard_s == pytest.approx(measure_wav(expected).duration_s, abs=0.6)


def test_moving_on_stops_the_speech(rendered, ear) -> None:  # type: ignore[no-untyped-def]
    exhibition, library = rendered
    listener, player = ear
    session = ListenSession(library, player, listener.event)
    session.listen(_panel(exhibition, "intro"), "en")
    assert listener.loud.wait(TIMEOUT_S)
    session.moved_on("intro", "en")  # the same panel and language: keeps reading
    assert session.state is ListenState.PLAYING
    session.moved_on("dates", "en")
    assert session.state is ListenState.IDLE
    player.wait_stopped()
    listener.reset()
    assert not listener.any.wait(0.5), "sound kept coming after the visitor moved on"
    assert "end-reached" not in listener.events


def test_volume_never_above_the_staff_limit(rendered, ear) -> None:  # type: ignore[no-untyped-def]
    _, library = rendered
    listener, player = ear
    session = ListenSession(library, player, listener.event, max_volume=60, volume=90)
    assert session.volume == 60
    assert session.set_volume(100) == 60
    assert session.set_volume(20) == 20


def test_nothing_to_play_is_said_not_crashed(rendered, ear, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exhibition, _ = rendered
    listener, player = ear
    session = ListenSession(SpeechLibrary(exhibition, tmp_path / "none"), player, listener.event)
    assert session.listen(_panel(exhibition, "intro"), "fr") is ListenState.UNAVAILABLE
    assert session.listen(None, "fr") is ListenState.UNAVAILABLE
    assert not listener.any.wait(0.3)
