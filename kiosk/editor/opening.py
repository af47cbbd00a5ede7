"""Opening a file for editing: either a document to edit, or the problems that stop it, at their place.

The loader reads the file first (the same messages as ``kiosk validate``). A file the loader cannot
parse, or YAML that is not an exhibition at all, opens nothing: the editor shows why and never
writes to it. Anything else opens, problems and all, so staff fix them in the editor.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from kiosk.editor.document import Document, NotAnExhibition
from kiosk.loader import LoadResult, Problem, load_exhibition

#: Top-level keys of which an exhibition file has at least one.
EXHIBITION_KEYS = ("exhibition", "attract", "chapters")


@dataclass(frozen=True, slots=True)
class Opened:
    document: Document | None
    problems: tuple[Problem, ...]
    result: LoadResult | None = None


def check_text(path: Path, text: str) -> LoadResult:
    """The loader's verdict on ``text`` as if it were the file at ``path`` (media found beside it)."""
    return load_exhibition(path, data=text.encode("utf-8"))


def _parse(path: Path, text: str) -> Document:
    """The round-trip tree, parsed without the cyclic garbage collector walking it again and again.

    A 1,000-panel exhibition is millions of small objects: a full collection over them stalls every
    thread for a third of a second. Once read they are frozen (left out of later collections); they
    hold no reference cycles worth collecting, and the tree lives as long as the window.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = Document(path, text)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return document


def open_exhibition(path: Path) -> Opened:
    path = path.absolute()
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = "file not found" if isinstance(error, FileNotFoundError) else f"cannot be read ({error.strerror})"
        return Opened(None, (Problem("error", str(path), 1, 1, "", reason),))
    result = load_exhibition(path, data=data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Opened(None, result.problems, result)
    try:
        document = _parse(path, text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        parse = Problem("error", str(path), line, column, "", f"{error.problem or error.context}")
        return Opened(None, result.problems or (parse,), result)
    except (YAMLError, NotAnExhibition) as error:
        return Opened(None, result.problems or (Problem("error", str(path), 1, 1, "", str(error)),), result)
    if not any(key in document.root for key in EXHIBITION_KEYS):
        return Opened(
            None,
            (
                Problem(
                    "error",
                    str(path),
                    1,
                    1,
                    "",
                    "this is not an exhibition file: it has none of the keys 'exhibition:', 'attract:' and 'chapters:'",
                ),
            ),
            result,
        )
    return Opened(document, result.problems, result)
