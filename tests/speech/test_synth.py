"""The real synthesiser: each language's speech is real audio, of a plausible length."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.speech.audio import measure_wav
from kiosk.speech.synth import SpeechError, find_synthesiser, synthesise, voice_for

pytestmark = pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")

SENTENCES = {
    "fr": "Amani Ballour a dirigé un hôpital souterrain dans la Ghouta orientale pendant la guerre.",
    "en": "Amani Ballour ran an underground hospital in Eastern Ghouta during the war.",
    "ar": "أدارت أماني بلور مستشفى تحت الأرض في الغوطة الشرقية خلال الحرب.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_speech_is_real_audio_of_plausible_length(language: str, tmp_path: Path) -> None:
    text = SENTENCES[language]
    out = synthesise(text, voice_for(language), tmp_path / f"{language}.wav")
    measure = measure_wav(out)
    words = len(text.split())
    expected_s = words / 160 * 60  # the voice's rate is 160 words per minute
    # Plausible: within a factor of two of the rate (espeak-ng's words differ in length by language).
    assert expected_s / 2 < measure.duration_s < expected_s * 2, (measure, expected_s)
    assert measure.rms > 0.02, f"{language}: nearly silent ({measure.rms:.4f} RMS)"
    assert measure.voiced_fraction > 0.5, f"{language}: mostly silence ({measure.voiced_fraction:.0%} voiced)"


def test_longer_text_gives_longer_speech(tmp_path: Path) -> None:
    short = measure_wav(synthesise("Bonjour.", voice_for("fr"), tmp_path / "short.wav"))
    long = measure_wav(synthesise(SENTENCES["fr"], voice_for("fr"), tmp_path / "long.wav"))
    assert long.duration_s > 3 * short.duration_s


def test_empty_text_is_refused_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(SpeechError, match="no text to speak"):
        synthesise("   \n", voice_for("en"), tmp_path / "empty.wav")
    assert not (tmp_path / "empty.wav").exists()


def test_text_starting_with_a_dash_is_spoken_not_read_as_an_option(tmp_path: Path) -> None:
    out = synthesise("-v xx --help", voice_for("en"), tmp_path / "dash.wav")
    assert measure_wav(out).duration_s > 0.5


def test_missing_synthesiser_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SpeechError, match="espeak-ng is not installed"):
        synthesise("Hello", voice_for("en"), tmp_path / "x.wav")


def test_language_without_a_voice_is_refused() -> None:
    with pytest.raises(SpeechError, match="no voice for the language 'xx'"):
        voice_for("xx")
