"""The bundled exhibition can be heard whole: every panel in fr, en and ar, and its films described."""

from __future__ import annotations

from pathlib import Path

from kiosk.model.exhibition import Exhibition, VideoPanel
from kiosk.speech.audio import measure_wav
from kiosk.speech.coverage import coverage
from kiosk.speech.library import SpeechLibrary


def test_every_panel_heard_in_every_language_and_every_film_described(
    bundled: Exhibition, bundled_speech: Path
) -> None:
    library = SpeechLibrary(bundled, bundled_speech)
    count = coverage(bundled, library)
    assert count.complete, count.lines()
    assert set(count.heard) == {"fr", "en", "ar"} and count.films == 3 and count.audio_described == 3
    for _, panel in bundled.panels():
        for language in bundled.languages:
            path = library.for_panel(panel, language)
            assert path is not None, (panel.id, language)
            measure = measure_wav(path)
            assert measure.duration_s > 1.0 and measure.rms > 0.02, (panel.id, language, measure)
        if isinstance(panel, VideoPanel):
            assert all(library.described(panel, language) for language in bundled.languages), panel.id
