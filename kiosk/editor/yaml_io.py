"""Round-trip YAML: read and write an exhibition file keeping comments, key order and layout.

ruamel.yaml in round-trip mode keeps what staff wrote where nothing was edited. It must be told
the file's own indentation (it cannot keep what it was not told) and a line width wide enough
never to re-wrap a long text, so that a save with no edit gives the file back byte for byte.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML

#: Wider than any line staff write: a long text is never folded onto a second line.
LINE_WIDTH = 100_000
_KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
_ITEM_LINE = re.compile(r"^( *)- ")


@dataclass(frozen=True, slots=True)
class Indent:
    """ruamel's three numbers: a map's indent, a list item's content indent, and the dash's offset."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


def guess_indent(text: str) -> Indent:
    """The indentation the file uses, from the first nested map and the first block list under a key."""
    mapping: int | None = None
    offset: int | None = None
    lines = text.splitlines()
    for number, line in enumerate(lines[:-1]):
        key = _KEY_LINE.match(line)
        if key is None:
            continue
        following = next(
            (later for later in lines[number + 1 :] if later.strip() and not later.lstrip().startswith("#")), ""
        )
        depth = len(following) - len(following.lstrip(" "))
        step = depth - len(key.group(1))
        if _ITEM_LINE.match(following) and step >= 0:
            offset = step if offset is None else offset
        elif step > 0 and mapping is None:
            mapping = step
        if mapping is not None and offset is not None:
            break
    mapping = mapping or 2
    offset = mapping if offset is None else offset
    return Indent(mapping, offset + 2, offset)


def make_yaml(indent: Indent = Indent()) -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    yaml.width = LINE_WIDTH
    yaml.preserve_quotes = True
    return yaml


def dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
