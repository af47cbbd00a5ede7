"""Forms built from the model's fields: one row per field, every text with all its languages side by side.

A form never changes the document itself: each field hands an edit to ``submit`` (the window pushes
it on the undo stack), and :meth:`FieldForm.refresh` puts the document's values back into the widgets
after an undo, a redo or a reload. Each field's widgets carry an ``objectName`` made from its key path
(``field:chapters[0].panels[2].title.ar``), so tests and the problem list find them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QKeyEvent, QKeySequence, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.editor.document import MISSING, Document, KeyPath, format_path, text_of
from kiosk.editor.edits import Edit, InsertItem, RemoveItem, SetValue
from kiosk.editor.field_labels import field_label
from kiosk.editor.fields import FieldInfo, fields_of
from kiosk.editor.form_values import is_rtl, localized_edit, missing_languages, position_among, text_edit
from kiosk.editor.i18n import tr
from kiosk.editor.templates import _fill
from kiosk.model import TimelineEvent

Submit = Callable[[Edit, bool], None]
#: Texts long enough to need several lines.
MULTILINE = frozenset({"body", "words", "text", "alt", "caption", "description"})
_MISSING_STYLE = "background: #fff1d6;"


def field_name(path: KeyPath) -> str:
    return f"field:{format_path(path)}"


class _OneHistory(QObject):
    """Ctrl+Z and Ctrl+Y in a text box go to the window's history, not the box's own: one undo for
    every change, as staff see it in *History* (the box's undo was recorded as yet another edit,
    left Redo greyed and could rewrite a text's quotes)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(key) for key in keys):
                event.ignore()  # not taken by the box: the window's Undo and Redo actions get it
                return True
        return False


_ONE_HISTORY = _OneHistory()


def _one_history(box: QWidget) -> QWidget:
    box.installEventFilter(_ONE_HISTORY)
    if isinstance(box, QPlainTextEdit):
        box.setUndoRedoEnabled(False)
    return box


class _ProblemNote(QLabel):
    """A field's problems in red under it, every line of them shown. The form lays its rows out by
    their size hints inside a scroll area, which never asks a wrapped label how tall it is at its
    width: a message that wrapped onto a second line was cut in half."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # The height converges: the width the layout gives does not depend on it.
        if self.width() > 0 and self.text():
            self.setMinimumHeight(max(0, self.heightForWidth(self.width())))


class _PlainText(QPlainTextEdit):
    """A several-line text field that reports its text like a QLineEdit does."""

    edited = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(150)
        self.textChanged.connect(lambda: self.edited.emit(self.toPlainText()))

    def setLayoutDirection(self, direction: Qt.LayoutDirection) -> None:
        """Also the direction of the text typed into an empty box: Qt would take it from the first
        letter of each paragraph, and an empty one starts left to right."""
        super().setLayoutDirection(direction)
        option = self.document().defaultTextOption()
        option.setTextDirection(direction)
        right_to_left = direction == Qt.LayoutDirection.RightToLeft
        option.setAlignment(Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft)
        self.document().setDefaultTextOption(option)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


class FocusPicture(QWidget):
    """The picture, small; a click sets the point the attract loop zooms toward (x, y as fractions)."""

    clicked = Signal(float, float)

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.point = (0.5, 0.5)
        self.image = QImage()
        if path is not None and path.is_file():
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid() and size.width() > 0:
                reader.setScaledSize(size.scaled(320, 200, Qt.AspectRatioMode.KeepAspectRatio))
            self.image = reader.read()
        self.has_picture = not self.image.isNull()
        if self.has_picture:
            self.setFixedSize(self.image.size())
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip(tr("Click the point of interest: the attract loop zooms toward it."))

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        x, y = self.point[0] * self.width(), self.point[1] * self.height()
        painter.setPen(QPen(QColor("#e2a740"), 2))
        painter.drawEllipse(QPointF(x, y), 9, 9)
        painter.drawLine(QPointF(x - 14, y), QPointF(x + 14, y))
        painter.drawLine(QPointF(x, y - 14), QPointF(x, y + 14))
        painter.end()

    def mousePressEvent(self, event: Any) -> None:
        position = event.position()
        x = min(1.0, max(0.0, position.x() / max(1, self.width())))
        y = min(1.0, max(0.0, position.y() / max(1, self.height())))
        self.clicked.emit(x, y)


class FieldForm(QWidget):
    """A form for the map at ``base``, one row per field of ``infos``."""

    def __init__(
        self,
        document: Document,
        base: KeyPath,
        infos: Sequence[FieldInfo],
        submit: Submit,
        *,
        media_picker: Callable[[KeyPath, str], None] | None = None,
        rebuild: Callable[[], None] | None = None,
        media_root: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._media_root = media_root
        self.document = document
        self.base = base
        self.infos = tuple(infos)
        self._submit = submit
        self._media_picker = media_picker
        self._rebuild = rebuild
        self._order = [info.name for info in self.infos]
        #: Key path -> function putting the document's value back into its widget.
        self._readers: dict[KeyPath, Callable[[], None]] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._updating = False
        #: The field whose typing is being applied: the document's value that comes back is its own
        #: text, maybe written differently (a block's last line break is the file's), and putting it
        #: back would move the cursor to the start and drop the line break just typed.
        self._typed_in: QWidget | None = None
        #: Sub-forms (one per timeline event) and the lists whose length shapes this form.
        self._children: list[FieldForm] = []
        self._structural: list[KeyPath] = []
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for info in self.infos:
            row = QWidget()
            column = QVBoxLayout(row)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self._editor(info))
            problem = _ProblemNote()
            problem.setObjectName(f"problem:{format_path((*base, info.name))}")
            column.addWidget(problem)
            self._problem_labels[format_path((*base, info.name))] = problem
            label = QLabel(field_label(info.name) + (" *" if info.required else ""))
            label.setObjectName(f"label:{format_path((*base, info.name))}")
            # The words, and the file's own key for those who read the format's documentation.
            label.setToolTip(f"{info.doc}\n({info.name})")
            row.setToolTip(info.doc)
            layout.addRow(label, row)
        self.refresh()

    # -- the editors -------------------------------------------------------------------------------
    def _editor(self, info: FieldInfo) -> QWidget:
        path = (*self.base, info.name)
        match info.widget:
            case "localized":
                return self._localized(path, multiline=info.name in MULTILINE)
            case "number":
                return self._number(path, info)
            case "focus":
                return self._focus(path)
            case "media":
                return self._media(path, info.media_kind)
            case "captions":
                return self._captions(path)
            case "events":
                return self._events(path, info.item or TimelineEvent)
            case "languages" | "items":
                return self._word_list(path)
            case _:
                return self._line(path)

    def _register(self, path: KeyPath, widget: QWidget, reader: Callable[[], None]) -> None:
        widget.setObjectName(field_name(path))
        self._widgets[format_path(path)] = widget
        self._readers[path] = reader

    def _push(self, edit: Edit | None, merge: bool = True, *, typed_in: QWidget | None = None) -> None:
        if edit is not None and not self._updating:
            self._typed_in = typed_in
            try:
                self._submit(edit, merge)
            finally:
                self._typed_in = None

    def _line(self, path: KeyPath) -> QWidget:
        edit = QLineEdit()
        _one_history(edit)

        def read() -> None:
            self._set_text(edit, text_of(self.document.get(path)))

        edit.textEdited.connect(
            lambda text: self._push(
                text_edit(self.document, path, text, order=self._order, label=tr("Edit {0}").format(path[-1])),
                typed_in=edit,
            )
        )
        self._register(path, edit, read)
        return edit

    def _localized(self, path: KeyPath, *, multiline: bool) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        languages = self.document.languages
        edits: dict[str, Any] = {}
        for column, language in enumerate(languages):
            header = QLabel(language)
            header.setStyleSheet("color: #666; font-size: 11px;")
            grid.addWidget(header, 0, column)
            edit: Any = _one_history(_PlainText() if multiline else QLineEdit())
            if is_rtl(language):
                edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
                if isinstance(edit, QLineEdit):
                    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            signal = edit.edited if multiline else edit.textEdited
            signal.connect(
                lambda text, code=language, box=edit: self._push(
                    localized_edit(
                        self.document,
                        path,
                        code,
                        text,
                        field_order=self._order,
                        label=tr("Edit {0} ({1})").format(path[-1], code),
                    ),
                    typed_in=box,
                )
            )
            grid.addWidget(edit, 1, column)
            grid.setColumnStretch(column, 1)
            edits[language] = edit
            edit.setObjectName(field_name((*path, language)))
            self._widgets[format_path((*path, language))] = edit

        def read() -> None:
            value = self.document.get(path)
            missing = set(missing_languages(value, languages))
            for code, edit in edits.items():
                text = text_of(value.get(code, MISSING)) if isinstance(value, dict) else text_of(value)
                self._set_text(edit, text)
                # A text written in some language and not this one; an optional text written in none
                # (a narration nobody recorded) is not a translation missing.
                lacking = code in missing and value is not MISSING
                edit.setStyleSheet(_MISSING_STYLE if lacking else "")
                edit.setPlaceholderText(tr("missing translation") if lacking else "")
                edit.setProperty("missing", lacking)

        self._readers[path] = read
        self._widgets[format_path(path)] = box
        return box

    def _number(self, path: KeyPath, info: FieldInfo) -> QWidget:
        spin = QSpinBox()
        spin.setRange(
            int(info.minimum if info.minimum is not None else 0),
            int(info.maximum if info.maximum is not None else 1_000_000),
        )

        def read() -> None:
            value = self.document.get(path)
            self._updating = True
            fallback = info.default if isinstance(info.default, int) else 0
            spin.setValue(int(value) if isinstance(value, int) else fallback)
            self._updating = False

        spin.valueChanged.connect(
            lambda value: self._push(SetValue(path, value, label=tr("Edit {0}").format(path[-1])))
        )
        self._register(path, spin, read)
        return spin

    def _focus(self, path: KeyPath) -> QWidget:
        outer = QWidget()
        stack = QVBoxLayout(outer)
        stack.setContentsMargins(0, 0, 0, 0)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(box)
        spins = []
        for axis in ("x", "y"):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setPrefix(f"{axis} ")
            row.addWidget(spin)
            spins.append(spin)

        def write() -> None:
            from kiosk.editor.document import as_yaml_list

            value = as_yaml_list([round(spins[0].value(), 3), round(spins[1].value(), 3)], flow=True)
            self._push(SetValue(path, value, label=tr("Edit {0}").format(path[-1])), False)

        picture = FocusPicture(self._picture_path(path[:-1]))
        picture.setObjectName(f"focusPicture:{format_path(path)}")

        def read() -> None:
            value = self.document.get(path)
            self._updating = True
            point = value if isinstance(value, list) and len(value) == 2 else (0.5, 0.5)  # the model's default
            for spin, number in zip(spins, point, strict=True):
                spin.setValue(float(number))
            picture.point = (float(point[0]), float(point[1]))
            picture.update()
            self._updating = False

        def clicked(x: float, y: float) -> None:
            self._updating = True
            spins[0].setValue(round(x, 2))
            spins[1].setValue(round(y, 2))
            self._updating = False
            write()

        picture.clicked.connect(clicked)
        if picture.has_picture:
            stack.addWidget(picture)
        for spin in spins:
            spin.valueChanged.connect(lambda _value: write())
        self._register(path, outer, read)
        return outer

    def _picture_path(self, panel: KeyPath) -> Path | None:
        src = self.document.get((*panel, "src"))
        if self._media_root is None or not isinstance(src, str) or not src:
            return None
        return self._media_root / src

    def _media(self, path: KeyPath, kind: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        line = self._line(path)
        row.addWidget(line, 1)
        picker = self._media_picker
        if picker is not None:
            button = QPushButton(tr("Choose…"))
            button.setObjectName(f"choose:{format_path(path)}")
            button.clicked.connect(lambda: picker(path, kind))
            row.addWidget(button)
        return box

    def _captions(self, path: KeyPath) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        for language in self.document.languages:
            line = QLineEdit()
            lang_path = (*path, language)

            def read(line: QLineEdit = line, lang_path: KeyPath = lang_path) -> None:
                self._set_text(line, text_of(self.document.get(lang_path)))

            def write(text: str, lang_path: KeyPath = lang_path) -> None:
                if self.document.get(path) is MISSING:
                    from ruamel.yaml.comments import CommentedMap

                    self._push(SetValue(path, CommentedMap([(lang_path[-1], text)])))
                else:
                    self._push(text_edit(self.document, lang_path, text, order=self.document.languages))

            line.textEdited.connect(write)
            self._register(lang_path, line, read)
            form.addRow(language, line)
        return box

    def _word_list(self, path: KeyPath) -> QWidget:
        """Languages or ids written as a list: shown and typed as words separated by commas."""
        line = QLineEdit()

        def read() -> None:
            value = self.document.get(path)
            self._set_text(line, ", ".join(map(str, value)) if isinstance(value, list) else "")

        def write() -> None:
            from kiosk.editor.document import as_yaml_list

            words = [word.strip() for word in line.text().split(",") if word.strip()]
            old = self.document.get(path)
            if isinstance(old, list) and list(map(str, old)) == words:
                return
            flow = bool(getattr(getattr(old, "fa", None), "flow_style", lambda: False)())
            self._push(SetValue(path, as_yaml_list(words, flow=flow), label=tr("Edit {0}").format(path[-1])), False)

        line.editingFinished.connect(write)
        self._register(path, line, read)
        return line

    def _events(self, path: KeyPath, item: type) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        events = self.document.get(path)
        count = len(events) if isinstance(events, list) else 0
        for index in range(count):
            group = QGroupBox(f"{index + 1}")
            inner = QVBoxLayout(group)
            form = FieldForm(self.document, (*path, index), fields_of(item), self._submit)
            self._children.append(form)
            inner.addWidget(form)
            remove = QPushButton(tr("Remove"))
            remove.clicked.connect(
                lambda _checked=False, i=index: self._push(
                    RemoveItem(path, i, label=tr("Remove from {0}").format(path[-1])), False
                )
            )
            inner.addWidget(remove)
            column.addWidget(group)
        add = QPushButton(tr("Add one"))
        add.setObjectName(f"add:{format_path(path)}")
        add.clicked.connect(lambda: self._add_item(path, count, item))
        column.addWidget(add)
        self._structural.append(path)
        return box

    # -- keeping in step with the document ---------------------------------------------------------
    def _add_item(self, path: KeyPath, count: int, item: type) -> None:
        entry = _fill(fields_of(item), self.document.languages)
        if self.document.get(path) is MISSING:  # the first of an optional list: the list comes with it
            from ruamel.yaml.comments import CommentedSeq

            parent = self.document.get(path[:-1])
            position = position_among(list(parent), self._order, str(path[-1])) if isinstance(parent, dict) else None
            self._push(
                SetValue(path, CommentedSeq([entry]), label=tr("Add {0}").format(path[-1]), insert_at=position), False
            )
        else:
            self._push(InsertItem(path, count, entry, label=tr("Add {0}").format(path[-1])), False)

    def _set_text(self, edit: Any, text: str) -> None:
        if edit is self._typed_in:
            return  # staff are typing here: the box already shows their text
        if edit.text() != text:
            self._updating = True
            edit.setText(text)
            self._updating = False
            if isinstance(edit, QLineEdit) and not edit.hasFocus():
                edit.setCursorPosition(0)  # a long text shows its beginning, not its end

    def refresh(self, changed: KeyPath | None = None) -> None:
        """Put the document's values back in the widgets (all, or those at and under ``changed``)."""
        for path, read in self._readers.items():
            if changed is None or path[: len(changed)] == changed or changed[: len(path)] == path:
                read()
        for child in self._children:
            child.refresh(changed)

    def needs_rebuild(self, changed: KeyPath) -> bool:
        """True when a list this form lays out (timeline events) gained or lost an item."""
        return any(changed == path for path in self._structural) or any(
            child.needs_rebuild(changed) for child in self._children
        )

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Problems by field path: each on its field, the rest left to the list."""
        for path, label in self._problem_labels.items():
            lines = [
                message
                for where, messages in problems.items()
                if where == path or where.startswith(path + ".") or where.startswith(path + "[")
                for message in messages
            ]
            label.setText("\n".join(lines))
            label.setVisible(bool(lines))
        for child in self._children:
            child.show_problems(problems)

    def widget_at(self, path: str) -> QWidget | None:
        """The widget of the field at ``path`` (or of the closest field above it)."""
        probe = path
        while probe:
            if probe in self._widgets:
                return self._widgets[probe]
            for child in self._children:
                found = child.widget_at(probe)
                if found is not None:
                    return found
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return None
