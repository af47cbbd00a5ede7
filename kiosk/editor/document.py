"""The exhibition file being edited: a round-trip YAML tree and the few ways it changes.

Every change goes through :meth:`Document.set`, :meth:`Document.insert`, :meth:`Document.remove` or
:meth:`Document.move`, each the inverse of another, so that an undo command only has to remember
its data (see :mod:`kiosk.editor.edits`). Places in the tree are key paths such as
``("chapters", 0, "panels", 2, "title", "ar")``, the same steps as the loader's problem paths
(``chapters[0].panels[2].title.ar``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from kiosk.editor.yaml_io import Indent, dump, guess_indent, make_yaml

KeyPath = tuple[str | int, ...]
_PLAIN_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: The value of a key that is not written in the file; setting it removes the key.
MISSING: Any = _Missing()


class NotAnExhibition(ValueError):
    """The file is YAML but not a group of keys: there is nothing the editor could show."""


def format_path(path: KeyPath) -> str:
    """``("chapters", 0, "title")`` as the loader writes it: ``chapters[0].title``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def text_of(value: Any) -> str:
    """A text value as staff edit it: a block's final line break is the file's business, not theirs."""
    if value is MISSING or value is None:
        return ""
    text = str(value)
    if isinstance(value, LiteralScalarString) and text.endswith("\n"):
        return text[:-1]
    return text


def styled_like(old: Any, text: str) -> Any:
    """``text`` written the way ``old`` was: quoted if it was quoted, as a block if it was a block.

    A text that gains a line break becomes a ``|`` block: any other style would fold it.
    """
    if isinstance(old, LiteralScalarString) or "\n" in text:
        clipped = (isinstance(old, LiteralScalarString) and str(old).endswith("\n")) or not isinstance(old, str)
        return LiteralScalarString(text + "\n" if clipped and not text.endswith("\n") else text)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    return text


class Document:
    """One exhibition file: its YAML tree, its place on disk, and whether it changed since saved."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.indent: Indent = guess_indent(text)
        self._yaml = make_yaml(self.indent)
        root = self._yaml.load(text)
        if not isinstance(root, CommentedMap):
            raise NotAnExhibition("an exhibition file is a group of keys: 'exhibition:', 'attract:' and 'chapters:'")
        self.root: CommentedMap = root
        _keep_anchors(root)
        #: Counts changes: a check or an autosave started at one generation knows whether it is still current.
        self.generation = 0
        self.saved_generation = 0
        self._writing = threading.Lock()
        self._listeners: list[Callable[[KeyPath], None]] = []
        self._before: list[Callable[[tuple[Any, ...]], None]] = []

    # -- reading -------------------------------------------------------------------------------
    def get(self, path: KeyPath) -> Any:
        node: Any = self.root
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return MISSING
        return node

    def text(self) -> str:
        """The whole file as it will be saved.

        One writer at a time: ruamel lends a tree's comments to the writer while it writes, and two
        writers at once (the check's thread and a save) were measured losing comments in 31 of 45 texts.
        """
        with self._writing:
            return dump(make_yaml(self.indent), self.root)

    def dump_part(self, value: Any) -> str:
        """One part of the tree as plain YAML, comments left out (the preview converts just the panel
        being edited). Written from a plain copy with PyYAML, so it never waits for, nor disturbs, a
        whole-file write under way on the check's thread."""
        return yaml.dump(plain(value), Dumper=_PLAIN_DUMPER, allow_unicode=True, sort_keys=False, width=100_000)

    @property
    def modified(self) -> bool:
        return self.generation != self.saved_generation

    def mark_saved(self, path: Path | None = None) -> None:
        if path is not None:
            self.path = path
        self.saved_generation = self.generation

    @property
    def languages(self) -> tuple[str, ...]:
        languages = self.get(("exhibition", "languages"))
        if isinstance(languages, list) and languages:
            return tuple(str(language) for language in languages)
        return ("fr", "en", "ar")

    def chapters(self) -> list[Any]:
        chapters = self.root.get("chapters")
        return chapters if isinstance(chapters, list) else []

    def panel_ids(self) -> Iterator[str]:
        for chapter in self.chapters():
            panels = chapter.get("panels") if isinstance(chapter, dict) else None
            for panel in panels if isinstance(panels, list) else ():
                if isinstance(panel, dict) and "id" in panel:
                    yield str(panel["id"])

    # -- changing ------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[KeyPath], None]) -> None:
        """``listener(path)`` after every change, with the path of the part that changed."""
        self._listeners.append(listener)

    def subscribe_before(self, listener: Callable[[tuple[Any, ...]], None]) -> None:
        """``listener(change)`` just before a list changes: ``("insert", list, index)``,
        ``("remove", list, index)`` or ``("move", from_list, from_index, to_list, to_index)``.
        Qt's item models must announce rows before they come or go."""
        self._before.append(listener)

    def _announce(self, change: tuple[Any, ...]) -> None:
        for listener in self._before:
            listener(change)

    def note_change(self, path: KeyPath) -> None:
        """Something saved with the document changed outside the tree (a caption file's cues)."""
        self._changed(path)

    def _changed(self, path: KeyPath) -> None:
        self.generation += 1
        for listener in self._listeners:
            listener(path)

    def _container(self, path: KeyPath) -> Any:
        container = self.get(path)
        if container is MISSING:
            raise KeyError(format_path(path))
        return container

    def set(self, path: KeyPath, value: Any, *, position: int | None = None) -> Any:
        """Write ``value`` at ``path`` (``MISSING`` removes the key); returns what was there.

        A new key goes at ``position`` among its siblings (the end by default), so that, say, an
        Arabic text added to a title lands after the English one, where staff expect it.
        """
        parent = self._container(path[:-1])
        key = path[-1]
        old = self.get(path)
        if value is MISSING:
            if old is not MISSING:
                del parent[key]
        elif isinstance(parent, CommentedMap) and key not in parent and position is not None:
            parent.insert(min(position, len(parent)), key, value)
        else:
            parent[key] = value
        self._changed(path)
        return old

    def key_position(self, path: KeyPath) -> int | None:
        """Where the key at ``path`` stands among its siblings (for putting it back on undo)."""
        parent = self.get(path[:-1])
        if isinstance(parent, dict) and path[-1] in parent:
            return list(parent).index(path[-1])
        return None

    def insert(self, list_path: KeyPath, index: int, value: Any, comment: Any = None) -> None:
        """Insert ``value``; ``comment`` is what stood before it (blank lines, comments) where it came from."""
        items = self._container(list_path)
        self._announce(("insert", list_path, index))
        items.insert(index, value)
        _put_comment(items, index, comment)
        self._changed(list_path)

    def remove(self, list_path: KeyPath, index: int) -> tuple[Any, Any]:
        """Remove an item; returns it and the blank lines and comments written just before it."""
        items = self._container(list_path)
        value = items[index]
        comment = _take_comment(items, index)
        self._announce(("remove", list_path, index))
        del items[index]
        self._changed(list_path)
        return value, comment

    def move(self, from_list: KeyPath, from_index: int, to_list: KeyPath, to_index: int) -> None:
        """Move an item with what is written before it; ``to_index`` is its index once moved."""
        source = self._container(from_list)
        target = self._container(to_list)
        comment = _take_comment(source, from_index)
        self._announce(("move", from_list, from_index, to_list, to_index))
        value = source.pop(from_index)
        target.insert(to_index, value)
        _put_comment(target, to_index, comment)
        self._changed(from_list if from_list == to_list else ())


def plain(value: Any) -> Any:
    """A copy of a part of the tree in plain Python types (what PyYAML writes)."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def _keep_anchors(root: Any) -> None:
    """Mark every anchor to be written back, used or not.

    ruamel writes an anchor only where an alias refers to it, so a file with an anchor kept for later
    (``credit: &drawing-credit``) would lose it on the first save. Iterative: a deep file cannot
    exhaust the stack.
    """
    pending = [root]
    while pending:
        node = pending.pop()
        anchor = getattr(node, "anchor", None)
        if anchor is not None and getattr(anchor, "value", None):
            anchor.always_dump = True
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)


def _take_comment(items: Any, index: int) -> Any:
    # ruamel keeps the blank line or comment above a list item in the list's own comment table,
    # by index; without this a moved panel would leave its blank line behind, and the list shift it.
    if isinstance(items, CommentedSeq):
        return items.ca.items.get(index)
    return None


def _put_comment(items: Any, index: int, comment: Any) -> None:
    if isinstance(items, CommentedSeq):
        if comment is None:
            items.ca.items.pop(index, None)
        else:
            items.ca.items[index] = comment


def as_yaml_list(values: list[Any], *, flow: bool = False) -> CommentedSeq:
    seq = CommentedSeq(values)
    if flow:
        seq.fa.set_flow_style()
    return seq
