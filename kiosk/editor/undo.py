"""Qt's undo stack over the document's edits: every change staff make is one command on it."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from kiosk.editor.document import Document
from kiosk.editor.edits import Edit, SetValue

#: Command id of text edits: typing in one field merges into one undo step.
_SET_VALUE_ID = 1


class EditCommand(QUndoCommand):
    """One edit of :mod:`kiosk.editor.edits` on the undo stack (pushing it applies it)."""

    def __init__(self, document: Document, edit: Edit, *, merge: bool = False) -> None:
        super().__init__(edit.label)
        self.document = document
        self.edits: list[Edit] = [edit]
        self._merge = merge

    def redo(self) -> None:
        for edit in self.edits:
            edit.apply(self.document)

    def undo(self) -> None:
        for edit in reversed(self.edits):
            edit.revert(self.document)

    def id(self) -> int:
        return _SET_VALUE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Keystrokes in the same field are one step: undo takes back the whole word, not a letter."""
        if not isinstance(other, EditCommand) or not other._merge:
            return False
        mine, theirs = self.edits[-1], other.edits[0]
        if not (isinstance(mine, SetValue) and isinstance(theirs, SetValue) and mine.path == theirs.path):
            return False
        self.edits.extend(other.edits)
        return True
