"""The list models' common part: named roles over Python rows, and rows whose text follows the language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)

Row = TypeVar("Row")
# Qt's role numbers, fixed by Qt's API (tests/ui/test_startup_imports.py checks them): naming
# ``Qt.ItemDataRole`` would make PySide build its whole ``Qt`` namespace, about 15 ms, before the
# kiosk's first frame.
DISPLAY_ROLE = 0  # Qt::DisplayRole
USER_ROLE = 0x0100  # Qt::UserRole
_FIRST_ROLE = USER_ROLE + 1


class RowListModel(QAbstractListModel, Generic[Row]):
    """A list model over Python rows: subclasses name their roles in ``ROLES`` and compute each
    with :meth:`value`; ``DISPLAY`` names the role Qt's DisplayRole reads (views and model testers).

    Role numbers follow the order of ``ROLES`` from ``Qt.UserRole + 1``: :meth:`role` gives one by name.
    """

    ROLES: ClassVar[tuple[str, ...]] = ()
    DISPLAY: ClassVar[str | None] = None
    countChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    @classmethod
    def role(cls, name: str) -> int:
        return _FIRST_ROLE + cls.ROLES.index(name)

    def value(self, row: Row, role: str, index: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def roleNames(self) -> dict[int, QByteArray]:
        return {_FIRST_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self.ROLES)}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == DISPLAY_ROLE and self.DISPLAY is not None:
            name = self.DISPLAY
        elif 0 <= role - _FIRST_ROLE < len(self.ROLES):
            name = self.ROLES[role - _FIRST_ROLE]
        else:
            return None
        return self.value(self._rows[index.row()], name, index.row())

    def replace_rows(self, rows: Sequence[Row]) -> None:
        """All new rows: the delegates are made again."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.countChanged.emit()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)


class LocalizedListModel(RowListModel[Row]):
    """Rows of model objects whose text follows the visitor's language.

    A language change re-reads every row (dataChanged), so everything on screen switches
    at once without rebuilding delegates.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current_language = "en"
        self.all_languages: tuple[str, ...] = ("en",)

    def set_rows(self, rows: Sequence[Row], language: str, languages: tuple[str, ...]) -> None:
        """New rows; a reload that keeps the rows' identities updates delegates in place.

        A reset destroys every delegate (a chapter's panels, mid-visit); when the ids line up
        (a live reload of the same chapter) the rows change under the delegates instead.
        """
        new = list(rows)
        same_shape = len(new) == len(self._rows) and all(
            getattr(a, "id", a) == getattr(b, "id", b) for a, b in zip(new, self._rows, strict=True)
        )
        self.current_language, self.all_languages = language, languages
        if same_shape and new:
            self._rows = new
            self.dataChanged.emit(self.index(0), self.index(len(new) - 1))
            return
        self.replace_rows(new)

    def set_language(self, language: str) -> None:
        if language == self.current_language:
            return
        self.current_language = language
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
