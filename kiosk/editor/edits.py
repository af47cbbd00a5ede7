"""The data of each undoable edit: what to do to the document, and how to undo it.

Each edit is a small frozen record with ``apply`` and ``revert``; the Qt undo commands
(:mod:`kiosk.editor.undo`) only carry one and call these, so the edits are tested without Qt.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.editor.document import MISSING, Document, KeyPath


class Edit(Protocol):
    label: str

    def apply(self, document: Document) -> None: ...

    def revert(self, document: Document) -> None: ...


@dataclass(slots=True)
class SetValue:
    """Write a value at a key path; ``MISSING`` as the new value removes the key."""

    path: KeyPath
    new: Any
    label: str = ""
    old: Any = field(default=MISSING, init=False)
    position: int | None = field(default=None, init=False)
    insert_at: int | None = None

    def apply(self, document: Document) -> None:
        self.position = document.key_position(self.path)
        self.old = document.set(self.path, self.new, position=self.insert_at)

    def revert(self, document: Document) -> None:
        document.set(self.path, self.old, position=self.position)


@dataclass(slots=True)
class InsertItem:
    list_path: KeyPath
    index: int
    value: Any
    label: str = ""
    comment: Any = None

    def apply(self, document: Document) -> None:
        document.insert(self.list_path, self.index, self.value, self.comment)

    def revert(self, document: Document) -> None:
        document.remove(self.list_path, self.index)


@dataclass(slots=True)
class RemoveItem:
    list_path: KeyPath
    index: int
    label: str = ""
    value: Any = field(default=None, init=False)
    comment: Any = field(default=None, init=False)

    def apply(self, document: Document) -> None:
        self.value, self.comment = document.remove(self.list_path, self.index)

    def revert(self, document: Document) -> None:
        document.insert(self.list_path, self.index, self.value, self.comment)


@dataclass(slots=True)
class MoveItem:
    from_list: KeyPath
    from_index: int
    to_list: KeyPath
    to_index: int
    label: str = ""

    def apply(self, document: Document) -> None:
        document.move(self.from_list, self.from_index, self.to_list, self.to_index)

    def revert(self, document: Document) -> None:
        document.move(self.to_list, self.to_index, self.from_list, self.from_index)


_NUMBERED = re.compile(r"^(.*?)-(\d+)$")


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free."""
    if wanted not in taken:
        return wanted
    match = _NUMBERED.match(wanted)
    stem, number = (match.group(1), int(match.group(2))) if match else (wanted, 2)
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def duplicate(value: Any, taken: set[str]) -> Any:
    """A deep copy of a panel or chapter with a fresh id (and fresh ids for a chapter's panels)."""
    clone = copy.deepcopy(value)
    if isinstance(clone, dict) and "id" in clone:
        clone["id"] = unique_id(str(clone["id"]), taken)
        taken.add(str(clone["id"]))
        for panel in clone.get("panels") or ():
            if isinstance(panel, dict) and "id" in panel:
                panel["id"] = unique_id(str(panel["id"]), taken)
                taken.add(str(panel["id"]))
    return clone
