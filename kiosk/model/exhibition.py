"""The exhibition as the kiosk understands it: typed, immutable, free of Qt and vlc.

These dataclasses are the one description of the YAML format. A field's name is
its YAML key, its type hint says what the key holds, and :func:`spec` gives the
help text and limits; the loader and the JSON Schema are both derived from here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, ClassVar

from kiosk.model.captions import Cue
from kiosk.model.fields import COLOR_PATTERN, ID_PATTERN, MediaKind, spec
from kiosk.model.localized import Localized
from kiosk.model.media import MediaFile
from kiosk.model.on_demand import ChapterPanels, panel_ids
from kiosk.model.schedule import Schedule
from kiosk.model.timecode import Duration, Timecode

PanelId = Annotated[str, "id"]
Image = Annotated[MediaFile, MediaKind.IMAGE]
Video = Annotated[MediaFile, MediaKind.VIDEO]
Audio = Annotated[MediaFile, MediaKind.AUDIO]
Language = Annotated[str, "language"]


def _no_captions() -> Mapping[str, CaptionTrack]:
    return MappingProxyType({})


def _none_by_language() -> Mapping[str, MediaFile]:
    return MappingProxyType({})


def _narration() -> Mapping[str, MediaFile]:
    return spec(
        "Recorded narration of the panel, one sound file per language (WAV, Ogg, MP3, FLAC); "
        "where a language has none, the kiosk speaks the panel's text with its synthesiser.",
        default_factory=_none_by_language,
    )


def _sign_language() -> Mapping[str, MediaFile]:
    return spec(
        "A sign-language film of the panel per language (a film file, e.g. LSF for fr, BSL for en), "
        "shown in a corner on request.",
        default_factory=_none_by_language,
    )


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours and fonts of the whole exhibition."""

    background: str = spec("Screen background colour, #RRGGBB.", default="#14161A", pattern=COLOR_PATTERN)
    surface: str = spec("Colour of cards and tiles, #RRGGBB.", default="#20242B", pattern=COLOR_PATTERN)
    text: str = spec("Main text colour, #RRGGBB.", default="#F4F1EA", pattern=COLOR_PATTERN)
    muted: str = spec("Secondary text (credits, dates), #RRGGBB.", default="#B8B2A7", pattern=COLOR_PATTERN)
    accent: str = spec("Highlight colour (buttons, progress), #RRGGBB.", default="#E2A740", pattern=COLOR_PATTERN)
    font: str = spec("Font family for body text.", default="Noto Sans")
    heading_font: str = spec("Font family for titles.", default="Noto Serif")
    arabic_font: str = spec("Font family for Arabic text.", default="Noto Naskh Arabic")


@dataclass(frozen=True, slots=True)
class ExhibitionInfo:
    """Who the exhibition is, and in which languages it speaks."""

    id: str = spec("Short identifier, lowercase letters, digits and dashes.", pattern=ID_PATTERN)
    title: Localized = spec("Title shown on the home screen.")
    languages: tuple[Annotated[str, "language"], ...] = spec(
        "Language codes (fr, en, ar...) in the order the language switch shows them; the first is the default.",
        min_items=1,
        example=["fr", "en", "ar"],
    )
    subtitle: Localized | None = spec("A line under the title on the home screen.", default=None)
    media: str = spec(
        "The media folder, relative to this file. Every image, film and caption file must lie inside it.",
        default="media",
    )
    theme: Theme = spec("Colours and fonts.", default=Theme())
    listen_volume: int = spec(
        "Loudest volume of the listen control (spoken panels, audio description), 0 to 100.",
        default=70,
        minimum=0,
        maximum=100,
    )

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True, slots=True)
class Attract:
    """The loop shown while nobody touches the screen."""

    items: tuple[PanelId, ...] = spec("Ids of the panels the loop cycles through, in order.", min_items=1)
    invitation: Localized = spec("The invitation to touch, shown over the loop in every language.")
    idle_timeout: Duration = spec(
        "How long without a touch before the kiosk goes back to the loop (e.g. 90s, 2m).",
        default=Duration(90_000),
    )
    countdown: Duration = spec(
        "How long the 'still there?' countdown lasts before the reset.", default=Duration(10_000)
    )
    item_duration: Duration = spec(
        "How long each panel stays in the loop (a film excerpt plays to its end).",
        default=Duration(9_000),
    )


@dataclass(frozen=True, slots=True)
class TextPanel:
    """Text with light markup: blank lines between paragraphs, *emphasis*, **strong**, '- ' lists."""

    kind: ClassVar[str] = "text"
    id: str = spec("Unique id of the panel.", pattern=ID_PATTERN)
    title: Localized = spec("Heading of the panel.")
    body: Localized = spec("The text, with light markup.")
    image: Image | None = spec("An optional picture beside the text.", default=None)
    alt: Localized | None = spec(
        "What the picture beside the text shows, in words, for visitors who cannot see it well.", default=None
    )
    narration: Mapping[Language, Audio] = _narration()
    sign_language: Mapping[Language, Video] = _sign_language()


@dataclass(frozen=True, slots=True)
class QuotePanel:
    """Words someone said, who said them and when."""

    kind: ClassVar[str] = "quote"
    id: str = spec("Unique id of the panel.", pattern=ID_PATTERN)
    words: Localized = spec("The words quoted, without quotation marks.")
    who: Localized = spec("Who said them.")
    when: Localized | None = spec("When or where they said them.", default=None)
    title: Localized | None = spec("A heading shown in navigation.", default=None)
    narration: Mapping[Language, Audio] = _narration()
    sign_language: Mapping[Language, Video] = _sign_language()


@dataclass(frozen=True, slots=True)
class ImagePanel:
    """A picture, shown large; visitors can open it full screen and zoom."""

    kind: ClassVar[str] = "image"
    id: str = spec("Unique id of the panel.", pattern=ID_PATTERN)
    src: Image = spec("The image file (PNG, JPEG or WebP), inside the media folder.")
    alt: Localized = spec("What the picture shows, in words, for visitors who cannot see it well.")
    caption: Localized | None = spec("Caption under the picture.", default=None)
    credit: Localized | None = spec("Photographer, rights holder, or 'stand-in'.", default=None)
    title: Localized | None = spec("Heading of the panel.", default=None)
    focus: tuple[float, float] = spec(
        "The point of interest, as [x, y] fractions of width and height: the attract loop "
        "zooms toward it and, where it crops the picture, keeps it in view.",
        default=(0.5, 0.5),
        minimum=0.0,
        maximum=1.0,
    )
    narration: Mapping[Language, Audio] = _narration()
    sign_language: Mapping[Language, Video] = _sign_language()


@dataclass(frozen=True, slots=True)
class CaptionTrack:
    """A caption file for one language, with its cues already read."""

    file: MediaFile
    cues: tuple[Cue, ...] = ()


@dataclass(frozen=True, slots=True)
class DescribedMoment:
    """One audio-description cue: what the picture shows, spoken at a time of the film."""

    at: Timecode = spec("When to speak, timed on the film (like captions): SS, MM:SS or HH:MM:SS.mmm.")
    text: Localized = spec("What the picture shows at that moment, in a few words.")


@dataclass(frozen=True, slots=True)
class VideoPanel:
    """An excerpt of a longer film: the range from ``start`` to ``end``."""

    kind: ClassVar[str] = "video"
    id: str = spec("Unique id of the panel.", pattern=ID_PATTERN)
    src: Video = spec("The film (MP4, MKV, WebM...), inside the media folder.")
    start: Timecode = spec("Where the excerpt starts in the film: SS, MM:SS or HH:MM:SS.mmm.")
    end: Timecode = spec("Where the excerpt ends in the film: SS, MM:SS or HH:MM:SS.mmm.")
    poster: Image = spec("A still shown before the excerpt plays and after it ends.")
    title: Localized | None = spec("Heading of the panel.", default=None)
    description: Localized | None = spec("A line about the excerpt, shown beside the player.", default=None)
    credit: Localized | None = spec("Film title, director, rights holder.", default=None)
    captions: Mapping[Annotated[str, "language"], CaptionTrack] = spec(
        "Caption files (SRT or WebVTT) by language, timed on the film (not on the excerpt).",
        default_factory=_no_captions,
    )
    volume: int = spec("Loudest volume visitors may choose, 0 to 100.", default=80, minimum=0, maximum=100)
    audio_description: Mapping[Language, Audio] = spec(
        "A recorded audio-description track per language (a sound file as long as the excerpt, "
        "played with it for visitors who chose audio).",
        default_factory=_none_by_language,
    )
    described: tuple[DescribedMoment, ...] = spec(
        "Audio description as text: moments of the film, each spoken in a pause of the dialogue "
        "for visitors who chose audio (used where a language has no recorded track).",
        default=(),
    )
    narration: Mapping[Language, Audio] = _narration()
    sign_language: Mapping[Language, Video] = _sign_language()

    @property
    def duration_ms(self) -> int:
        return self.end.ms - self.start.ms

    def problems(self) -> list[tuple[str, str]]:
        """Checks across fields, reported by the loader at the field named."""
        if self.end <= self.start:
            return [("end", f"the excerpt must end after it starts ({self.start}), not at {self.end}")]
        outside = [moment.at for moment in self.described if not self.start <= moment.at < self.end]
        if outside:
            return [
                (
                    "described",
                    f"a description at {outside[0]} falls outside the excerpt ({self.start} to "
                    f"{self.end}): time it on the film, like the captions",
                )
            ]
        return []


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated moment on a timeline."""

    date: Localized = spec("The date as visitors read it: '2011', 'March 2018'.")
    text: Localized = spec("What happened.")
    title: Localized | None = spec("A short heading for the event.", default=None)


@dataclass(frozen=True, slots=True)
class TimelinePanel:
    """Dated events in order."""

    kind: ClassVar[str] = "timeline"
    id: str = spec("Unique id of the panel.", pattern=ID_PATTERN)
    title: Localized = spec("Heading of the timeline.")
    events: tuple[TimelineEvent, ...] = spec("The events, oldest first.", min_items=1)
    image: Image | None = spec("An optional picture (a map, a drawing) beside the timeline.", default=None)
    alt: Localized | None = spec(
        "What the picture beside the timeline shows, in words, for visitors who cannot see it well.", default=None
    )
    narration: Mapping[Language, Audio] = _narration()
    sign_language: Mapping[Language, Video] = _sign_language()


@dataclass(frozen=True, slots=True)
class PlaceholderPanel:
    """Stands in for a panel the loader could not understand, so the booth never goes dark.

    Never written in YAML: the loader makes it, and the screen shows staff what is wrong.
    """

    kind: ClassVar[str] = "placeholder"
    id: str
    problems: tuple[str, ...]
    title: Localized | None = None


Panel = TextPanel | QuotePanel | ImagePanel | VideoPanel | TimelinePanel | PlaceholderPanel
#: The panel kinds a YAML file may use, by the value of their ``type`` key.
PANEL_TYPES: Mapping[str, type] = MappingProxyType(
    {cls.kind: cls for cls in (TextPanel, QuotePanel, ImagePanel, VideoPanel, TimelinePanel)}
)


@dataclass(frozen=True, slots=True)
class Chapter:
    """A part of the story: a row of panels visitors move through by swiping."""

    id: str = spec("Unique id of the chapter.", pattern=ID_PATTERN)
    title: Localized = spec("Title on the chapter's tile.")
    panels: tuple[Panel, ...] = spec("The panels, in reading order.", min_items=1)
    summary: Localized | None = spec("A line under the title on the tile.", default=None)
    cover: Image | None = spec("Picture on the chapter's tile.", default=None)

    @property
    def panel_ids(self) -> tuple[str, ...]:
        """The ids of the panels, in order, without unpacking packed panels (on_demand.py)."""
        return panel_ids(self.panels)

    def packed(self) -> Chapter:
        """The same chapter with its panels packed until read (kiosk/model/on_demand.py)."""
        if isinstance(self.panels, ChapterPanels):
            return self
        # The field's type says tuple: a ChapterPanels reads as one wherever the kiosk reads panels.
        return dataclasses.replace(self, panels=ChapterPanels.of(self.panels))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Exhibition:
    """A whole exhibition, loaded and checked."""

    exhibition: ExhibitionInfo = spec("Who the exhibition is and which languages it speaks.")
    attract: Attract = spec("The loop shown while nobody touches the screen.")
    chapters: tuple[Chapter, ...] = spec("The chapters, shown as tiles on the home screen.", min_items=1)
    schedule: Schedule | None = spec("Opening hours; without them the kiosk is always open.", default=None)
    version: int = spec("Version of this format; 1.", default=1, minimum=1, maximum=1)
    source: Path = field(default=Path(), compare=False, metadata={"internal": True})
    media_root: Path = field(default=Path(), compare=False, metadata={"internal": True})

    @property
    def info(self) -> ExhibitionInfo:
        return self.exhibition

    @property
    def languages(self) -> tuple[str, ...]:
        return self.exhibition.languages

    @property
    def default_language(self) -> str:
        return self.exhibition.default_language

    def packed(self) -> Exhibition:
        """The same exhibition with each chapter's panels packed until read (on_demand.py): what
        the running kiosk holds, so that its memory follows the screen, not the file."""
        return dataclasses.replace(self, chapters=tuple(chapter.packed() for chapter in self.chapters))

    def panels(self) -> Iterator[tuple[Chapter, Panel]]:
        for chapter in self.chapters:
            for panel in chapter.panels:
                yield chapter, panel

    def find_panel(self, panel_id: str) -> tuple[int, int] | None:
        """(chapter index, panel index) of the panel with this id."""
        for chapter_index, chapter in enumerate(self.chapters):
            ids = chapter.panel_ids
            if panel_id in ids:
                return chapter_index, ids.index(panel_id)
        return None

    def panel(self, panel_id: str) -> Panel | None:
        where = self.find_panel(panel_id)
        return None if where is None else self.chapters[where[0]].panels[where[1]]
