"""How much of an exhibition every visitor can get: the accessibility count staff read on the proof.

Counted from the model and the rendered speech folder, without Qt, so the proof summary and
``kiosk validate`` say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.exhibition import (
    Exhibition,
    ImagePanel,
    PlaceholderPanel,
    TextPanel,
    TimelinePanel,
    VideoPanel,
)
from kiosk.speech.library import SpeechLibrary


@dataclass(frozen=True, slots=True)
class Coverage:
    panels: int
    heard: dict[str, int]  # language -> panels with recorded narration or up-to-date rendered speech
    recorded: int  # panel x language pairs with a recorded narration
    pictures: int
    described_pictures: int  # pictures with alternative text
    films: int
    captioned: dict[str, int]  # language -> films with captions in it
    audio_described: int  # films with a description track or timed description text
    signed: int  # panels with a sign-language film in at least one language

    def lines(self) -> list[str]:
        languages = sorted(self.heard)
        heard = ", ".join(f"{lang} {self.heard[lang]}/{self.panels}" for lang in languages)
        captioned = ", ".join(f"{lang} {self.captioned[lang]}/{self.films}" for lang in languages)
        return [
            f"Heard (listen control): {heard}; {self.recorded} recorded narrations",
            f"Pictures with alternative text: {self.described_pictures}/{self.pictures}",
            f"Films captioned: {captioned}; with audio description: {self.audio_described}/{self.films}",
            f"Panels with sign language: {self.signed}/{self.panels}",
        ]

    @property
    def complete(self) -> bool:
        return (
            all(count == self.panels for count in self.heard.values())
            and self.described_pictures == self.pictures
            and all(count == self.films for count in self.captioned.values())
            and self.audio_described == self.films
        )


def coverage(exhibition: Exhibition, library: SpeechLibrary | None = None) -> Coverage:
    library = library or SpeechLibrary(exhibition)
    languages = exhibition.languages
    panels = [panel for _, panel in exhibition.panels() if not isinstance(panel, PlaceholderPanel)]
    heard = {lang: sum(1 for panel in panels if library.for_panel(panel, lang) is not None) for lang in languages}
    pictures = described = 0
    for panel in panels:
        if isinstance(panel, ImagePanel):
            pictures += 1
            described += 1  # alt is required on a picture panel
        elif isinstance(panel, TextPanel | TimelinePanel) and panel.image is not None:
            pictures += 1
            described += panel.alt is not None
    films = [panel for panel in panels if isinstance(panel, VideoPanel)]
    return Coverage(
        panels=len(panels),
        heard=heard,
        recorded=sum(
            1
            for panel in panels
            for lang in languages
            if (media := panel.narration.get(lang)) is not None and media.usable
        ),
        pictures=pictures,
        described_pictures=described,
        films=len(films),
        captioned={lang: sum(1 for film in films if lang in film.captions) for lang in languages},
        audio_described=sum(1 for film in films if film.audio_description or film.described),
        signed=sum(1 for panel in panels if panel.sign_language),
    )
