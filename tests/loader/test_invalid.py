"""Every kind of mistake staff can make, each in its own file, each reported at its exact place.

Each file in tests/loader/invalid/ starts with a comment saying what is wrong and one
``# expect: [FILE:]LINE:COL: key.path: message`` line per error the loader must report
(FILE, when given, is relative to the YAML file: a caption file's own line). The errors
must be exactly those: no more (no cascade of confusing follow-ups), no fewer.
Cases that cannot be committed (a symlink, a 100 MB file) are built in tmp dirs below.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.loader.load import INTERNAL_ERROR

HERE = Path(__file__).parent
FIXTURE_MEDIA = HERE / "fixtures" / "media"
VALID = HERE / "valid"
INVALID = HERE / "invalid"

_EXPECT = re.compile(
    r"^# expect: (?:(?P<file>[^:]+):)?(?P<line>\d+):(?P<column>\d+): (?P<path>[^:\s]*): (?P<message>.+)$"
)
CASES = sorted(INVALID.glob("*.yaml"))


def expectations(path: Path) -> list[tuple[Path, int, int, str, str]]:
    found = []
    for raw in path.read_bytes().split(b"\n"):
        if not raw.startswith(b"# expect:"):
            continue
        match = _EXPECT.match(raw.decode("utf-8"))
        assert match, f"malformed expect line in {path.name}: {raw!r}"
        file = (path.parent / match["file"]).resolve() if match["file"] else path.resolve()
        found.append((file, int(match["line"]), int(match["column"]), match["path"], match["message"]))
    return found


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 35


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_invalid_exhibition_reports_exactly_its_mistake(case: Path) -> None:
    expected = expectations(case)
    assert expected, f"{case.name} has no '# expect:' line"
    result = load_exhibition(case)
    assert not result.ok
    got = [(Path(p.file).resolve(), p.line, p.column, p.path, p.message) for p in result.errors]
    assert len(got) == len(expected), "\n".join(str(p) for p in result.errors)
    for (file, line, column, path, fragment), (g_file, g_line, g_column, g_path, g_message) in zip(
        expected, got, strict=True
    ):
        assert (g_file, g_line, g_column, g_path) == (file, line, column, path), g_message
        assert fragment in g_message
    for problem in result.problems:
        assert INTERNAL_ERROR not in problem.message
        # The line staff read: FILE:LINE:COL: [key.path: ]message
        assert str(problem).startswith(f"{problem.file}:{problem.line}:{problem.column}: ")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_messages_are_plain_words(case: Path) -> None:
    """No Python in front of staff: no exception names, reprs or tracebacks."""
    for problem in load_exhibition(case).problems:
        assert not re.search(r"Traceback|Error\b|Exception|\bNone\b|<class|\\x[0-9a-f]{2}", problem.message), problem


def _exhibition_with_image(folder: Path, src: str) -> Path:
    text = (VALID / "full.yaml").read_text(encoding="utf-8")
    text = text.replace("media: ../fixtures/media", f"media: {(folder / 'media').as_posix()}")
    text = text.replace("src: images/photo.png", f"src: {src}", 1)
    config = folder / "exhibition.yaml"
    config.write_text(text, encoding="utf-8")
    return config


def _line_col_of(config: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_symlink_escaping_the_media_folder(tmp_path: Path, media_copy: Path) -> None:
    secret = tmp_path / "outside.png"
    secret.write_bytes((FIXTURE_MEDIA / "images" / "photo.png").read_bytes())
    (media_copy / "images" / "escape.png").symlink_to(secret)
    config = _exhibition_with_image(tmp_path, "images/escape.png")
    result = load_exhibition(config)
    [error] = result.errors
    assert (error.line, error.column) == _line_col_of(config, "images/escape.png")
    assert error.path == "chapters[0].panels[2].src"
    assert "outside the media folder through a symbolic link" in error.message


def test_symlinked_folder_escaping_the_media_folder(tmp_path: Path, media_copy: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "photo.png").write_bytes((FIXTURE_MEDIA / "images" / "photo.png").read_bytes())
    (media_copy / "linked").symlink_to(outside, target_is_directory=True)
    config = _exhibition_with_image(tmp_path, "linked/photo.png")
    [error] = load_exhibition(config).errors
    assert "outside the media folder" in error.message


def test_symlink_inside_the_media_folder_is_fine(tmp_path: Path, media_copy: Path) -> None:
    (media_copy / "images" / "alias.png").symlink_to(media_copy / "images" / "photo.png")
    config = _exhibition_with_image(tmp_path, "images/alias.png")
    assert load_exhibition(config).ok


def test_symlink_loop(tmp_path: Path, media_copy: Path) -> None:
    (media_copy / "images" / "loop.png").symlink_to(media_copy / "images" / "loop.png")
    config = _exhibition_with_image(tmp_path, "images/loop.png")
    [error] = load_exhibition(config).errors
    assert error.path == "chapters[0].panels[2].src"


def test_windows_absolute_path(tmp_path: Path, media_copy: Path) -> None:
    config = _exhibition_with_image(tmp_path, "'C:\\Users\\staff\\photo.png'")
    [error] = load_exhibition(config).errors
    assert "not an absolute path" in error.message


def test_backslash_dotdot_path(tmp_path: Path, media_copy: Path) -> None:
    config = _exhibition_with_image(tmp_path, "'images\\..\\..\\outside.png'")
    [error] = load_exhibition(config).errors
    assert "must not leave the media folder" in error.message


def test_hundred_megabyte_file_fails_fast(tmp_path: Path) -> None:
    config = tmp_path / "huge.yaml"
    with config.open("wb") as stream:  # sparse: quick to make, and 100 MB as far as stat() knows
        stream.write(b"exhibition:\n")
        stream.truncate(100 * 1024 * 1024)
    started = time.monotonic()
    result = load_exhibition(config)
    elapsed = time.monotonic() - started
    [error] = result.errors
    assert (error.line, error.column) == (1, 1)
    assert "104.9 MB" in error.message and "is this the right file?" in error.message
    assert elapsed < 5  # refused from its size, never read (a generous bound, not a benchmark)


def test_many_small_values_are_refused_without_a_traceback(tmp_path: Path) -> None:
    """Under the size limit, yet more values than any exhibition holds."""
    config = tmp_path / "wide.yaml"
    config.write_text("x: [" + "1," * 250_000 + "1]\n", encoding="utf-8")
    [error] = load_exhibition(config).errors
    assert "more than 200,000 values" in error.message


def test_a_flood_of_errors_stops_at_200(tmp_path: Path) -> None:
    config = tmp_path / "wide.yaml"
    config.write_text("".join(f"key{i}: {i}\n" for i in range(5000)), encoding="utf-8")
    result = load_exhibition(config)
    assert len(result.errors) == 201
    last = result.errors[-1]
    assert last.message.startswith("200 errors so far: checking stopped here")
    assert (last.line, last.column) == (200, 1)


@pytest.mark.timeout(60)
def test_many_broken_chapters_are_not_slow(tmp_path: Path) -> None:
    """Each broken chapter once gathered all errors so far: quadratic, minutes for 100,000 chapters."""
    config = tmp_path / "long.yaml"
    config.write_text(
        "exhibition: {id: x, title: t, languages: [en]}\nattract: {items: [a], invitation: t}\nchapters:\n"
        + "".join(f"  - {i}\n" for i in range(100_000)),
        encoding="utf-8",
    )
    result = load_exhibition(config)
    assert len(result.errors) == 201


def test_deep_nesting_of_groups(tmp_path: Path) -> None:
    config = tmp_path / "deep.yaml"
    config.write_text("".join(f"{'  ' * depth}k{depth}:\n" for depth in range(150)), encoding="utf-8")
    [error] = load_exhibition(config).errors
    assert "nested more than 64 levels deep" in error.message
    assert error.line == 65


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    config = tmp_path / "secret.yaml"
    config.write_text("exhibition: {}\n", encoding="utf-8")
    config.chmod(0)
    [error] = load_exhibition(config).errors
    assert "cannot be read" in error.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    [error] = load_exhibition(tmp_path / "nope.yaml").errors
    assert error.message == "file not found"
    [error] = load_exhibition(tmp_path).errors
    assert "is a folder" in error.message


def test_huge_caption_file_is_refused_unread(tmp_path: Path, media_copy: Path) -> None:
    huge = media_copy / "captions" / "huge.en.srt"
    with huge.open("wb") as stream:
        stream.write(b"1\n00:00:00,000 --> 00:00:00,500\nHello.\n\n")
        stream.truncate(50 * 1024 * 1024)
    text = (VALID / "full.yaml").read_text(encoding="utf-8")
    text = text.replace("media: ../fixtures/media", f"media: {media_copy.as_posix()}")
    text = text.replace("en: captions/good.en.srt", "en: captions/huge.en.srt")
    config = tmp_path / "exhibition.yaml"
    config.write_text(text, encoding="utf-8")
    [error] = load_exhibition(config).errors
    assert error.path == "chapters[1].panels[0].captions.en"
    assert "too large for a caption file" in error.message


def test_a_broken_exhibition_section_still_reports_the_rest(tmp_path: Path) -> None:
    """Nothing can be shown without the exhibition's title and languages, but staff see every problem."""
    config = tmp_path / "exhibition.yaml"
    config.write_text(
        "exhibition:\n  id: My Expo\n  title:\n  languages: fr\n"
        f"  media: {FIXTURE_MEDIA.as_posix()}\n"
        "attract:\n  items: portrait\n  invitation: {fr: }\n"
        "chapters:\n  - id: c\n    title: C\n    panels:\n      - {id: p, type: image, src: images/nope.png}\n",
        encoding="utf-8",
    )
    result = load_exhibition(config)
    assert result.exhibition is None
    assert [(p.line, p.path) for p in result.errors] == [
        (2, "exhibition.id"),
        (3, "exhibition.title"),
        (4, "exhibition.languages"),
        (7, "attract.items"),
        (8, "attract.invitation"),  # empty in every language: one error for the text
        (13, "chapters[0].panels[0]"),  # no alt
        (13, "chapters[0].panels[0].src"),  # no such file
    ]


def test_a_missing_media_folder_is_one_error_not_one_per_file(tmp_path: Path) -> None:
    text = (VALID / "full.yaml").read_text(encoding="utf-8").replace("media: ../fixtures/media", "media: medai")
    config = tmp_path / "exhibition.yaml"
    config.write_text(text, encoding="utf-8")
    result = load_exhibition(config)
    [error] = result.errors
    assert error.path == "exhibition.media"
    assert error.message == "the media folder 'medai' does not exist (it is looked for beside this file)"
    assert result.exhibition is not None
    image = result.exhibition.panel("portrait")
    assert image is not None and not image.src.usable  # type: ignore[union-attr]


def test_a_language_left_empty_is_a_translation_to_write_not_an_error(tmp_path: Path) -> None:
    """As the editor writes a new panel's texts: ``en: ""`` beside a French text warns, as ``en``
    left out does, and the panel loads."""
    source = (HERE / "invalid" / "empty-in-every-language.yaml").read_text(encoding="utf-8")
    (tmp_path / "one").mkdir()
    media = str(HERE / "fixtures" / "media")
    text = source.replace('          fr: ""', "          fr: Un titre").replace("../fixtures/media", media)
    path = tmp_path / "one" / "exhibition.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_exhibition(path)
    assert not result.errors, [str(p) for p in result.errors]
    # English is the default here, and the one missing: visitors reading English see the French.
    assert [p.message for p in result.warnings if "title" in p.path] == [
        "no English (en) text: visitors reading en will see the French text instead"
    ]
