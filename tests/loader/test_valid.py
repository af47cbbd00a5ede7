"""What a valid exhibition turns into: every panel kind, every way of writing a value."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.model import (
    Duration,
    ImagePanel,
    Localized,
    PlaceholderPanel,
    QuotePanel,
    TextPanel,
    Timecode,
    TimelinePanel,
    VideoPanel,
)

FULL = Path(__file__).parent / "valid" / "full.yaml"
MEDIA = (Path(__file__).parent / "fixtures" / "media").resolve()


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """full.yaml with some text replaced (each old text must be there), written to tmp_path."""
    text = FULL.read_text(encoding="utf-8").replace("media: ../fixtures/media", f"media: {MEDIA.as_posix()}")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "exhibition.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_exhibition_loads_every_panel_kind() -> None:
    result = load_exhibition(FULL)
    assert result.ok, "\n".join(map(str, result.problems))
    assert result.problems == ()
    exhibition = result.exhibition
    assert exhibition is not None
    kinds = {type(panel) for _, panel in exhibition.panels()}
    assert kinds == {TextPanel, QuotePanel, ImagePanel, VideoPanel, TimelinePanel}
    assert exhibition.languages == ("fr", "en", "ar")
    assert exhibition.default_language == "fr"
    assert exhibition.media_root == MEDIA
    assert [chapter.id for chapter in exhibition.chapters] == ["first", "second"]
    assert exhibition.attract.items == ("portrait", "excerpt", "quote")


def test_panel_fields_are_converted() -> None:
    exhibition = load_exhibition(FULL).exhibition
    assert exhibition is not None
    text = exhibition.panel("intro")
    assert isinstance(text, TextPanel)
    assert "*emphasis*" in (text.body.get("fr") or "")
    assert text.image is not None and text.image.path == MEDIA / "images" / "photo.png" and text.image.usable
    image = exhibition.panel("portrait")
    assert isinstance(image, ImagePanel)
    assert image.focus == (0.5, 0.3)
    assert image.credit == Localized.of("stand-in")
    video = exhibition.panel("excerpt")
    assert isinstance(video, VideoPanel)
    assert (video.start, video.end, video.duration_ms) == (Timecode(0), Timecode(900), 900)
    assert video.volume == 60
    assert set(video.captions) == {"en", "fr", "ar"}
    assert [cue.text for cue in video.captions["fr"].cues] == ["Bonjour.", "Au revoir."]
    assert video.captions["en"].cues[1].start_ms == 500
    timeline = exhibition.panel("years")
    assert isinstance(timeline, TimelinePanel)
    assert [event.date.get("en") for event in timeline.events] == ["2011", "2018"]
    assert timeline.events[1].title is not None
    quote = exhibition.panel("quote")
    assert isinstance(quote, QuotePanel) and quote.when == Localized.of("2018")


def test_defaults_fill_what_is_left_out() -> None:
    exhibition = load_exhibition(FULL).exhibition
    assert exhibition is not None
    assert exhibition.version == 1
    assert exhibition.info.theme.text == "#F4F1EA"  # not written: the model's default
    assert exhibition.info.theme.accent == "#E2A740"
    image = exhibition.panel("portrait")
    assert isinstance(image, ImagePanel) and image.title is None


def test_localized_as_one_string_or_a_map() -> None:
    exhibition = load_exhibition(FULL).exhibition
    assert exhibition is not None
    assert exhibition.info.subtitle is not None and exhibition.info.subtitle.is_universal
    assert exhibition.info.subtitle.resolve("ar").text == "One subtitle for every language"
    assert exhibition.info.subtitle.resolve("ar").is_fallback is False
    title = exhibition.info.title
    assert title.resolve("ar").text == "معرض تجريبي"
    assert title.languages == {"fr", "en", "ar"}


@pytest.mark.parametrize(
    ("written", "ms"),
    [
        ('"7"', 7_000),
        ("7", 7_000),
        ("7.25", 7_250),
        ('"01:30"', 90_000),
        ("01:30", 90_000),  # unquoted: YAML 1.1 reads it as a base-60 number; the loader reads the text
        ('"1:02:03"', 3_723_000),
        ('"00:12:30.5"', 750_500),
        ('"00:12:30.500"', 750_500),
        ('"00:12:30,250"', 750_250),
        ('"00:00:00.007"', 7),
    ],
)
def test_timecode_forms(tmp_path: Path, written: str, ms: int) -> None:
    config = variant(
        tmp_path,
        ("src: video/clip.mp4", "src: video/long.mp4"),  # two hours long
        ('start: "00:00"', "start: 0"),
        ('end: "00:00:00.900"', f"end: {written}"),
    )
    result = load_exhibition(config)
    assert result.ok, "\n".join(map(str, result.errors))
    assert result.exhibition is not None
    video = result.exhibition.panel("excerpt")
    assert isinstance(video, VideoPanel) and video.end == Timecode(ms)


@pytest.mark.parametrize(
    ("written", "ms"),
    [
        ("90s", 90_000),
        ("1m30s", 90_000),
        ("500ms", 500),
        ("2min", 120_000),
        ("1h", 3_600_000),
        ("10", 10_000),
        ("2.5", 2_500),
        ('"45 s"', 45_000),
        ("1.5m", 90_000),
    ],
)
def test_duration_forms(tmp_path: Path, written: str, ms: int) -> None:
    config = variant(tmp_path, ("idle_timeout: 90s", f"idle_timeout: {written}"))
    result = load_exhibition(config)
    assert result.ok, "\n".join(map(str, result.errors))
    assert result.exhibition is not None and result.exhibition.attract.idle_timeout == Duration(ms)


def test_missing_translation_is_a_warning_not_an_error(tmp_path: Path) -> None:
    config = variant(tmp_path, ("words: {fr: Des mots, en: Words, ar: كلمات}", "words: {fr: Des mots, en: Words}"))
    result = load_exhibition(config)
    assert result.ok
    [warning] = result.warnings
    assert warning.severity == "warning"
    assert warning.path == "chapters[0].panels[1].words"
    assert "no Arabic (ar) text" in warning.message and "will see the French text instead" in warning.message
    line = next(n for n, text in enumerate(config.read_text("utf-8").splitlines(), 1) if "words:" in text)
    assert (warning.line, warning.column) == (line, 16)
    assert str(warning).endswith(f"{line}:16: chapters[0].panels[1].words: warning: {warning.message}")


def test_translation_fallback(tmp_path: Path) -> None:
    """The visitor chose Arabic; a text with no Arabic falls back, visibly, to the default language."""
    config = variant(tmp_path, ("words: {fr: Des mots, en: Words, ar: كلمات}", "words: {fr: Des mots, en: Words}"))
    exhibition = load_exhibition(config).exhibition
    assert exhibition is not None
    quote = exhibition.panel("quote")
    assert isinstance(quote, QuotePanel)
    resolved = quote.words.resolve("ar", (exhibition.default_language,))
    assert (resolved.text, resolved.language, resolved.is_fallback) == ("Des mots", "fr", True)
    assert quote.words.resolve("en", ("fr",)).is_fallback is False


def test_text_in_a_language_the_exhibition_does_not_speak_is_a_warning(tmp_path: Path) -> None:
    config = variant(
        tmp_path,
        (
            "who: Dr Amani Ballour",
            "who: {fr: Dr Amani Ballour, en: Dr Amani Ballour, ar: الدكتورة أماني بلور, de: Dr. Amani Ballour}",
        ),
    )
    result = load_exhibition(config)
    assert result.ok
    [warning] = result.warnings
    assert "'de'" in warning.message and warning.path == "chapters[0].panels[1].who"


def test_missing_captions_language_is_a_warning(tmp_path: Path) -> None:
    config = variant(tmp_path, ("          ar: captions/good.en.srt\n", ""))
    result = load_exhibition(config)
    assert result.ok
    [warning] = result.warnings
    assert warning.path == "chapters[1].panels[0].captions"
    assert "no captions in Arabic (ar)" in warning.message


def test_image_with_the_wrong_extension_is_a_warning(tmp_path: Path) -> None:
    config = variant(tmp_path, ("cover: images/photo.jpg", "cover: images/png-named.jpg"))
    result = load_exhibition(config)
    assert result.ok
    assert not result.warnings  # a chapter cover is not among the images checked for names...
    config = variant(tmp_path, ("src: images/photo.png", "src: images/png-named.jpg"))
    result = load_exhibition(config)
    assert result.ok
    [warning] = result.warnings
    assert "is a PNG image named '.jpg'" in warning.message


def test_a_broken_panel_becomes_a_placeholder_and_the_rest_loads(tmp_path: Path) -> None:
    config = variant(tmp_path, ("        type: quote\n", "        type: qoute\n"))
    result = load_exhibition(config)
    assert not result.ok
    [error] = result.errors
    assert "did you mean 'quote'" in error.message
    exhibition = result.exhibition
    assert exhibition is not None, "one broken panel must not darken the booth"
    placeholder = exhibition.panel("quote")
    assert isinstance(placeholder, PlaceholderPanel)
    assert placeholder.problems == (error.message,)
    assert isinstance(exhibition.panel("intro"), TextPanel)
    assert isinstance(exhibition.panel("excerpt"), VideoPanel)
    assert len(list(exhibition.panels())) == 5


def test_a_broken_chapter_becomes_a_placeholder_chapter(tmp_path: Path) -> None:
    config = variant(tmp_path, ("    title: {fr: Deuxième, en: Second, ar: الثاني}\n", ""))
    result = load_exhibition(config)
    exhibition = result.exhibition
    assert exhibition is not None
    [error] = result.errors
    assert "missing required key 'title'" in error.message
    second = exhibition.chapters[1]
    assert second.id == "second"
    assert second.title.get("en") == "⚠ second"  # the tile shows staff something is wrong
    # Its panels are fine and stay: the attract loop still finds the excerpt.
    assert [type(panel) for panel in second.panels] == [VideoPanel, TimelinePanel]
    assert isinstance(exhibition.chapters[0].panels[0], TextPanel)


def test_a_chapter_with_nothing_usable_becomes_one_placeholder_panel(tmp_path: Path) -> None:
    text = FULL.read_text(encoding="utf-8")
    second = text[text.index("    panels:\n      - id: excerpt") :]
    config = variant(tmp_path, (second, "    panels: nothing\n"))
    result = load_exhibition(config)
    assert result.exhibition is not None
    [panel] = result.exhibition.chapters[1].panels
    assert isinstance(panel, PlaceholderPanel) and panel.id == "second-problems"
    [reference, panels] = result.errors
    assert "no panel has the id 'excerpt'" in reference.message
    assert panel.problems == (panels.message,) and "should be a list" in panels.message


def test_unusable_media_keeps_its_panel_with_the_reason(tmp_path: Path) -> None:
    config = variant(tmp_path, ("src: images/photo.png", "src: images/truncated.png"))
    result = load_exhibition(config)
    [error] = result.errors
    exhibition = result.exhibition
    assert exhibition is not None
    image = exhibition.panel("portrait")
    assert isinstance(image, ImagePanel)
    assert not image.src.usable and image.src.problem is not None and image.src.problem in error.message


def test_a_broken_attract_section_falls_back_to_the_first_panels(tmp_path: Path) -> None:
    config = variant(tmp_path, ("  invitation: {fr: Touchez l'écran, en: Touch the screen, ar: المس الشاشة}\n", ""))
    result = load_exhibition(config)
    assert result.exhibition is not None
    assert result.exhibition.attract.items == ("intro", "excerpt")


def test_anchors_and_aliases_are_allowed(tmp_path: Path) -> None:
    config = variant(
        tmp_path,
        ("  invitation: {fr: Touchez l'écran", "  invitation: &touch {fr: Touchez l'écran"),
        ("        caption: A caption", "        caption: *touch"),
    )
    result = load_exhibition(config)
    assert result.ok, "\n".join(map(str, result.problems))
    assert result.exhibition is not None
    image = result.exhibition.panel("portrait")
    assert isinstance(image, ImagePanel) and image.caption == result.exhibition.attract.invitation


def test_a_utf8_bom_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    config = variant(tmp_path)
    config.write_bytes(b"\xef\xbb\xbf" + config.read_bytes().replace(b"\n", b"\r\n"))
    assert load_exhibition(config).ok


def test_loading_twice_gives_equal_exhibitions() -> None:
    assert load_exhibition(FULL).exhibition == load_exhibition(FULL).exhibition


def test_schedule_is_read() -> None:
    exhibition = load_exhibition(FULL).exhibition
    assert exhibition is not None and exhibition.schedule is not None
    schedule = exhibition.schedule
    assert schedule.weekly.monday == "closed"
    assert schedule.weekly.tuesday == "09:00-18:00"  # unquoted: YAML 1.1 would read 09:00 as a number
    assert schedule.weekly.thursday == "closed"  # a day not written is closed
    assert dict(schedule.exceptions) == {"2026-12-24": "09:00-14:00", "2026-12-25": "closed"}
    assert schedule.daily_restart == "06:00"
    assert schedule.timezone == "Europe/Paris"


def test_an_excerpt_past_the_end_of_its_film_is_an_error(tmp_path: Path) -> None:
    config = variant(tmp_path, ('end: "00:00:00.900"', 'end: "00:00:01.050"'))
    assert load_exhibition(config).ok  # within the slack: films end on a frame, staff round
    config = variant(tmp_path, ('start: "00:00"', 'start: "00:00:02"'), ('end: "00:00:00.900"', 'end: "00:00:03"'))
    [error] = load_exhibition(config).errors
    assert error.path == "chapters[1].panels[0].start"
    assert error.message == "00:00:02 is after the end of the film 'video/clip.mp4', which lasts 00:00:01"


def test_captions_timed_on_the_excerpt_instead_of_the_film_are_a_warning(tmp_path: Path) -> None:
    # The excerpt is 10 to 20 minutes into the film; the caption files' cues are in its first second.
    config = variant(
        tmp_path,
        ("src: video/clip.mp4", "src: video/long.mp4"),
        ('start: "00:00"', 'start: "00:10:00"'),
        ('end: "00:00:00.900"', 'end: "00:20:00"'),
    )
    result = load_exhibition(config)
    assert result.ok
    paths = {warning.path for warning in result.warnings}
    assert paths == {f"chapters[1].panels[0].captions.{lang}" for lang in ("en", "fr", "ar")}
    assert all("timed on the whole film, not on the excerpt" in w.message for w in result.warnings)


def test_a_bad_caption_file_used_twice_is_reported_once(tmp_path: Path) -> None:
    # The problem lies at a line of the caption file itself: one line for staff, not one per use.
    config = variant(
        tmp_path,
        ("en: captions/good.en.srt", "en: captions/bad-time.en.srt"),
        ("ar: captions/good.en.srt", "ar: captions/bad-time.en.srt"),
    )
    result = load_exhibition(config)
    caption_errors = [problem for problem in result.errors if "bad-time.en.srt" in problem.file]
    assert len(caption_errors) == 1
    assert caption_errors[0].path == "chapters[1].panels[0].captions.en"
