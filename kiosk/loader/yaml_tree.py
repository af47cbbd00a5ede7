"""Reading YAML text into a tree of positioned nodes, safely.

We compose the tree ourselves from the parser's event stream instead of calling
``yaml.safe_load`` because staff need every position (line and column) and every
duplicate key, and because hostile files must fail fast and clean:

- no object construction at all (only plain scalars, lists and maps; custom tags refused);
- nesting deeper than :data:`MAX_DEPTH` is refused before it can exhaust the stack
  (the composer here is a loop, not recursion);
- anchors and aliases are allowed, but the size the tree would have once every alias
  is expanded is counted as it grows, so a "billion laughs" file stops at
  :data:`MAX_EXPANDED_NODES` instead of eating the machine's memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from yaml.resolver import Resolver

from kiosk.loader.problems import LoadFailed, ProblemLog

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 200_000  # a 1,000-panel exhibition holds about 36,000
MAX_FILE_BYTES = 4 * 1024 * 1024  # a 1,000-panel exhibition is about 310 KB

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_STANDARD_TAG = "tag:yaml.org,2002:"
NULL_TAG = "tag:yaml.org,2002:null"
#: Explicit tags a file may use (``!!str 2018``); any other (``!!python/object``, ``!include``) is refused.
_ALLOWED_TAGS = frozenset(_STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map"))


@dataclass(slots=True, eq=False)
class Node:
    """A YAML value with the place it was written (1-based line and column)."""

    kind: Literal["scalar", "seq", "map"]
    line: int
    column: int
    text: str = ""
    tag: str = ""
    items: list[Node] = field(default_factory=list)
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    size: int = 1
    #: A map's values by key text (the first of duplicates), so lookups stay fast in large groups.
    index: dict[str, Node] = field(default_factory=dict)
    #: The key this value was written under, if any: a group's problems point there (``attract:``).
    key: Node | None = None

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == NULL_TAG

    def describe(self) -> str:
        """How staff would call this kind of value in a message."""
        if self.kind == "seq":
            return "a list"
        if self.kind == "map":
            return "a group of keys"
        if self.is_null:
            return "nothing"
        return f"'{self.text}'"

    def get(self, key: str) -> Node | None:
        return self.index.get(key)


def decode(data: bytes, log: ProblemLog) -> str:
    """The file's text; non-UTF-8 bytes are reported at their line and column."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = data[error.start]
        hint = " (it looks like Latin-1 or Windows-1252)" if 0x80 <= byte <= 0xFF else ""
        log.error(
            line, column, "", f"this file is not UTF-8 text: byte 0x{byte:02X}{hint}; save the file with UTF-8 encoding"
        )
        raise LoadFailed from None


def _friendly(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Where a YAML syntax error is and what it means, in words for staff (1-based line, column)."""
    problem = error.problem or str(error)
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    context_mark = error.context_mark or mark

    def at(m: yaml.Mark | None, message: str) -> tuple[int, int, str]:
        return (m.line + 1, m.column + 1, message) if m else (1, 1, message)

    if "'\\t'" in problem or "\\t" in problem or "tab character" in problem:
        return at(
            mark, "a tab character is not allowed here: YAML indents with spaces only (replace the tab with spaces)"
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return at(context_mark, "the quoted text that starts here is never closed: add the closing quote")
    if "flow sequence" in context:
        return at(
            context_mark,
            "the list that opens with '[' here is not closed with ']' (or a comma is missing between its items)",
        )
    if "flow mapping" in context:
        return at(
            context_mark,
            "the group that opens with '{' here is not closed with '}' (or a comma is missing between its keys)",
        )
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return at(
            mark,
            "a backslash (\\) inside double quotes starts a special character: write paths with "
            "'/', or use single quotes",
        )
    if "mapping values are not allowed" in problem:
        return at(
            mark, "unexpected ':' here: put a text that holds ': ' in quotes, or check the indentation of this line"
        )
    if "expected '-' indicator" in problem or "did not find expected key" in problem:
        if mark is not None and _mid_line(text, mark):
            return at(
                mark,
                "unexpected text after the value: put the whole value in quotes, "
                "or remove the extra character (a closing ], } or quote too many?)",
            )
        return at(
            mark,
            "this line is not indented like the lines before it: items of one list, "
            "and keys of one group, start in the same column",
        )
    if "block sequence entries are not allowed" in problem:
        return at(
            mark,
            "a list cannot start on the same line as its key: put each '- ' item on a line "
            "of its own below the key, indented",
        )
    if "could not find expected ':'" in problem:
        return at(
            context_mark,
            "this line has no ':' after its key (or, if it continues the text above, it must be indented under it)",
        )
    if "anchor" in context or "alias" in context:
        return at(mark, "'&' and '*' must be followed by a name: put a text that starts with them in quotes")
    if "directive" in context:
        return at(mark, "a line starting with '%' is not allowed here: remove it, or put the text in quotes")
    if "cannot start any token" in problem:
        return at(mark, "a value cannot start with this character: put the text in quotes")
    where = f" ({context})" if context else ""
    return at(mark, f"YAML syntax: {problem}{where}")


def _mid_line(text: str, mark: yaml.Mark) -> bool:
    """True when ``mark`` is after the first word of its line (not at its indentation)."""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    return mark.column > len(line) - len(line.lstrip(" "))


def _path_of(stack: list[tuple[Node, Node | None]], last: str | None) -> str:
    """The key path (``chapters[0].panels[2].title``) of the value being composed.

    With ``last`` the path ends at that key of the innermost group; without it, at the
    value the innermost list or group is waiting for.
    """
    path = ""
    for node, pending_key in stack if last is None else stack[:-1]:
        if node.kind == "seq":
            path += f"[{len(node.items)}]"
        elif pending_key is not None:
            path += f".{pending_key.text}" if path else pending_key.text
    if last is None:
        return path
    return f"{path}.{last}" if path else last


def compose(text: str, log: ProblemLog) -> Node:
    """Parse ``text`` into a :class:`Node` tree, or record why not and raise LoadFailed."""
    stack: list[tuple[Node, Node | None]] = []
    anchors: dict[str, Node] = {}
    root: Node | None = None
    expanded = 0
    documents = 0
    resolved_tags: dict[tuple[str, tuple[bool, bool]], str] = {}  # plain scalars repeat: resolve each once

    def fail(line: int, column: int, message: str, *, here: bool = False) -> LoadFailed:
        log.error(line, column, _path_of(stack, None) if here else "", message)
        return LoadFailed()

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, pending_key = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
        elif pending_key is None:
            if node.kind != "scalar":
                raise fail(node.line, node.column, "a key must be a plain word, not a list or a group")
            stack[-1] = (parent, node)
        else:
            stack[-1] = (parent, None)
            first = parent.index.get(pending_key.text)
            if first is not None:
                first_key = next(key for key, value in parent.pairs if value is first)
                report_duplicate(pending_key, first_key)
                return  # the first value stays: a later duplicate is usually a pasted leftover
            parent.pairs.append((pending_key, node))
            parent.index[pending_key.text] = node
            if node.key is None:
                node.key = pending_key

    def report_duplicate(key: Node, first: Node) -> None:
        log.error(
            key.line,
            key.column,
            _path_of(stack, key.text),
            f"duplicate key '{key.text}' (first written at line {first.line}); "
            "each key may appear once in a group: remove or rename one",
        )

    try:
        # Typed loosely: the checks below are on the exact event class, which mypy cannot follow.
        events: Iterator[Any] = yaml.parse(text, Loader=_Parser)
        for event in events:
            event_type = type(event)
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            if (
                event_type is yaml.ScalarEvent
                or event_type is yaml.SequenceStartEvent
                or (event_type is yaml.MappingStartEvent)
            ):
                tag = event.tag
                if tag and tag != "!" and tag not in _ALLOWED_TAGS:
                    shown = "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag
                    raise fail(
                        line,
                        column,
                        f"the tag '{shown}' is not allowed: an exhibition holds plain "
                        "text, numbers, lists and groups only",
                        here=True,
                    )
                expanded += 1
                if expanded > MAX_EXPANDED_NODES:
                    raise fail(line, column, f"the file holds more than {MAX_EXPANDED_NODES:,} values")
                if event_type is yaml.ScalarEvent:
                    value = event.value
                    if tag:
                        resolved = tag
                    else:
                        cache_key = (value, event.implicit)
                        resolved = resolved_tags.get(cache_key) or ""
                        if not resolved:
                            resolved = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
                            if len(value) < 64:
                                resolved_tags[cache_key] = resolved
                    node = Node("scalar", line, column, text=value, tag=resolved)
                    attach(node)
                    if event.anchor:
                        anchors[event.anchor] = node
                    continue
                if len(stack) >= MAX_DEPTH:
                    raise fail(line, column, f"values are nested more than {MAX_DEPTH} levels deep")
                node = Node("seq" if event_type is yaml.SequenceStartEvent else "map", line, column)
                if event.anchor:
                    anchors[event.anchor] = node
                stack.append((node, None))
            elif event_type is yaml.SequenceEndEvent or event_type is yaml.MappingEndEvent:
                node, _ = stack.pop()
                if node.kind == "seq":
                    node.size = 1 + sum(child.size for child in node.items)
                else:
                    node.size = 1 + sum(value.size for _, value in node.pairs)
                attach(node)
            elif event_type is yaml.AliasEvent:
                target = anchors.get(event.anchor or "")
                if target is None:
                    raise fail(
                        line,
                        column,
                        f"'*{event.anchor}' repeats a value marked '&{event.anchor}', but no value above is marked so",
                        here=True,
                    )
                if any(target is open_node for open_node, _ in stack):
                    raise fail(line, column, f"'*{event.anchor}' repeats the value it is part of", here=True)
                expanded += target.size
                if expanded > MAX_EXPANDED_NODES:
                    raise fail(
                        line,
                        column,
                        "aliases (*name) expand this file to more than "
                        f"{MAX_EXPANDED_NODES:,} values: is it a 'billion laughs' file?",
                    )
                attach(target)
            elif event_type is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(line, column, "only one YAML document per file: remove the '---' and what follows")
    except yaml.MarkedYAMLError as error:
        raise fail(*_friendly(error, text)) from None
    except yaml.reader.ReaderError as error:  # control characters and the like
        position = error.position or 0
        before = text[:position]
        line = before.count("\n") + 1
        column = position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, int) else 0
        raise fail(
            line,
            column,
            f"the file holds an invisible control character (U+{character:04X}) that YAML does not allow: delete it",
        ) from None
    except yaml.YAMLError as error:
        raise fail(1, 1, f"YAML syntax: {error}") from None
    if root is None:
        raise fail(1, 1, "the file is empty: an exhibition starts with 'exhibition:', 'attract:' and 'chapters:'")
    return root
