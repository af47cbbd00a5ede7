"""Property tests: whatever bytes a file holds, the loader answers with problems, never an exception.

Random bytes, random text, random YAML documents, and a valid exhibition mutated the way
people and broken copies mutate files (a key deleted, duplicated or given a value of the
wrong type; a file cut short; bytes flipped). ``load_exhibition`` has a safety net that turns
a loader fault into a problem; these tests fail when that net catches anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.loader import LoadResult, load_exhibition
from kiosk.loader.load import INTERNAL_ERROR

HERE = Path(__file__).parent
FULL_TEXT = (
    (HERE / "valid" / "full.yaml")
    .read_text(encoding="utf-8")
    .replace("media: ../fixtures/media", f"media: {(HERE / 'fixtures' / 'media').resolve().as_posix()}")
)
FULL_DATA: dict[str, Any] = yaml.safe_load(FULL_TEXT)

#: KIOSK_FUZZ_EXAMPLES=5000 for a long hunt; the default keeps the suite quick.
FUZZ = settings(
    max_examples=int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "exhibition.yaml"


def load_bytes(path: Path, data: bytes) -> LoadResult:
    path.write_bytes(data)
    result = load_exhibition(path)
    check_result(result)
    return result


def check_result(result: LoadResult) -> None:
    for problem in result.problems:
        assert INTERNAL_ERROR not in problem.message, problem
        assert problem.severity in ("error", "warning")
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message and "Traceback" not in problem.message
        assert str(problem).startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
    assert result.ok == (result.exhibition is not None and not result.errors)
    if result.exhibition is None:
        assert result.errors, "no exhibition and no error to say why"


def test_the_unmutated_exhibition_is_valid(scratch: Path) -> None:
    assert load_bytes(scratch, FULL_TEXT.encode()).ok
    assert load_bytes(scratch, yaml.safe_dump(FULL_DATA, allow_unicode=True).encode()).ok


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(scratch: Path, data: bytes) -> None:
    load_bytes(scratch, data)


@FUZZ
@given(st.text(max_size=1000))
def test_random_text(scratch: Path, text: str) -> None:
    load_bytes(scratch, text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("abc:- \n\t[]{},&*!|>'\"#%@`?0123456789.")), max_size=400))
def test_yaml_punctuation_soup(scratch: Path, text: str) -> None:
    load_bytes(scratch, text.encode())


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        [
            "00:01",
            "1:30",
            "90s",
            "-5",
            "012",
            "0x1F",
            ".inf",
            ".nan",
            "~",
            "yes",
            "#fff",
            "images/photo.png",
            "video/clip.mp4",
            "text",
            "video",
            "image",
            "quote",
            "timeline",
            "fr",
            "en",
            "2018-01-01",
        ]
    ),
)
keys = st.one_of(
    st.sampled_from(
        [
            "exhibition",
            "attract",
            "chapters",
            "id",
            "title",
            "panels",
            "type",
            "src",
            "start",
            "end",
            "languages",
            "items",
            "invitation",
            "media",
            "captions",
            "events",
            "focus",
            "volume",
            "poster",
            "theme",
            "en",
            "fr",
            "body",
            "words",
            "who",
            "alt",
            "date",
            "text",
        ]
    ),
    st.text(max_size=8),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=40,
)


@FUZZ
@given(documents)
def test_random_yaml_documents(scratch: Path, document: Any) -> None:
    load_bytes(scratch, yaml.safe_dump(document, allow_unicode=True).encode())


# -- mutations of a valid exhibition --------------------------------------------------------------


def places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path inside ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from places(value, (*path, index))


PLACES = list(places(FULL_DATA))


def _copy(data: Any) -> Any:
    return yaml.safe_load(yaml.safe_dump(data))


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = _copy(FULL_DATA)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PLACES))
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or retyped this place
        if not isinstance(parent, dict | list):
            continue  # retyped into text, which has no places to change
        action = draw(st.sampled_from(["delete", "retype", "copy-elsewhere", "empty"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(documents)
        elif action == "empty":
            parent[path[-1]] = type(parent[path[-1]])() if isinstance(parent[path[-1]], dict | list | str) else None
        else:
            parent[path[-1]] = _copy(data.get(draw(st.sampled_from(["exhibition", "attract", "chapters"])), 0))
    return data


@FUZZ
@given(mutated())
def test_mutated_exhibitions(scratch: Path, data: Any) -> None:
    load_bytes(scratch, yaml.safe_dump(data, allow_unicode=True).encode())


LINES = FULL_TEXT.splitlines(keepends=True)


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(["duplicate", "delete", "swap", "indent", "dedent"]), st.integers(0, len(LINES) - 1)),
        min_size=1,
        max_size=4,
    )
)
def test_line_edits(scratch: Path, edits: list[tuple[str, int]]) -> None:
    """Edits as a person makes them in a text editor: lines copied, deleted, moved, shifted."""
    lines = list(LINES)
    for action, index in edits:
        index %= len(lines)
        if action == "duplicate":
            lines.insert(index, lines[index])  # duplicate keys, duplicate ids
        elif action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "dedent":
            lines[index] = lines[index].removeprefix("  ")
    load_bytes(scratch, "".join(lines).encode())


@FUZZ
@given(st.integers(0, len(FULL_TEXT.encode())))
def test_truncated_exhibition(scratch: Path, cut: int) -> None:
    load_bytes(scratch, FULL_TEXT.encode()[:cut])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(FULL_TEXT.encode()) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_flipped_bytes(scratch: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(FULL_TEXT.encode())
    for offset, value in flips:
        data[offset] = value
    load_bytes(scratch, bytes(data))


@FUZZ
@given(st.integers(0, len(FULL_TEXT)), st.text(min_size=1, max_size=30))
def test_inserted_text(scratch: Path, offset: int, insert: str) -> None:
    load_bytes(scratch, (FULL_TEXT[:offset] + insert + FULL_TEXT[offset:]).encode("utf-8", errors="surrogatepass"))


#: Values as written in YAML text, including the surprising ones YAML 1.1 reads as numbers, dates or nothing.
RAW_VALUES = [
    "012",
    "0x1F",
    "0o17",
    "0b101",
    "1:30",
    "1:30.5",
    "190:20:30",
    "+5",
    "-5",
    "1_000",
    "1e5",
    "1.0e+3",
    ".inf",
    "-.inf",
    ".nan",
    "~",
    "null",
    "",
    "yes",
    "off",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "2001-12-14",
    "!!str 12",
    "!!int x",
    "!!float x",
    "!!bool maybe",
    "!!null x",
    "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "&anchor 1",
    "*nowhere",
    "'quoted'",
    '"a\\x00b"',
    "|\n  block",
    ">-\n  folded",
    '"\\uD800"',
    "a # comment",
    "'",
    '"',
    "? complex",
]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(RAW_VALUES)), min_size=1, max_size=3))
def test_values_rewritten_in_yaml_text(scratch: Path, edits: list[tuple[int, str]]) -> None:
    """Each value a person could type after 'key: ', on any line of a valid exhibition."""
    lines = list(LINES)
    for index, raw in edits:
        line = lines[index]
        if ": " in line and not line.lstrip().startswith("#"):
            lines[index] = line[: line.index(": ") + 2] + raw + "\n"
    load_bytes(scratch, "".join(lines).encode())
