"""Media unchanged since an earlier load is not checked again; a changed file always is, and a
damaged or unwritable cache is ignored without losing a problem."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition, media_check
from kiosk.loader.media_cache import CACHE_NAME, MediaCheckCache
from kiosk.loader.media_check import MediaChecker
from kiosk.model.fields import MediaKind

HERE = Path(__file__).parent
#: A fixed moment well in the past, so that the files of a test count as settled.
LONG_AGO_NS = 1_700_000_000 * 10**9


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file whose content the checker really reads (images and films), in order."""
    seen: list[Path] = []
    image_problem, mp4_problem = media_check._image_problem, media_check._mp4_problem

    def counting_image(path: Path, *args: object) -> str | None:
        seen.append(path)
        return image_problem(path, *args)  # type: ignore[arg-type]

    def counting_mp4(path: Path, *args: object) -> str | None:
        seen.append(path)
        return mp4_problem(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(media_check, "_image_problem", counting_image)
    monkeypatch.setattr(media_check, "_mp4_problem", counting_mp4)
    return seen


def settled(path: Path, offset_s: int = 0) -> None:
    os.utime(path, ns=(LONG_AGO_NS + offset_s * 10**9, LONG_AGO_NS + offset_s * 10**9))


def cache_at(folder: Path) -> MediaCheckCache:
    # settle_seconds=0: a test's files were all written a moment ago (their status-change time
    # cannot be set back); the settle rule has its own test below.
    return MediaCheckCache(folder / CACHE_NAME, settle_seconds=0)


def check(media: Path, cache: MediaCheckCache | None, name: str, kind: MediaKind) -> str | None:
    checker = MediaChecker(media, remembered=cache)
    problem = checker.check(name, kind).problem
    if cache is not None:
        cache.save()
    return problem


def test_an_unchanged_file_is_not_read_again_in_a_later_load(
    media_copy: Path, tmp_path: Path, reads: list[Path]
) -> None:
    settled(media_copy / "images" / "photo.png")
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is None
    assert len(reads) == 1
    # A new process: a new cache read back from its file.
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is None
    assert len(reads) == 1


def test_a_remembered_problem_is_reported_again(media_copy: Path, tmp_path: Path, reads: list[Path]) -> None:
    settled(media_copy / "images" / "truncated.png")
    first = check(media_copy, cache_at(tmp_path), "images/truncated.png", MediaKind.IMAGE)
    assert first is not None
    assert check(media_copy, cache_at(tmp_path), "images/truncated.png", MediaKind.IMAGE) == first
    assert len(reads) == 1


def test_a_file_edited_in_place_is_checked_again(media_copy: Path, tmp_path: Path, reads: list[Path]) -> None:
    photo = media_copy / "images" / "photo.png"
    settled(photo)
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is None
    # Damage it without changing its size: only its times say it changed.
    data = bytearray(photo.read_bytes())
    data[-40:-12] = b"\x00" * 28
    photo.write_bytes(bytes(data))
    settled(photo, offset_s=60)
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is not None
    assert len(reads) == 2


def test_a_file_replaced_by_another_of_the_same_size_and_time_is_checked_again(
    media_copy: Path, tmp_path: Path, reads: list[Path]
) -> None:
    """As `cp -p` or a sync tool does: same size, same modification time, a new file (inode)."""
    photo = media_copy / "images" / "photo.png"
    settled(photo)
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is None
    data = bytearray(photo.read_bytes())
    data[-40:-12] = b"\x00" * 28
    replacement = photo.with_name("incoming.png")
    replacement.write_bytes(bytes(data))
    settled(replacement)
    os.replace(replacement, photo)
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is not None
    assert len(reads) == 2


def test_a_file_changed_moments_ago_is_not_remembered(media_copy: Path, tmp_path: Path, reads: list[Path]) -> None:
    """A file system's clock may be too coarse to tell two writes in a row apart."""
    for _ in range(2):
        cache = MediaCheckCache(tmp_path / CACHE_NAME)  # the default settle time
        assert check(media_copy, cache, "images/photo.png", MediaKind.IMAGE) is None
    assert len(reads) == 2


def test_the_same_path_as_another_kind_is_checked_for_that_kind(media_copy: Path, tmp_path: Path) -> None:
    settled(media_copy / "images" / "photo.png")
    assert check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.IMAGE) is None
    problem = check(media_copy, cache_at(tmp_path), "images/photo.png", MediaKind.VIDEO)
    assert problem is not None and "should be a film" in problem


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json at all",
        b'{"version": 1, "entries": ',  # cut short
        b"[1, 2, 3]",
        b'{"version": 1, "entries": {"image:/x": [1, 2]}}',
        b'{"version": 1, "entries": "nonsense"}',
    ],
)
def test_a_damaged_cache_file_is_ignored_and_written_again(
    media_copy: Path, tmp_path: Path, reads: list[Path], content: bytes
) -> None:
    settled(media_copy / "images" / "truncated.png")
    (tmp_path / CACHE_NAME).write_bytes(content)
    problem = check(media_copy, cache_at(tmp_path), "images/truncated.png", MediaKind.IMAGE)
    assert problem is not None and "damaged" in problem
    assert len(reads) == 1
    assert json.loads((tmp_path / CACHE_NAME).read_text())["version"] == 1


def test_entries_of_the_wrong_shape_are_checked_again(media_copy: Path, tmp_path: Path, reads: list[Path]) -> None:
    truncated = media_copy / "images" / "truncated.png"
    settled(truncated)
    check(media_copy, cache_at(tmp_path), "images/truncated.png", MediaKind.IMAGE)
    record = json.loads((tmp_path / CACHE_NAME).read_text())
    for key in record["entries"]:
        record["entries"][key][1] = 12  # a problem that is not text
    (tmp_path / CACHE_NAME).write_text(json.dumps(record))
    problem = check(media_copy, cache_at(tmp_path), "images/truncated.png", MediaKind.IMAGE)
    assert problem is not None and "damaged" in problem
    assert len(reads) == 2


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(media_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settled(media_copy / "images" / "photo.png")
    cache = MediaCheckCache(blocker / CACHE_NAME, settle_seconds=0)
    assert check(media_copy, cache, "images/photo.png", MediaKind.IMAGE) is None  # and no exception


def test_a_whole_exhibition_loads_the_same_from_the_cache(tmp_path: Path, reads: list[Path]) -> None:
    """Every problem, a film's length included (an excerpt past the film's end), comes back."""
    config = tmp_path / "config"
    shutil.copytree(HERE / "invalid", config)
    shutil.copytree(HERE / "fixtures", tmp_path / "fixtures")
    for file in (tmp_path / "fixtures").rglob("*"):
        settled(file)
    for name in ("excerpt-past-end-of-film.yaml", "media-truncated-png.yaml", "media-film-as-poster.yaml"):
        own = tmp_path / name  # a cache of its own: the files this exhibition names, read once
        first = load_exhibition(config / name, media_cache=cache_at(own))
        read = len(reads)
        assert read > 0
        second = load_exhibition(config / name, media_cache=cache_at(own))
        assert len(reads) == read, name
        assert [p.message for p in second.problems] == [p.message for p in first.problems]
        assert first.problems, name
        reads.clear()


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path))
    assert MediaCheckCache.default().file == tmp_path / CACHE_NAME
    monkeypatch.setenv("KIOSK_MEDIA_CACHE", "off")
    assert MediaCheckCache.default().file is None
