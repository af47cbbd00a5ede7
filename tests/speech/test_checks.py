"""kiosk validate tells staff what visitors who cannot see, hear or read the screen would miss."""

from __future__ import annotations

from pathlib import Path

from kiosk.loader import load_exhibition


def _warnings(path: Path) -> list[str]:
    result = load_exhibition(path)
    assert result.exhibition is not None and not result.errors, result.errors
    return [f"{problem.line}: {problem.path}: {problem.message}" for problem in result.warnings]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_is_clean_but_for_its_captions(speech_exhibition: Path) -> None:
    assert all(".captions" in warning for warning in _warnings(speech_exhibition))


def test_picture_beside_text_without_alt(speech_exhibition: Path) -> None:
    _edit(speech_exhibition, "        type: text\n", "        type: text\n        image: images/photo.png\n")
    assert any("panels[0].image: the picture has no 'alt' text" in w for w in _warnings(speech_exhibition))
    _edit(
        speech_exhibition,
        "        image: images/photo.png\n",
        "        image: images/photo.png\n        alt: {fr: Un portrait, en: A portrait, ar: صورة}\n",
    )
    assert not any("'alt'" in w for w in _warnings(speech_exhibition))


def test_film_with_nothing_to_say(speech_exhibition: Path) -> None:
    _edit(speech_exhibition, "        title: {fr: Le film, en: The film, ar: الفيلم}\n", "")
    assert any("panels[3]: this panel has no narration and no text to speak" in w for w in _warnings(speech_exhibition))


def test_narration_in_the_wrong_language_or_missing(speech_exhibition: Path) -> None:
    media = speech_exhibition.parent / "media"
    (media / "narration").mkdir()
    (media / "narration" / "intro.en.wav").write_bytes(b"RIFF\x24\0\0\0WAVEfmt ")  # cut short
    (media / "narration" / "garbage.wav").write_bytes(b"this is not sound at all")
    _edit(
        speech_exhibition,
        "        type: text\n",
        "        type: text\n        narration: {fr: narration/intro.en.wav, en: narration/garbage.wav, "
        "ar: narration/none.wav, de: narration/intro.en.wav}\n",
    )
    result = load_exhibition(speech_exhibition)
    messages = [f"{p.path}: {p.message}" for p in result.problems]
    assert any(
        "narration.fr: 'narration/intro.en.wav' is named as English (en) but given for French (fr)" in m
        for m in messages
    ), messages
    assert any("narration.en: 'narration/garbage.wav' is not a sound file" in m for m in messages), messages
    assert any("narration.ar: 'narration/none.wav' file not found" in m for m in messages), messages
    assert any("narration.de: 'de' is not among the exhibition's languages" in m for m in messages), messages
    assert any("narration.fr: 'narration/intro.en.wav' has no sound data" in m for m in messages), messages
    # The panel still shows: a bad narration file costs its sound, never the panel.
    assert result.exhibition is not None
    intro = result.exhibition.chapters[0].panels[0]
    assert type(intro).__name__ == "TextPanel"


def test_description_outside_the_excerpt(speech_exhibition: Path) -> None:
    _edit(speech_exhibition, '{at: "0.5"', '{at: "1.5"')
    result = load_exhibition(speech_exhibition)
    assert any("described: a description at" in f"{p.path}: {p.message}" for p in result.errors), result.problems
