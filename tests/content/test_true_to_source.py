"""What visitors read in the bundled exhibition: true to its source, for visitors only, in three languages.

"What visitors read" is every text of config/exhibition.yaml, every cue of the caption files,
and every word tools/make_stand_ins.py draws into the pictures and the film (the tool keeps
those words as data: ``visitor_words()``). docs/content.md lists the source of each sentence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.loader import LoadResult
from kiosk.model.captions import parse_captions
from kiosk.model.exhibition import Exhibition, ImagePanel, QuotePanel, TextPanel, TimelinePanel, VideoPanel

from .helpers import MEDIA, ROOT, generator, localized_texts, problems_text

LANGUAGES = ("fr", "en", "ar")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")

#: Her words as the source article gives them (line number: words), without the journalist's
#: "she says". The article lives outside the repository; the last test checks these against it.
SOURCE = Path("shared") / "sources" / "amani-ballour-article.md"
HER_WORDS = {
    16: (
        "My family didn’t want me to take this job, because of local conservatism. I received a lot of "
        "criticism, men refused to speak to me when they understood that the director of the hospital was a "
        "woman. But all of this made me keep going."
    ),
    24: (
        "Two of my doctors refused to leave because they believed in the power’s promises of reconciliation. "
        "One is in prison and the other has been killed."
    ),
    26: "It’s my duty to keep talking, to draw attention to the sufferings of those who remained there.",
}
TRANSLATED = {"fr": "traduit de l’anglais", "ar": "مترجم عن الإنكليزية"}

# What must never reach a visitor: developer text.
PATH = re.compile(
    r"\b(?:media|config|tools|images|video|captions|kiosk|tests|docs)/"  # a folder of the project
    r"|[\w-]+\.(?:py|png|jpe?g|webp|mp4|mkv|srt|vtt|ya?ml|json|md)\b"  # a file name
)
TOOL = re.compile(r"make_stand_ins|ffmpeg|ffprobe|QPainter|PySide|libVLC|\bvlc\b|python|kiosk (?:validate|proof)", re.I)
TIMECODE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b|-->|→")
YEAR = re.compile(r"\b20\d\d\b")
#: Wording the exhibition's translators asked to avoid: paramedics for carers, calques, and
#: the masculine singular addressed to every visitor.
ARABIC_AVOID = (
    "المسعفين",
    "مصادر علنية",
    "نسخة عمل",
    "صورة قادمة",
    "خيال بلدة",
    "ليس وفق مقياس",
    "المس الشاشة",
    "لتكتشف",
)
FRENCH_AVOID = ("Carte de titre", "Photo à venir")


def exhibition_of(result: LoadResult) -> Exhibition:
    assert result.exhibition is not None, problems_text(result)
    return result.exhibition


def yaml_texts(exhibition: Exhibition) -> Iterator[tuple[str, str, str]]:
    """(where, language, text) for every text of the YAML."""
    for where, localized in localized_texts(exhibition):
        for language, text in localized.texts:
            yield where, language, text


def caption_texts() -> Iterator[tuple[str, str, str]]:
    for language in LANGUAGES:
        relative = f"captions/the-cave.{language}.srt"
        for index, cue in enumerate(parse_captions((MEDIA / relative).read_text(encoding="utf-8"))):
            yield f"{relative} cue {index + 1}", language, cue.text


def drawn_texts() -> Iterator[tuple[str, str, str]]:
    for relative, words in generator().visitor_words().items():
        for word in words:
            yield relative, language_of(word), word


def language_of(text: str) -> str:
    return "ar" if ARABIC_LETTER.search(text) else "latin"


def everything(result: LoadResult) -> list[tuple[str, str, str]]:
    return [*yaml_texts(exhibition_of(result)), *caption_texts(), *drawn_texts()]


def developer_text(text: str, ids: set[str]) -> list[str]:
    found = [match.group(0) for pattern in (PATH, TOOL, TIMECODE) for match in pattern.finditer(text)]
    found += [panel_id for panel_id in ids if re.search(rf"(?<![\w-]){re.escape(panel_id)}(?![\w-])", text)]
    return found


def ids_of(exhibition: Exhibition) -> set[str]:
    """Panel and chapter ids a visitor could not mistake for a word (they hold '-' or '_')."""
    ids = {panel.id for _, panel in exhibition.panels()} | {chapter.id for chapter in exhibition.chapters}
    ids |= {scene for scene in generator().SCENE_TEXT} | {panel_id for panel_id, _, _ in generator().EXCERPTS}
    return {value for value in ids if "-" in value or "_" in value}


# --------------------------------------------------------------------------- for visitors only


def test_no_path_tool_name_panel_id_or_timecode_reaches_a_visitor(default_result: LoadResult) -> None:
    ids = ids_of(exhibition_of(default_result))
    offending = [
        f"{where} [{language}]: {found} in {text!r}"
        for where, language, text in everything(default_result)
        if (found := developer_text(text, ids))
    ]
    assert not offending, "developer text in front of visitors:\n" + "\n".join(offending)


def test_the_detector_knows_developer_text() -> None:
    """The patterns above catch what was once drawn on the pictures, and leave visitors' words alone."""
    ids = {"excerpt-hospital", "the-cave"}
    assert developer_text("excerpt-hospital: 00:20 → 01:10", ids)
    assert developer_text("Stand-in title card drawn by tools/make_stand_ins.py", ids)
    assert developer_text("replace media/images/portrait-amani.png", ids)
    assert not developer_text("Caen\u00a0: et maintenant\u202f? Le 10 décembre 1948, « The Cave ».", ids)
    assert not developer_text("في آب/أغسطس 2013", ids)


def test_drawn_pictures_and_film_say_only_words_the_tool_lists() -> None:
    """visitor_words() covers every file the tool generates for the exhibition (none left unchecked)."""
    listed = {entry["path"] for entry in json.loads((MEDIA / "stand-ins.json").read_text(encoding="utf-8"))["files"]}
    wordless = {path for path in listed if "/cover-" in path}  # the chapter covers are drawings without words
    assert listed - wordless <= set(generator().visitor_words()), sorted(
        listed - wordless - set(generator().visitor_words())
    )


def test_captions_on_disk_are_the_ones_the_tool_writes() -> None:
    make = generator()
    for column, language in enumerate(LANGUAGES):
        cues = parse_captions((MEDIA / f"captions/the-cave.{language}.srt").read_text(encoding="utf-8"))
        assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
            (round(a * 1000), round(b * 1000), cue[column]) for a, b, *cue in make.CUES
        ], f"{language}: run tools/make_stand_ins.py again"


# --------------------------------------------------------------------------- in three languages


def test_every_drawn_word_has_its_three_languages() -> None:
    make = generator()
    triples: list[tuple[str, ...]] = [
        make.PHOTO_BADGE,
        make.CLIP_BADGE,
        make.OPENING_CARD,
        *make.SCENE_TEXT.values(),
        *(what for _, _, what, _ in make.PHOTOS),
        *(event[1:] for event in make.TIMELINE),
        *(tuple(cue[2:]) for cue in make.CUES),
    ]
    missing = [
        triple
        for triple in triples
        if len(triple) != 3
        or not all(word.strip() for word in triple)
        or language_of(triple[2]) != "ar"
        or language_of(triple[0]) == "ar"
        or language_of(triple[1]) == "ar"
    ]
    assert not missing, f"drawn words without French, English and Arabic: {missing}"
    for relative, words in make.visitor_words().items():
        if relative.endswith(".srt"):
            continue  # one language per caption file; their cues are checked above
        assert any(language_of(word) == "ar" for word in words), f"{relative}: no Arabic"


def test_every_caption_cue_exists_in_every_language() -> None:
    timings = {}
    for language in LANGUAGES:
        cues = parse_captions((MEDIA / f"captions/the-cave.{language}.srt").read_text(encoding="utf-8"))
        assert all(cue.text.strip() for cue in cues), language
        timings[language] = [(cue.start_ms, cue.end_ms) for cue in cues]
    assert timings["fr"] == timings["en"] == timings["ar"], "a cue is missing in one language"


def test_stand_in_labels_are_for_visitors_and_only_on_stand_ins() -> None:
    """Photographs and clips to come say so in three languages; drawings that may stay carry no badge."""
    make = generator()
    photo, clip = make.BADGE_SEPARATOR.join(make.PHOTO_BADGE), make.BADGE_SEPARATOR.join(make.CLIP_BADGE)
    words = make.visitor_words()
    for relative, _, _, _ in make.PHOTOS:
        assert photo in words[relative], relative
    for scene in make.SCENE_TEXT:
        assert clip in words[f"images/poster-{scene}.png"], scene
    assert clip in words[make.FILM_FILE]
    for relative in ("images/title-card.png", "images/timeline-2011-2020.png", "images/map-route.png"):
        assert not {photo, clip} & set(words[relative]), f"{relative} may stay: no stand-in badge"


def test_credits_say_what_is_a_stand_in_and_what_was_drawn(default_result: LoadResult) -> None:
    make = generator()
    photos = {relative for relative, _, _, _ in make.PHOTOS}
    for _, panel in exhibition_of(default_result).panels():
        if isinstance(panel, ImagePanel | VideoPanel):
            assert panel.credit is not None, panel.id
            credit = {language: (panel.credit.get(language) or "").lower() for language in LANGUAGES}
            if isinstance(panel, VideoPanel) or panel.src.relative in photos:
                assert "stand-in" in credit["en"] and "provisoire" in credit["fr"] and "مؤقت" in credit["ar"], panel.id
            else:
                assert "drawn" in credit["en"] or "drawing" in credit["en"], panel.id


def test_arabic_and_french_avoid_the_wording_translators_flagged(default_result: LoadResult) -> None:
    flagged = [
        f"{where} [{language}]: {word}"
        for where, language, text in everything(default_result)
        for word in (*ARABIC_AVOID, *FRENCH_AVOID)
        if word in text
    ]
    assert not flagged, flagged


def test_french_and_english_typography(default_result: LoadResult) -> None:
    """’ for the apostrophe; in French a no-break space before : and inside « », a narrow one before ; ? !"""
    wrong = []
    texts = [*yaml_texts(exhibition_of(default_result)), *caption_texts(), *drawn_texts()]
    for where, language, text in texts:
        if language == "ar":
            continue
        if "'" in text:
            wrong.append(f"{where} [{language}]: straight apostrophe in {text!r}")
        if language == "fr" and re.search(r" [:;?!»]|« ", text):
            wrong.append(f"{where} [fr]: ordinary space in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_film_title_is_always_written_the_same_way(default_result: LoadResult) -> None:
    """« The Cave » in French, “The Cave” in English, «الكهف» in Arabic: never slanted, never bold."""
    for where, language, text in yaml_texts(exhibition_of(default_result)):
        bare = text.replace("«\u00a0The Cave\u00a0»", "").replace("“The Cave”", "")
        assert "The Cave" not in bare, f"{where} [{language}]: {text!r}"
        if language == "ar":
            assert "الكهف" not in text.replace("«الكهف»", ""), f"{where} [ar]: {text!r}"


# --------------------------------------------------------------------------- one timeline


def timeline_years(exhibition: Exhibition) -> list[str]:
    panel = exhibition.panel("life-timeline")
    assert isinstance(panel, TimelinePanel)
    return [event.date.get("en") or event.date.texts[0][1] for event in panel.events]


def test_the_timeline_picture_and_the_timeline_panel_show_the_same_years(default_result: LoadResult) -> None:
    drawn = [event[0] for event in generator().TIMELINE]
    assert drawn == timeline_years(exhibition_of(default_result))


def test_every_year_visitors_read_is_on_the_timeline(default_result: LoadResult) -> None:
    """A year told in a text, a caption or a picture but missing from the timeline is a second timeline."""
    years = set(timeline_years(exhibition_of(default_result)))
    elsewhere = {f"{match} ({where})" for where, _, text in everything(default_result) for match in YEAR.findall(text)}
    assert {entry.split()[0] for entry in elsewhere} <= years, sorted(
        entry for entry in elsewhere if entry.split()[0] not in years
    )


def test_posters_and_film_show_the_titles_of_their_panels(default_result: LoadResult) -> None:
    make = generator()
    exhibition = exhibition_of(default_result)
    for scene, title in make.SCENE_TEXT.items():
        panel = next(
            p
            for _, p in exhibition.panels()
            if isinstance(p, VideoPanel) and p.poster.relative.endswith(f"poster-{scene}.png")
        )
        assert panel.title is not None
        assert title == tuple(panel.title.get(language) for language in LANGUAGES), panel.id


# --------------------------------------------------------------------------- in her own words


def her_quotes(exhibition: Exhibition) -> list[QuotePanel]:
    return [
        panel
        for _, panel in exhibition.panels()
        if isinstance(panel, QuotePanel) and "Ballour" in (panel.who.get("en") or "")
    ]


def test_her_own_words_are_quoted_from_the_source_and_translations_say_so(default_result: LoadResult) -> None:
    quotes = her_quotes(exhibition_of(default_result))
    assert len(quotes) >= 3
    for panel in quotes:
        assert panel.words.get("en") in HER_WORDS.values(), f"{panel.id}: not her words as the source gives them"
        assert panel.when is not None, panel.id
        assert "press" in (panel.when.get("en") or ""), f"{panel.id}: say where she said it"
        for language, marker in TRANSLATED.items():
            assert marker in (panel.when.get(language) or ""), f"{panel.id} [{language}]: mark the translation"


def test_other_quotes_are_public_texts(default_result: LoadResult) -> None:
    for _, panel in exhibition_of(default_result).panels():
        if isinstance(panel, QuotePanel) and panel not in her_quotes(exhibition_of(default_result)):
            who = panel.who.get("en") or ""
            assert re.search(r"Convention|Declaration", who), f"{panel.id}: attribute a public text: {who}"


def test_her_words_here_are_the_words_of_the_source() -> None:
    source = next((folder / SOURCE for folder in ROOT.parents if (folder / SOURCE).is_file()), None)
    if source is None:
        pytest.skip(f"the source article ({SOURCE}) is not beside this checkout")
    lines = source.read_text(encoding="utf-8").splitlines()

    def plain(text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace(", she says,", ",").replace(", she says.", ".")
        return re.sub(r"\s+", " ", text.replace("\u201c", "").replace("\u201d", "")).strip()

    for number, words in HER_WORDS.items():
        line = plain(lines[number - 1])
        for sentence in re.split(r"(?<=\.) ", words):
            assert plain(sentence).rstrip(".") in line, f"line {number}: {sentence!r}"


def test_french_no_break_spaces_reach_the_screen(default_result: LoadResult) -> None:
    """StyledText folds U+00A0 and U+202F into breakable spaces: bodies must hand them over as entities,
    or a line starts with « : » or « ? » and « ends one (measured: four U+00A0 render as wide as one space)."""
    from kiosk.text.markup import to_blocks  # pure Python: the renderer the kiosk uses

    checked = 0
    for _, panel in exhibition_of(default_result).panels():
        if isinstance(panel, TextPanel):
            body = panel.body.get("fr") or ""
            styled = "".join(block["text"] for block in to_blocks(body))
            assert "\u00a0" not in styled and "\u202f" not in styled, panel.id
            checked += body.count("\u00a0") + body.count("\u202f")
            assert styled.count("&nbsp;") + styled.count("&#8239;") == body.count("\u00a0") + body.count("\u202f")
    assert checked


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_every_text_has_its_row_in_the_sources_table(default_result: LoadResult) -> None:
    """docs/content.md gives each text, in each language, the line of the source it rests on:
    a text changed in the YAML and not in the table (or not given a ground) fails here."""
    table = {
        line.split("|")[1].strip().strip("`"): line
        for line in (ROOT / "docs" / "content.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    missing = []
    for where, language, text in yaml_texts(exhibition_of(default_result)):
        if re.search(r"\.(alt|credit)$|\.described\[\d+\]\.text$", where) or language == "*":
            continue  # descriptions of the pictures (alt text, audio description) and credits state no fact
        for paragraph in paragraphs(text):
            cell = paragraph.replace("|", "\\|")
            row = next((line for line in table.values() if f" {cell} |" in line), None)
            if row is None or not row.rstrip(" |").rsplit("|", 1)[-1].strip():
                missing.append(f"{where} [{language}]: {paragraph[:60]}")
    assert not missing, "texts without a row (and a ground) in docs/content.md:\n" + "\n".join(missing)
