"""kiosk doctor says whether visitors can hear every panel, and what to do when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.doctor.findings import Status
from kiosk.doctor.speech import check_speech
from kiosk.loader import load_exhibition
from kiosk.speech.library import SpeechLibrary, render
from kiosk.speech.synth import find_synthesiser


def test_no_speech_rendered_and_no_synthesiser(
    speech_exhibition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exhibition = load_exhibition(speech_exhibition).exhibition
    assert exhibition is not None
    monkeypatch.setenv("PATH", str(tmp_path))
    finding = check_speech(exhibition, SpeechLibrary(exhibition, tmp_path / "speech"))
    assert finding.status is Status.WARN
    assert "espeak-ng is not installed and 72 texts have no rendered speech" in finding.summary


@pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")
def test_all_rendered_is_ok(speech_exhibition: Path, tmp_path: Path) -> None:
    exhibition = load_exhibition(speech_exhibition).exhibition
    assert exhibition is not None
    assert check_speech(exhibition, SpeechLibrary(exhibition, tmp_path / "speech")).status is Status.WARN
    render(exhibition, tmp_path / "speech")
    finding = check_speech(exhibition, SpeechLibrary(exhibition, tmp_path / "speech"))
    assert finding.status is Status.OK, finding
