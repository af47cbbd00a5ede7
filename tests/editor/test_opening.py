"""Opening: a file that cannot be an exhibition opens nothing, and says why at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.editor.opening import open_exhibition

from .conftest import BUNDLED


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("exhibition:\n  id: x\n  title: [unclosed\n", (3, 10), "not closed"),
        ("exhibition:\n\tid: x\n", (2, 1), "cannot start"),
        ("services:\n  web: {image: nginx}\n", (1, 1), "not an exhibition"),
        ("- just\n- a list\n", (1, 1), "group of keys"),
    ],
    ids=["unclosed-list", "tab", "other-yaml", "a-list"],
)
def test_a_file_that_is_not_an_exhibition_opens_nothing(
    tmp_path: Path, text: str, where: tuple[int, int], words: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    opened = open_exhibition(path)
    assert opened.document is None
    first = opened.problems[0]
    assert (first.line, first.column) == where
    assert words in first.message
    assert path.read_text(encoding="utf-8") == text


def test_bytes_that_are_not_utf8_open_nothing(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("exhibition:\n  id: caf\xe9\n".encode("latin-1"))
    opened = open_exhibition(path)
    assert opened.document is None
    assert opened.problems and opened.problems[0].line == 2


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    opened = open_exhibition(tmp_path / "nowhere.yaml")
    assert opened.document is None and "not found" in opened.problems[0].message


def test_a_file_with_mistakes_opens_with_the_same_problems_as_validate(bundled_copy: Path) -> None:
    text = bundled_copy.read_text(encoding="utf-8").replace("idle_timeout: 90s", "idle_timeout: soon", 1)
    bundled_copy.write_text(text, encoding="utf-8")
    opened = open_exhibition(bundled_copy)
    assert opened.document is not None
    from kiosk.loader import load_exhibition

    assert [str(p) for p in opened.problems] == [str(p) for p in load_exhibition(bundled_copy).problems]
    assert any(p.path == "attract.idle_timeout" for p in opened.problems)


def test_the_bundled_exhibition_opens_clean() -> None:
    opened = open_exhibition(BUNDLED)
    assert opened.document is not None and not opened.problems
