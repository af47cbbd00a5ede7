"""The exhibition's structure as a tree: the settings, then chapters with their panels.

Drag and drop moves a panel (within its chapter or to another) or a chapter; the model does not move
anything itself, it asks for a :class:`~kiosk.editor.edits.MoveItem` through ``move_requested`` so that
every move is one undo step. Drops are offered as copies to the view, so the view never deletes the
dragged row after the move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kiosk.editor.document import Document, KeyPath

_MIME = "application/x-kiosk-editor-item"
#: Internal ids: 0 the settings row, 1 a chapter, 2 + chapter index a panel of that chapter.
_SETTINGS, _CHAPTER = 0, 1
AnyIndex = QModelIndex | QPersistentModelIndex


def localized_label(value: Any, language: str) -> str:
    if isinstance(value, dict):
        text = value.get(language) or next((str(v) for v in value.values() if v), "")
        return str(text)
    return "" if value is None else str(value)


class StructureModel(QAbstractItemModel):
    move_requested = Signal(object, int, object, int)  # from list path, index, to list path, index

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.language = document.languages[0]
        self.settings_label = "Exhibition settings"
        self._open: str | None = None
        document.subscribe_before(self.before_change)

    # -- where things are ----------------------------------------------------------------------
    def path_of(self, index: AnyIndex) -> KeyPath:
        """The key path of a row: () for the settings, ("chapters", c) or ("chapters", c, "panels", p)."""
        if not index.isValid() or index.internalId() == _SETTINGS:
            return ()
        if index.internalId() == _CHAPTER:
            return ("chapters", index.row() - 1)
        return ("chapters", index.internalId() - 2, "panels", index.row())

    def index_of(self, path: KeyPath) -> QModelIndex:
        if len(path) >= 2 and path[0] == "chapters" and isinstance(path[1], int):
            chapter = self.index(path[1] + 1, 0)
            if len(path) >= 4 and path[2] == "panels" and isinstance(path[3], int):
                return self.index(path[3], 0, chapter)
            return chapter
        return self.index(0, 0)

    def _panels(self, chapter: int) -> list[Any]:
        chapters = self.document.chapters()
        if not 0 <= chapter < len(chapters) or not isinstance(chapters[chapter], dict):
            return []
        panels = chapters[chapter].get("panels")
        return panels if isinstance(panels, list) else []

    # -- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row == 0:
                return self.createIndex(row, 0, _SETTINGS)
            if row - 1 < len(self.document.chapters()):
                return self.createIndex(row, 0, _CHAPTER)
            return QModelIndex()
        if parent.internalId() == _CHAPTER and row < len(self._panels(parent.row() - 1)):
            return self.createIndex(row, 0, parent.row() - 1 + 2)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() in (_SETTINGS, _CHAPTER):
            return QModelIndex()
        return self.createIndex(index.internalId() - 2 + 1, 0, _CHAPTER)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1 + len(self.document.chapters())
        if parent.internalId() == _CHAPTER:
            return len(self._panels(parent.row() - 1))
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path = self.path_of(index)
        if role == Qt.ItemDataRole.UserRole:
            return path
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not path:
            return self.settings_label
        node = self.document.get(path)
        if not isinstance(node, dict):
            return str(node)
        title = localized_label(node.get("title") or node.get("words") or node.get("alt"), self.language)
        ident = str(node.get("id", "?"))
        if len(path) == 2:
            # No number in front: a label that changed when a chapter came in above would be stale.
            return title or ident
        return f"[{node.get('type', '?')}] {ident}" + (f" — {title}" if title and title != ident else "")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _CHAPTER:
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() >= 2:
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- drag and drop ----------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if indexes:
            path = self.path_of(indexes[0])
            data.setData(_MIME, QByteArray(",".join(map(str, path)).encode()))
        return data

    def drop_target(self, source: KeyPath, row: int, parent: AnyIndex) -> tuple[KeyPath, int] | None:
        """(list path, index once moved) for dropping the item at ``source`` at ``row`` under ``parent``."""
        if len(source) == 4:  # a panel: onto a chapter (at the end) or between panels
            if not parent.isValid() or parent.internalId() != _CHAPTER:
                return None
            chapter = parent.row() - 1
            target: KeyPath = ("chapters", chapter, "panels")
            count = len(self._panels(chapter))
            index = count if row < 0 else row
            if target == source[:3] and index > int(source[3]):
                index -= 1  # the list is one shorter once the panel leaves its place
            return target, min(index, count)
        if len(source) == 2:  # a chapter: between chapters only
            if parent.isValid():
                return None
            index = max(0, (row if row >= 0 else self.rowCount()) - 1)
            if index > int(source[1]):
                index -= 1
            return ("chapters",), min(index, len(self.document.chapters()) - 1)
        return None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        raw = bytes(data.data(_MIME).data()).decode()
        if not raw:
            return False
        source: KeyPath = tuple(int(step) if step.isdigit() else step for step in raw.split(","))
        target = self.drop_target(source, row, parent)
        if target is None:
            return False
        if target[0] == source[:-1] and target[1] == source[-1]:
            return False
        self.move_requested.emit(source[:-1], int(source[-1]), target[0], target[1])
        return True

    # -- keeping in step with the document ----------------------------------------------------------
    def _parent_of(self, list_path: KeyPath) -> tuple[QModelIndex, int] | None:
        """The parent row of a list the tree shows, and the row offset of its items (the settings row)."""
        if list_path == ("chapters",):
            return QModelIndex(), 1
        if len(list_path) == 3 and list_path[0] == "chapters" and list_path[2] == "panels":
            return self.index(int(list_path[1]) + 1, 0), 0
        return None

    def before_change(self, change: tuple[Any, ...]) -> None:
        """Announce rows that are about to come, go or move (the document calls this first)."""
        self._open = None
        kind = change[0]
        if kind in ("insert", "remove"):
            where = self._parent_of(change[1])
            if where is None:
                return
            parent, offset = where
            row = int(change[2]) + offset
            if kind == "insert":
                self.beginInsertRows(parent, row, row)
            else:
                self.beginRemoveRows(parent, row, row)
            self._open = kind
        elif kind == "move":
            source, target = self._parent_of(change[1]), self._parent_of(change[3])
            if source is None or target is None:
                return
            (source_parent, offset), (target_parent, _) = source, target
            first = int(change[2]) + offset
            to = int(change[4]) + offset
            # Qt counts the destination before the row leaves: one further down within the same list.
            destination = to + 1 if change[1] == change[3] and to > first else to
            if self.beginMoveRows(source_parent, first, first, target_parent, destination):
                self._open = "move"

    def after_change(self) -> bool:
        """Close what :meth:`before_change` opened; False when the change needs a full refresh."""
        kind, self._open = self._open, None
        match kind:
            case "insert":
                self.endInsertRows()
            case "remove":
                self.endRemoveRows()
            case "move":
                self.endMoveRows()
            case _:
                return False
        return True

    def refresh(self) -> None:
        """The structure changed (a panel added, moved, removed): rebuild the rows."""
        self.beginResetModel()
        self.endResetModel()

    def label_changed(self, path: KeyPath) -> None:
        index = self.index_of(path)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
