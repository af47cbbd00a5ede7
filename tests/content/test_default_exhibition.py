"""The exhibition we ship (config/exhibition.yaml): valid, complete in three languages, honest."""

from __future__ import annotations

import re

from kiosk.loader import LoadResult
from kiosk.model.exhibition import (
    PANEL_TYPES,
    Exhibition,
    ImagePanel,
    PlaceholderPanel,
    QuotePanel,
    TextPanel,
    TimelinePanel,
    VideoPanel,
)

from .helpers import DEFAULT_CONFIG, localized_texts, problems_text

LANGUAGES = ("fr", "en", "ar")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def loaded(result: LoadResult) -> Exhibition:
    assert result.exhibition is not None, problems_text(result)
    return result.exhibition


def test_loads_without_errors_or_warnings(default_result: LoadResult) -> None:
    assert default_result.ok, problems_text(default_result)
    assert default_result.problems == (), problems_text(default_result)


def test_first_line_points_editors_at_the_schema() -> None:
    first = DEFAULT_CONFIG.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=exhibition.schema.json"


def test_shape_of_the_story(default_result: LoadResult) -> None:
    exhibition = loaded(default_result)
    assert exhibition.languages == LANGUAGES
    assert 4 <= len(exhibition.chapters) <= 6
    kinds = {panel.kind for _, panel in exhibition.panels()}
    assert kinds == set(PANEL_TYPES), f"panel kinds used: {sorted(kinds)}"
    assert not any(isinstance(panel, PlaceholderPanel) for _, panel in exhibition.panels())
    assert all(chapter.cover is not None for chapter in exhibition.chapters)


def test_every_text_is_written_in_french_english_and_arabic(default_result: LoadResult) -> None:
    exhibition = loaded(default_result)
    incomplete = []
    for path, text in localized_texts(exhibition):
        if text.missing(LANGUAGES) or any(not (text.get(lang) or "").strip() for lang in LANGUAGES):
            incomplete.append(path)
    assert not incomplete, f"texts missing a language: {incomplete}"


def test_each_language_is_really_that_language(default_result: LoadResult) -> None:
    """Catches an English text pasted into the Arabic or French slot."""
    exhibition = loaded(default_result)
    wrong = []
    for path, text in localized_texts(exhibition):
        if text.is_universal:
            continue  # dates such as "2016" serve every language
        arabic, english, french = text.get("ar") or "", text.get("en") or "", text.get("fr") or ""
        if LATIN_LETTER.search(arabic) and not ARABIC_LETTER.search(arabic):
            wrong.append(f"{path}.ar")
        if ARABIC_LETTER.search(english) or ARABIC_LETTER.search(french):
            wrong.append(f"{path}.en/fr")
        if len(english) > 30 and french == english:
            wrong.append(f"{path}.fr")
    assert not wrong, f"texts in the wrong language: {wrong}"


def test_every_text_panel_uses_light_markup_somewhere(default_result: LoadResult) -> None:
    bodies = [
        panel.body.get("en") or "" for _, panel in loaded(default_result).panels() if isinstance(panel, TextPanel)
    ]
    joined = "\n".join(bodies)
    assert "\n\n" in joined, "paragraphs"
    assert re.search(r"(?<!\*)\*[^*\n]+\*(?!\*)", joined), "*emphasis*"
    assert re.search(r"\*\*[^*\n]+\*\*", joined), "**strong**"
    assert re.search(r"^- ", joined, re.MULTILINE), "'- ' list"


def test_video_excerpts_have_captions_in_every_language_inside_their_range(default_result: LoadResult) -> None:
    videos = [panel for _, panel in loaded(default_result).panels() if isinstance(panel, VideoPanel)]
    assert len(videos) >= 2
    for panel in videos:
        assert panel.start < panel.end, panel.id
        assert set(panel.captions) == set(LANGUAGES), panel.id
        for language, track in panel.captions.items():
            inside = [cue for cue in track.cues if panel.start.ms <= cue.start_ms and cue.end_ms <= panel.end.ms]
            assert len(inside) >= 3, f"{panel.id} ({language}): captions are not timed inside the excerpt"
            # The first cue says, in the visitor's language, that this clip is a stand-in.
            first = min(inside, key=lambda cue: cue.start_ms)
            assert first.start_ms - panel.start.ms <= 2000, f"{panel.id} ({language}): captions start late"
            assert "[" in first.text, f"{panel.id} ({language}): first cue should announce the stand-in clip"


def test_attract_loop_mixes_pictures_words_dates_and_film(default_result: LoadResult) -> None:
    exhibition = loaded(default_result)
    kinds = {type(exhibition.panel(item)) for item in exhibition.attract.items}
    assert {ImagePanel, QuotePanel, TimelinePanel, VideoPanel} <= kinds


def test_the_credits_panel_says_plainly_what_is_a_stand_in(default_result: LoadResult) -> None:
    exhibition = loaded(default_result)
    about = exhibition.panel("about")
    assert isinstance(about, TextPanel)
    assert about is exhibition.chapters[-1].panels[-1], "the credits close the visit"
    for language, word in (("fr", "provisoire"), ("en", "stand-in"), ("ar", "مؤقت")):
        assert word in (about.body.get(language) or "").lower(), language


def test_markup_leaves_no_stray_asterisks(default_result: LoadResult) -> None:
    """Emphasis glued to a letter (Arabic 'و*كلمة*') is not markup: it would show the asterisks."""
    from kiosk.text.markup import to_styled_text  # pure Python: the renderer the kiosk uses

    stray = []
    for _, panel in loaded(default_result).panels():
        if isinstance(panel, TextPanel):
            for language, body in panel.body.texts:
                if "*" in to_styled_text(body):
                    stray.append(f"{panel.id}.{language}")
    assert not stray, f"asterisks left after markup: {stray}"


def test_arabic_is_not_slanted(default_result: LoadResult) -> None:
    """Arabic has no italics (Qt would slant the glyphs): use **strong** or «» instead."""
    slanted = [
        panel.id
        for _, panel in loaded(default_result).panels()
        if isinstance(panel, TextPanel) and re.search(r"(?<!\*)\*(?!\*)", panel.body.get("ar") or "")
    ]
    assert not slanted, f"*emphasis* in Arabic: {slanted}"
