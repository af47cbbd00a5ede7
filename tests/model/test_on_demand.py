"""Packed chapter panels read exactly like the tuple they stand for, unpack only when read, stay
unpacked for a few chapters only, and unpack nothing but the model's own classes."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition
from kiosk.model import Exhibition
from kiosk.model.on_demand import (
    KEPT_UNPACKED,
    ChapterPanels,
    UnpackError,
    forget_unpacked,
    pack,
    unpack,
)

FULL = Path(__file__).parents[1] / "loader" / "valid" / "full.yaml"


@pytest.fixture(scope="module")
def whole() -> Exhibition:
    result = load_exhibition(FULL, media_cache=False)
    assert result.ok and result.exhibition is not None
    return result.exhibition


@pytest.fixture
def small(whole: Exhibition) -> Iterator[Exhibition]:
    forget_unpacked()
    yield whole.packed()
    forget_unpacked()


def test_a_packed_exhibition_reads_like_the_whole_one(whole: Exhibition, small: Exhibition) -> None:
    assert small == whole and whole == small
    for mine, theirs in zip(small.chapters, whole.chapters, strict=True):
        assert isinstance(mine.panels, ChapterPanels)
        assert len(mine.panels) == len(theirs.panels)
        assert list(mine.panels) == list(theirs.panels)
        assert mine.panels[0] == theirs.panels[0] and mine.panels[-1] == theirs.panels[-1]
        assert mine.panels[1:] == theirs.panels[1:]
        assert theirs.panels[0] in mine.panels
        assert mine.panel_ids == theirs.panel_ids == tuple(p.id for p in theirs.panels)
        assert bool(mine.panels)
    assert [p for _, p in small.panels()] == [p for _, p in whole.panels()]
    for _, panel in whole.panels():
        assert small.find_panel(panel.id) == whole.find_panel(panel.id)
        assert small.panel(panel.id) == panel
    assert small.find_panel("no-such-panel") is None


def test_nothing_is_unpacked_until_panels_are_read(small: Exhibition) -> None:
    chapters = [chapter.panels for chapter in small.chapters]
    for chapter in small.chapters:
        assert len(chapter.panels) and chapter.panel_ids  # counting and ids
    small.find_panel(small.chapters[-1].panel_ids[-1])
    assert not any(p.unpacked for p in chapters)  # type: ignore[attr-defined]
    small.panel(small.chapters[-1].panel_ids[-1])
    assert [p.unpacked for p in chapters] == [i == len(chapters) - 1 for i in range(len(chapters))]  # type: ignore[attr-defined]


def test_only_the_chapters_read_last_stay_unpacked(whole: Exhibition) -> None:
    forget_unpacked()
    many = [ChapterPanels.of(whole.chapters[0].panels) for _ in range(KEPT_UNPACKED + 2)]
    first = many[0][0]
    assert many[0][0] is first  # the same objects while it stays unpacked
    for panels in many[1:]:
        panels[0]
    assert [p.unpacked for p in many] == [False] * 2 + [True] * KEPT_UNPACKED
    assert many[0][0] == first  # read again: unpacked again, equal
    forget_unpacked()


def test_packed_panels_survive_pickling_as_a_cache_entry_holds_them(small: Exhibition) -> None:
    again = unpack(pack(small))
    assert again == small
    assert isinstance(again.chapters[0].panels, ChapterPanels)


class _Runs:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return print, ("a foreign pickle ran code",)


@pytest.mark.parametrize(
    "data",
    [pickle.dumps(_Runs()), pickle.dumps(Path), b"", b"\x80\x05garbage", pack((1, 2))[:-3]],
    ids=["foreign-call", "foreign-class-ok-path", "empty", "garbage", "truncated"],
)
def test_unpacking_refuses_damaged_or_foreign_data(data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    if data == pickle.dumps(Path):
        assert unpack(data) is Path  # pathlib's paths are among the model's values
        return
    with pytest.raises(UnpackError):
        unpack(data)
    assert "ran code" not in capsys.readouterr().out
