"""What a panel says aloud, in one language: pure functions of the exhibition model.

The script is what the listen control reads: a panel's title, text, quote, the picture's
alternative text and caption, the timeline's events, a film's description. Each part is
spoken in the language its text is written in, so a text not yet translated is read by a
voice that can pronounce it rather than mangled by another language's voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kiosk.model.exhibition import (
    Exhibition,
    ImagePanel,
    Panel,
    PlaceholderPanel,
    QuotePanel,
    TextPanel,
    TimelinePanel,
    VideoPanel,
)
from kiosk.model.localized import ANY_LANGUAGE, Localized

_EMPHASIS = re.compile(r"\*{1,2}([^*]+)\*{1,2}")
_BULLET = re.compile(r"^\s*[-•]\s+", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")
_SENTENCE_END = (".", "!", "?", "…", ":", "؟", "!", "»", '"', "”")


@dataclass(frozen=True, slots=True)
class Part:
    """One stretch of speech: a text and the language it is written (and spoken) in."""

    language: str
    text: str


def plain(text: str) -> str:
    """Light markup (emphasis, list bullets) removed; paragraphs become sentence breaks."""
    text = _EMPHASIS.sub(r"\1", text)
    text = _BULLET.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return " ".join(_sentence(line) for line in lines if line)


def _sentence(line: str) -> str:
    # A heading or a list item has no full stop: give it one, so the voice pauses after it.
    return line if line.endswith(_SENTENCE_END) else line + "."


def _say(text: Localized | None, language: str, fallbacks: Iterable[str]) -> Iterator[Part]:
    if text is None:
        return
    resolved = text.resolve(language, fallbacks)
    spoken = plain(resolved.text)
    if spoken:
        yield Part(language if resolved.language == ANY_LANGUAGE else resolved.language, spoken)


def panel_script(panel: Panel, language: str, fallbacks: Iterable[str] = ()) -> tuple[Part, ...]:
    """What the listen control says for ``panel`` to a visitor reading ``language``."""
    fallbacks = tuple(fallbacks)
    texts: list[Localized | None] = []
    match panel:
        case TextPanel():
            texts = [panel.title, panel.body, panel.alt]
        case QuotePanel():
            texts = [panel.title, panel.words, panel.who, panel.when]
        case ImagePanel():
            texts = [panel.title, panel.alt, panel.caption]
        case VideoPanel():
            texts = [panel.title, panel.description]
        case TimelinePanel():
            texts = [panel.title, panel.alt]
            for event in panel.events:
                texts += [event.date, event.title, event.text]
        case PlaceholderPanel():
            texts = []
    parts: list[Part] = []
    for text in texts:
        for part in _say(text, language, fallbacks):
            if parts and parts[-1].language == part.language:
                parts[-1] = Part(part.language, f"{parts[-1].text} {part.text}")
            else:
                parts.append(part)
    return tuple(parts)


def description_script(panel: VideoPanel, language: str, fallbacks: Iterable[str] = ()) -> tuple[tuple[int, Part], ...]:
    """The excerpt's audio-description cues in ``language``: (ms on the film, what is said)."""
    fallbacks = tuple(fallbacks)
    return tuple((moment.at.ms, part) for moment in panel.described for part in _say(moment.text, language, fallbacks))


def has_speakable_text(panel: Panel, languages: Iterable[str]) -> bool:
    return any(panel_script(panel, language) for language in languages)


def fallbacks_for(exhibition: Exhibition, language: str) -> tuple[str, ...]:
    return tuple(lang for lang in exhibition.languages if lang != language)
