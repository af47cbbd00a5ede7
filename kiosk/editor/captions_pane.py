"""The captions of the selected video panel: cues per language, timed from the frame on screen.

Cue edits go on the window's undo stack like every other edit (:class:`CueListEdit` swaps the cues of
one caption file). The caption files are written when the exhibition is saved: every file changed
since the last save, whichever panel is on screen then, so that staff may move on to another panel
and come back to their edits. Overlapping cues and cues outside the excerpt are marked in red, cues
that break the subtitlers' rules (reading speed, time on screen, length) in amber.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.editor.captions_file import CaptionError, Cue, SaveError, check_cues, read_cues, write_cues
from kiosk.editor.document import Document
from kiosk.editor.edits import SetValue
from kiosk.editor.form_values import is_rtl
from kiosk.editor.frames import start_of
from kiosk.editor.i18n import tr
from kiosk.model.timecode import Timecode

#: A new cue lasts this long until staff set its end.
NEW_CUE_MS = 2000


@dataclass(slots=True)
class CueListEdit:
    """Replace the cues of one caption file (an undo step like any other).

    The edit keeps the file it changed: undone after staff moved to another panel, it changes that
    file again, not the captions on screen.
    """

    pane: CaptionsPane
    language: str
    new: tuple[Cue, ...]
    label: str = ""
    #: The caption file; None: the file of ``language`` on the panel on screen when first applied.
    path: Path | None = None
    old: tuple[Cue, ...] = field(default=(), init=False)

    def apply(self, document: Document) -> None:
        if self.path is None:
            self.path = self.pane.files[self.language]
        self.old = self.pane.cues_of(self.path)
        self.pane.set_file_cues(self.path, self.language, self.new)
        document.note_change(("captions", self.language))

    def revert(self, document: Document) -> None:
        assert self.path is not None
        self.pane.set_file_cues(self.path, self.language, self.old)
        document.note_change(("captions", self.language))


class _CueTextDelegate(QStyledItemDelegate):
    """The cue's text in its language's direction: an Arabic cue right to left, its full stop at its
    end, as the kiosk shows it (the table itself stays left to right, its times first)."""

    def __init__(self, pane: CaptionsPane) -> None:
        super().__init__(pane)
        self.pane = pane

    def _direction(self) -> Qt.LayoutDirection:
        return Qt.LayoutDirection.RightToLeft if is_rtl(self.pane.language) else Qt.LayoutDirection.LeftToRight

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = self._direction()
        # From the start of the line, which Qt puts at the right in a right-to-left direction.
        option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setLayoutDirection(self._direction())
        return editor


class CaptionsPane(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionsPane")
        self.window_ = window
        self.panel: tuple[Any, ...] = ()
        self.cues: dict[str, tuple[Cue, ...]] = {}  # the panel on screen's, by language
        self.files: dict[str, Path] = {}  # the panel on screen's caption files, by language
        #: Cues changed since the last save, by caption file, whichever panel they belong to.
        self.edited: dict[Path, tuple[Cue, ...]] = {}
        self.excerpt = (0, 0)
        self.language_box = QComboBox()
        self.language_box.setObjectName("captionsLanguage")
        self.language_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cueTable")
        self.table.setHorizontalHeaderLabels([tr("Start"), tr("End"), tr("Text"), tr("Check")])
        # Kept here: the table does not keep the Python object, and without it Qt would draw as before.
        self._text_delegate = _CueTextDelegate(self)
        self.table.setItemDelegateForColumn(2, self._text_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 220)
        self.table.itemChanged.connect(self._text_edited)
        self.table.currentCellChanged.connect(lambda row, _c, _r, _pc: self._seek_to(row))
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for name, label, action in (
            ("add", tr("New cue here"), self.add_cue),
            ("start", tr("Start here"), lambda: self.set_time("start")),
            ("end", tr("End here"), lambda: self.set_time("end")),
            ("delete", tr("Delete cue"), self.delete_cue),
            ("import", tr("Import…"), self.choose_import),
            ("export", tr("Export…"), self.choose_export),
        ):
            button = QPushButton(label)
            button.setObjectName(f"captions:{name}")
            button.clicked.connect(action)
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Captions")))
        top.addWidget(self.language_box)
        top.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.note)
        self._filling = False

    # -- the panel ---------------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return str(self.language_box.currentData() or "")

    def open_panel(self, panel: tuple[Any, ...], media_root: Path, start_ms: int, end_ms: int) -> None:
        document: Document = self.window_.document
        self.panel, self.media_root, self.excerpt = panel, media_root, (start_ms, end_ms)
        self.cues, self.files = {}, {}
        problems = []
        captions = document.get((*panel, "captions"))
        for language in document.languages:
            relative = captions.get(language) if isinstance(captions, dict) else None
            if relative:
                path = self.files[language] = media_root / str(relative)
                if path in self.edited:  # changed before staff moved to another panel, not saved yet
                    self.cues[language] = self.edited[path]
                    continue
                try:
                    self.cues[language] = tuple(read_cues(path))
                except CaptionError as error:
                    problems.append(f"{relative}:{error.line}: {error.message}")
        self.language_box.blockSignals(True)
        current = self.language
        self.language_box.clear()
        for language in document.languages:
            self.language_box.addItem(language, language)
        if current in document.languages:
            self.language_box.setCurrentIndex(document.languages.index(current))
        self.language_box.blockSignals(False)
        self.note.setText("\n".join(problems))
        self.refresh()

    def cues_of(self, path: Path) -> tuple[Cue, ...]:
        """The cues of a caption file as edited: unsaved changes, else the file's own (none when it
        cannot be read)."""
        if path in self.edited:
            return self.edited[path]
        try:
            return tuple(read_cues(path))
        except (CaptionError, OSError):
            return ()

    def set_file_cues(self, path: Path, language: str, cues: tuple[Cue, ...]) -> None:
        """The cues of ``path`` from now on (written at the next save); shown if the panel on screen
        has that file."""
        ordered = tuple(sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms)))
        self.edited[path] = ordered
        if self.files.get(language) != path:
            return
        self.cues[language] = ordered
        if language != self.language:
            self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.refresh()

    def refresh(self) -> None:
        cues = self.cues.get(self.language, ())
        notes = check_cues(cues, *self.excerpt)
        self._filling = True
        self.table.setRowCount(len(cues))
        for row, cue in enumerate(cues):
            mine = [note for note in notes if note.index == row]
            values = (
                str(Timecode(cue.start_ms)),
                str(Timecode(cue.end_ms)),
                cue.text,
                "; ".join(note.message for note in mine),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column != 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if mine:
                    serious = any(note.serious for note in mine)
                    item.setBackground(QColor("#f8d0d0" if serious else "#fff1d6"))
                    item.setData(Qt.ItemDataRole.UserRole, "serious" if serious else "advice")
                self.table.setItem(row, column, item)
        self._filling = False

    # -- editing -------------------------------------------------------------------------------------------
    def _now_ms(self) -> int:
        picker = self.window_.picker
        return start_of(picker.frame, picker.fps)

    def _push(self, cues: list[Cue], label: str) -> None:
        language = self.language
        if language not in self.files:
            self._give_file(language)
        self.window_.submit(CueListEdit(self, language, tuple(cues), label=label))

    def _give_file(self, language: str) -> None:
        """A language without a caption file gets one, named after the panel, and the YAML names it."""
        document: Document = self.window_.document
        panel_id = str(document.get((*self.panel, "id")))
        relative = f"captions/{panel_id}.{language}.srt"
        self.files[language] = self.media_root / relative
        captions = document.get((*self.panel, "captions"))
        if isinstance(captions, dict):
            self.window_.submit(SetValue((*self.panel, "captions", language), relative))
        else:
            from ruamel.yaml.comments import CommentedMap

            self.window_.submit(SetValue((*self.panel, "captions"), CommentedMap([(language, relative)])))

    def add_cue(self) -> None:
        start = self._now_ms()
        cues = [*self.cues.get(self.language, ()), Cue(start, start + NEW_CUE_MS, "")]
        self._push(cues, tr("New cue"))
        self.table.setCurrentCell(self._row_of(start), 2)

    def _row_of(self, start: int) -> int:
        return next((row for row, cue in enumerate(self.cues.get(self.language, ())) if cue.start_ms == start), 0)

    def set_time(self, which: str) -> None:
        row = self.table.currentRow()
        cues = list(self.cues.get(self.language, ()))
        if not 0 <= row < len(cues):
            return
        now = self._now_ms()
        cues[row] = replace(cues[row], start_ms=now) if which == "start" else replace(cues[row], end_ms=now)
        self._push(cues, tr("Cue {0}").format(which))

    def delete_cue(self) -> None:
        row = self.table.currentRow()
        cues = list(self.cues.get(self.language, ()))
        if 0 <= row < len(cues):
            del cues[row]
            self._push(cues, tr("Delete cue"))

    def _text_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 2:
            return
        cues = list(self.cues.get(self.language, ()))
        row = item.row()
        if 0 <= row < len(cues) and cues[row].text != item.text():
            cues[row] = replace(cues[row], text=item.text())
            self._push(cues, tr("Cue text"))

    def _seek_to(self, row: int) -> None:
        cues = self.cues.get(self.language, ())
        picker = self.window_.picker
        if 0 <= row < len(cues) and not self._filling:
            from kiosk.editor.frames import frame_at

            picker.go_to(frame_at(cues[row].start_ms, picker.fps))

    # -- files ----------------------------------------------------------------------------------------------
    def import_file(self, source: Path) -> bool:
        """Copy a SubRip or WebVTT file into the media folder as this language's captions."""
        from kiosk.editor.media_files import MediaError, import_file

        try:
            cues = read_cues(source)
            imported = import_file(source, self.media_root, "captions")
        except (CaptionError, MediaError) as error:
            line = f":{error.line}" if isinstance(error, CaptionError) else ""
            self.note.setText(f"{source.name}{line}: {error}")
            return False
        language = self.language
        self.window_.submit(
            SetValue((*self.panel, "captions", language), imported.relative)
            if isinstance(self.window_.document.get((*self.panel, "captions")), dict)
            else SetValue((*self.panel, "captions"), _one(language, imported.relative))
        )
        self.files[language] = imported.path
        self.cues[language] = tuple(cues)
        self.edited.pop(imported.path, None)  # the file as imported, not an older edit of that name
        self.refresh()
        return True

    def export_file(self, target: Path) -> bool:
        try:
            write_cues(target, self.cues.get(self.language, ()))
        except SaveError as error:
            self.note.setText(str(error))
            return False
        return True

    def choose_import(self) -> None:
        folder = str(getattr(self, "media_root", ""))
        name, _f = QFileDialog.getOpenFileName(self, tr("Import captions"), folder, "Captions (*.srt *.vtt)")
        if name:
            self.import_file(Path(name))

    def choose_export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, tr("Export captions"), "", "SubRip (*.srt);;WebVTT (*.vtt)")
        if name:
            self.export_file(Path(name))

    def write_changed(self) -> list[str]:
        """Write the caption files whose cues changed, on any panel; the messages of those that could
        not be written (those stay changed, for the next save)."""
        failures = []
        for path, cues in sorted(self.edited.items()):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_cues(path, cues)
            except (SaveError, OSError) as error:
                failures.append(str(error))
            else:
                del self.edited[path]
        return failures


def _one(language: str, relative: str) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap([(language, relative)])
