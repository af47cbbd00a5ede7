"""A remembered start keeps the load's problems at the same file, line and column; a file the
checks consulted but the model does not name (a failed panel's picture, a missing file's folder)
is part of what it rests on; and the kiosk always gets its panels packed until shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.loader.remembered import load_for_start
from kiosk.loader.result import LoadResult
from kiosk.model.on_demand import ChapterPanels

FULL = Path(__file__).parent / "valid" / "full.yaml"
FIXTURE_MEDIA = Path(__file__).parent / "fixtures" / "media"


@pytest.fixture
def media(tmp_path: Path) -> Path:
    # In a folder of its own: the cache folder made beside it must not change the folder it rests on.
    target = tmp_path / "show" / "media"
    shutil.copytree(FIXTURE_MEDIA, target)
    return target


@pytest.fixture
def exhibition_file(media: Path) -> Path:
    """The full test exhibition beside a private copy of the media, with one picture missing."""
    text = FULL.read_text(encoding="utf-8").replace("media: ../fixtures/media", "media: media")
    assert "images/photo.jpg" in text
    path = media.parent / "exhibition.yaml"
    path.write_text(text.replace("images/photo.jpg", "images/missing.jpg", 1), encoding="utf-8")
    return path


def start(path: Path, tmp_path: Path) -> LoadResult:
    return load_for_start(path, folder=tmp_path / "cache", settle_seconds=0)


def lines(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_problems_are_remembered_at_the_same_lines(exhibition_file: Path, tmp_path: Path, full_loads: list) -> None:
    first = start(exhibition_file, tmp_path)
    again = start(exhibition_file, tmp_path)
    assert len(full_loads) == 1, "the load with problems was not remembered"
    full = load_exhibition(exhibition_file)
    assert lines(again) == lines(first) == lines(full)
    missing = next(p for p in again.errors if "file not found" in p.message)
    assert (missing.file, missing.line) == (str(exhibition_file), line_of(exhibition_file, "images/missing.jpg"))
    assert again.exhibition == first.exhibition == full.exhibition


def test_a_yaml_syntax_error_is_remembered_with_its_line(tmp_path: Path, full_loads: list) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("exhibition:\n  id: x\n  title: [unclosed\nchapters: []\n", encoding="utf-8")
    first = start(path, tmp_path)
    again = start(path, tmp_path)
    assert len(full_loads) == 1
    assert lines(again) == lines(first) == lines(load_exhibition(path))
    assert again.exhibition is None and again.errors[0].line == 3


def test_a_missing_file_that_appears_loads_in_full_again(
    exhibition_file: Path, media: Path, tmp_path: Path, full_loads: list
) -> None:
    assert not start(exhibition_file, tmp_path).ok
    shutil.copy(media / "images" / "photo.jpg", media / "images" / "missing.jpg")
    appeared = start(exhibition_file, tmp_path)
    assert len(full_loads) == 2
    assert appeared.ok, lines(appeared)


def test_a_failed_panels_files_are_part_of_what_a_start_rests_on(
    exhibition_file: Path, media: Path, tmp_path: Path, full_loads: list
) -> None:
    """A panel that fails becomes a placeholder naming no file; the files its checks reported
    still decide its problems (here a damaged poster, mended in place: its folder does not change)."""
    text = exhibition_file.read_text(encoding="utf-8")
    assert "poster: images/poster.png" in text and 'end: "00:00:00.900"' in text
    text = text.replace("poster: images/poster.png", "poster: images/later.png")
    exhibition_file.write_text(text.replace('end: "00:00:00.900"', 'end: "00:00"'), encoding="utf-8")
    later = media / "images" / "later.png"
    later.write_bytes((media / "images" / "truncated.png").read_bytes())
    first = start(exhibition_file, tmp_path)
    assert any("later.png" in str(p) for p in first.errors), lines(first)
    assert first.exhibition is not None and first.exhibition.panel("excerpt").kind == "placeholder"  # type: ignore[union-attr]
    with later.open("r+b") as stream:  # mended in place
        stream.write((media / "images" / "poster.png").read_bytes())
    after = start(exhibition_file, tmp_path)
    assert len(full_loads) == 2
    assert lines(after) == lines(load_exhibition(exhibition_file))
    assert not any("later.png" in str(p) for p in after.errors)


def test_the_kiosk_gets_its_panels_packed_however_it_starts(
    exhibition_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = start(exhibition_file, tmp_path)
    read_back = start(exhibition_file, tmp_path)
    monkeypatch.setenv("KIOSK_MEDIA_CACHE", "off")
    switched_off = start(exhibition_file, tmp_path)
    for result in (loaded, read_back, switched_off):
        assert result.exhibition is not None
        assert all(isinstance(chapter.panels, ChapterPanels) for chapter in result.exhibition.chapters)
        assert result.exhibition == load_exhibition(exhibition_file).exhibition


def test_the_last_good_copy_written_beside_the_file_keeps_the_next_start_remembered(
    media: Path, tmp_path: Path, full_loads: list
) -> None:
    from kiosk.last_good import remember

    path = media.parent / "exhibition.yaml"
    path.write_text(FULL.read_text(encoding="utf-8").replace("media: ../fixtures/media", "media: media"), "utf-8")
    first = start(path, tmp_path)
    assert first.ok, lines(first)
    assert remember(path, first)  # as kiosk run does after a start on a changed file
    start(path, tmp_path)
    assert len(full_loads) == 1


def test_an_unknown_time_zone_is_worked_out_again_at_each_start(tmp_path: Path, full_loads: list) -> None:
    """Installing the time-zone database fixes it without any file of the exhibition changing."""
    path = tmp_path / "show" / "exhibition.yaml"
    path.parent.mkdir()
    shutil.copytree(FIXTURE_MEDIA, path.parent / "media")
    text = FULL.read_text(encoding="utf-8").replace("media: ../fixtures/media", "media: media")
    path.write_text(text.replace("timezone: Europe/Paris", "timezone: Mars/Olympus_Mons"), encoding="utf-8")
    first = start(path, tmp_path)
    assert any(p.path == "schedule.timezone" for p in first.problems), lines(first)
    start(path, tmp_path)
    assert len(full_loads) == 2


def test_a_file_that_could_not_be_read_is_read_again_at_the_next_start(
    exhibition_file: Path, tmp_path: Path, full_loads: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input/output error may pass without the file changing."""
    from kiosk.loader import media_check

    def failing(*args: object) -> str | None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(media_check, "_image_problem", failing)
    first = start(exhibition_file, tmp_path)
    assert any("cannot be read (Input/output error)" in p.message for p in first.errors), lines(first)
    start(exhibition_file, tmp_path)
    assert len(full_loads) == 2
