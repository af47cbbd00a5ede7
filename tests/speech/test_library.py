"""Rendering a whole exhibition ahead of time, the cache, and what the kiosk finds to play."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.loader import load_exhibition
from kiosk.model.exhibition import Exhibition, VideoPanel
from kiosk.speech.audio import measure_wav
from kiosk.speech.library import SpeechLibrary, render
from kiosk.speech.script import panel_script, plain
from kiosk.speech.synth import find_synthesiser

needs_synth = pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")


def _load(path: Path) -> Exhibition:
    result = load_exhibition(path)
    assert result.exhibition is not None, result.errors
    return result.exhibition


def _panel(exhibition: Exhibition, panel_id: str):  # type: ignore[no-untyped-def]
    return next(panel for _, panel in exhibition.panels() if panel.id == panel_id)


def test_script_reads_title_text_and_events_in_the_language(speech_exhibition: Path) -> None:
    exhibition = _load(speech_exhibition)
    intro = panel_script(_panel(exhibition, "intro"), "en")
    assert [part.language for part in intro] == ["en"]
    assert intro[0].text == "A doctor in the war. She ran an underground hospital. Three years under the bombs."
    timeline = panel_script(_panel(exhibition, "dates"), "fr")
    assert timeline[0].text == "Les dates. 2012. Elle commence. 2018. Elle part."
    quote = panel_script(_panel(exhibition, "words"), "ar")
    assert quote[0].text.startswith("كان علينا أن نستمر")


def test_untranslated_text_is_spoken_by_its_own_language_voice(speech_exhibition: Path) -> None:
    text = speech_exhibition.read_text(encoding="utf-8").replace(", ar: طبيبة في الحرب", "")
    speech_exhibition.write_text(text, encoding="utf-8")
    exhibition = _load(speech_exhibition)
    parts = panel_script(_panel(exhibition, "intro"), "ar", ("fr", "en"))
    assert [part.language for part in parts] == ["fr", "ar"]


def test_markup_is_not_read_aloud() -> None:
    assert plain("**Strong** and *soft*\n\n- one\n- two") == "Strong and soft. one. two."


@needs_synth
def test_render_every_panel_and_cue_then_reuse_the_cache(speech_exhibition: Path, tmp_path: Path) -> None:
    exhibition = _load(speech_exhibition)
    out = tmp_path / "speech"
    first = render(exhibition, out)
    # 4 panels x 3 languages, one description cue x 3 languages, and 19 labels x 3 languages for the
    # keypad's focus speech (the language's name, 14 words of the kiosk's own, 4 titles). The film's
    # panel says just its title, so its label is the same rendering, made once per language.
    assert (first.rendered, first.reused, first.failed) == (69, 3, ())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["entries"]["described/film/0/en"]["at_ms"] == 500
    library = SpeechLibrary(exhibition, out)
    for language in exhibition.languages:
        path = library.for_panel(_panel(exhibition, "intro"), language)
        assert path is not None and measure_wav(path).duration_s > 2
    film = _panel(exhibition, "film")
    assert isinstance(film, VideoPanel)
    assert [at for at, _ in library.described(film, "ar")] == [500]
    again = render(exhibition, out)
    assert (again.rendered, again.reused, again.removed) == (0, 72, 0)
    assert library.for_label("Le film", "fr") is not None
    assert library.for_label("Contraste élevé", "fr") is not None
    assert library.for_label("Never rendered", "fr") is None


@needs_synth
def test_changed_text_is_rendered_again_and_stale_speech_never_played(speech_exhibition: Path, tmp_path: Path) -> None:
    out = tmp_path / "speech"
    render(_load(speech_exhibition), out)
    text = speech_exhibition.read_text(encoding="utf-8").replace("A doctor in the war", "A doctor at war")
    speech_exhibition.write_text(text, encoding="utf-8")
    changed = _load(speech_exhibition)
    stale = SpeechLibrary(changed, out)
    assert stale.for_panel(_panel(changed, "intro"), "en") is None
    assert stale.missing() == ["panel/intro/en", "label/en/A doctor at war."]
    report = render(changed, out)
    assert (report.rendered, report.removed) == (2, 2)
    assert SpeechLibrary(changed, out).for_panel(_panel(changed, "intro"), "en") is not None


def test_recorded_narration_comes_first(speech_exhibition: Path, tmp_path: Path) -> None:
    media = speech_exhibition.parent / "media"
    (media / "narration").mkdir()
    _tone(media / "narration" / "intro.fr.wav")
    text = speech_exhibition.read_text(encoding="utf-8").replace(
        "        type: text\n", "        type: text\n        narration: {fr: narration/intro.fr.wav}\n", 1
    )
    speech_exhibition.write_text(text, encoding="utf-8")
    exhibition = _load(speech_exhibition)
    library = SpeechLibrary(exhibition, tmp_path / "nothing-rendered")
    assert library.for_panel(_panel(exhibition, "intro"), "fr") == media / "narration" / "intro.fr.wav"
    assert library.for_panel(_panel(exhibition, "intro"), "en") is None  # nothing rendered: silence, no crash
    assert library.problem is not None and "kiosk speak" in library.problem


def test_silence_measures_as_silence(tmp_path: Path) -> None:
    path = tmp_path / "silence.wav"
    with wave.open(str(path), "wb") as stream:
        stream.setparams((1, 2, 22050, 0, "NONE", "not compressed"))
        stream.writeframes(b"\0\0" * 22050)
    measure = measure_wav(path)
    assert measure.duration_s == pytest.approx(1.0) and measure.rms == 0 and measure.voiced_fraction == 0


@needs_synth
def test_kiosk_speak_command(speech_exhibition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk_main(["speak", str(speech_exhibition), "--out", str(tmp_path / "out")]) == 0
    assert "69 rendered, 3 unchanged" in capsys.readouterr().out
    assert kiosk_main(["speak", str(tmp_path / "nope.yaml")]) == 2


def test_kiosk_speak_without_synthesiser(
    speech_exhibition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert kiosk_main(["speak", str(speech_exhibition)]) == 2
    assert "espeak-ng is not installed" in capsys.readouterr().err


def _tone(path: Path, seconds: float = 1.0) -> None:
    import math
    import struct

    rate = 22050
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(int(rate * seconds))
    )
    with wave.open(str(path), "wb") as stream:
        stream.setparams((1, 2, rate, 0, "NONE", "not compressed"))
        stream.writeframes(frames)
