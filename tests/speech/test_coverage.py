"""The accessibility count on the proof summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.speech.coverage import coverage
from kiosk.speech.library import SpeechLibrary, render
from kiosk.speech.synth import find_synthesiser


@pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")
def test_count_before_and_after_speech_is_rendered(speech_exhibition: Path, tmp_path: Path) -> None:
    exhibition = load_exhibition(speech_exhibition).exhibition
    assert exhibition is not None
    before = coverage(exhibition, SpeechLibrary(exhibition, tmp_path / "speech"))
    assert before.heard == {"fr": 0, "en": 0, "ar": 0}
    assert not before.complete
    render(exhibition, tmp_path / "speech")
    after = coverage(exhibition, SpeechLibrary(exhibition, tmp_path / "speech"))
    assert after.heard == {"fr": 4, "en": 4, "ar": 4}
    assert (after.films, after.audio_described, after.captioned["fr"]) == (1, 1, 0)
    assert after.lines()[0] == "Heard (listen control): ar 4/4, en 4/4, fr 4/4; 0 recorded narrations"
    assert "Films captioned: ar 0/1, en 0/1, fr 0/1; with audio description: 1/1" in after.lines()
