"""The editor's main window: structure tree, form, live preview, problems, undo history.

Every change is an undo command; the window only routes them and keeps the views in step with the
document (see docs/editing.md for what staff see, docs/decisions/0047-editor-toolkit.md for why Qt Widgets).
"""

from __future__ import annotations

import gc
import logging
import re
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from kiosk.editor import autosave
from kiosk.editor.checker import Checked, Checker
from kiosk.editor.document import Document, KeyPath, format_path
from kiosk.editor.edits import Edit, InsertItem, MoveItem, RemoveItem, SetValue, duplicate, unique_id
from kiosk.editor.fields import fields_of, panel_doc, panel_fields, settings_fields
from kiosk.editor.forms import FieldForm
from kiosk.editor.i18n import tr
from kiosk.editor.opening import Opened, open_exhibition
from kiosk.editor.preview import PreviewPane, convert_panel, with_panel
from kiosk.editor.problem_paths import parse_path, place_in_words
from kiosk.editor.saving import SaveError, write_atomically
from kiosk.editor.templates import new_chapter, new_panel
from kiosk.editor.tree_model import StructureModel
from kiosk.editor.undo import EditCommand
from kiosk.loader import LoadResult, Problem
from kiosk.loader.media_check import MediaChecker
from kiosk.model import Attract, Chapter, Exhibition, Theme
from kiosk.ui.staff_tools.watcher import ExhibitionWatcher

log = logging.getLogger(__name__)
PANEL_KINDS = ("text", "quote", "image", "video", "timeline")


class Banner(QFrame):
    """A bar across the top that asks something without blocking (an autosave to restore, a file changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("#banner { background: #fff4ce; border-bottom: 1px solid #d8c27a; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.kind = ""
        self.hide()

    def ask(self, kind: str, text: str, choices: list[tuple[str, str, Any]]) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self.kind = kind
        self.label.setText(text)
        for name, label, action in choices:
            button = QPushButton(label)
            button.setObjectName(f"banner:{name}")
            button.clicked.connect(lambda _checked=False, act=action: self._choose(act))
            self._row.addWidget(button)
            self._buttons.append(button)
        self.show()

    def _choose(self, action: Any) -> None:
        self.dismiss()
        action()

    def dismiss(self) -> None:
        self.kind = ""
        self.hide()


#: The loader's words for a missing translation: "no Arabic (ar) text".
_MISSING_LANGUAGE = re.compile(r"\bno \S.*? \(([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\) text")


def _time_ms(node: Any, key: str) -> int | None:
    """A panel's time at ``key`` (an excerpt's start or end) in ms; None when not written or not a time."""
    from kiosk.model.timecode import TimeFormatError, parse_timecode

    if not isinstance(node, dict):
        return None
    try:
        return parse_timecode(str(node.get(key, ""))).ms
    except TimeFormatError:
        return None


class _Opener(QObject):
    """Carries a background open's result back to the UI thread."""

    done = Signal(object)


class EditorWindow(QMainWindow):
    """``EditorWindow(path)``; tests pass ``check_delay_ms`` and ``confirm`` to drive it without dialogs."""

    checked = Signal()
    preview_updated = Signal()
    opened = Signal(bool)

    def __init__(
        self,
        path: Path | None = None,
        *,
        check_delay_ms: int = 400,
        preview: bool = True,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editorWindow")
        self.settings = settings or QSettings("kiosk", "kiosk-edit")
        self.document: Document | None = None
        self.result: LoadResult | None = None
        self.exhibition: Exhibition | None = None
        self.problems: tuple[Problem, ...] = ()
        self.open_problems: tuple[Problem, ...] = ()
        self.selected: KeyPath = ()
        self.checker: Checker | None = None
        self.media: MediaChecker | None = None
        self.watcher: ExhibitionWatcher | None = None
        self._known_bytes: bytes | None = None
        self.form: FieldForm | None = None
        self._forms: list[FieldForm] = []
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        #: Answers the "unsaved changes" question without a dialog (tests); None asks staff.
        self.confirm: Any = None
        self._check_timer = QTimer(self, singleShot=True, interval=check_delay_ms)
        self._check_timer.timeout.connect(self._start_check)
        self._preview_timer = QTimer(self, singleShot=True, interval=0)
        self._preview_timer.timeout.connect(self.update_preview)
        self._preview_enabled = preview
        self._moving_selection = False
        # A structural change (a move, an insert) rebuilds the form once, after the selection follows it.
        self._form_timer = QTimer(self, singleShot=True, interval=0)
        self._form_timer.timeout.connect(self._build_form)
        self._build()
        if path is not None:
            self.open_file(path)
        self._update_title()

    # -- building the window -----------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(1500, 900)
        self.setAcceptDrops(True)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner()
        column.addWidget(self.banner)
        self.form_title = QLabel()
        self.form_title.setObjectName("formTitle")
        self.form_title.setStyleSheet("font-size: 16px; font-weight: bold; padding: 6px;")
        self.form_title.setWordWrap(True)
        column.addWidget(self.form_title)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setObjectName("formArea")
        column.addWidget(self.form_area, 1)
        self.setCentralWidget(central)

        self.tree = QTreeView()
        self.tree.setObjectName("structureTree")
        self.tree.setHeaderHidden(True)
        # Rows of one height: the tree lays out 1,000 panels without measuring each row.
        self.tree.setUniformRowHeights(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self._dock(tr("Structure"), "structureDock", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.preview = PreviewPane()
        self.preview.settings_changed.connect(self.schedule_preview)
        self._dock(tr("Preview"), "previewDock", self.preview, Qt.DockWidgetArea.RightDockWidgetArea)

        from kiosk.editor.captions_pane import CaptionsPane
        from kiosk.editor.excerpt_picker import ExcerptPicker

        self.picker = ExcerptPicker(self.submit)
        self.captions = CaptionsPane(self)
        film = QSplitter(Qt.Orientation.Vertical)
        film.addWidget(self.picker)
        film.addWidget(self.captions)
        film.setSizes([500, 400])
        self.picker_dock = self._dock(
            tr("Excerpt and captions"), "excerptDock", film, Qt.DockWidgetArea.RightDockWidgetArea
        )
        # The film and the preview share the right side, one tab each: both need the room.
        preview_tab = self.findChild(QDockWidget, "previewDock")
        assert preview_tab is not None
        self.tabifyDockWidget(preview_tab, self.picker_dock)
        self.picker_dock.hide()

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)
        self._dock(tr("Problems"), "problemsDock", self.problem_list, Qt.DockWidgetArea.BottomDockWidgetArea)

        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setObjectName("undoView")
        self.undo_view.setEmptyLabel(tr("Opened"))
        history = self._dock(tr("History"), "historyDock", self.undo_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        problems = self.findChild(QDockWidget, "problemsDock")
        assert problems is not None
        # Beside the problems, not a tab behind them: both are read at once, and a second group of
        # tabbed docks left Qt 6.11 drawing a stale copy of its tab bar over the dock's title.
        self.splitDockWidget(problems, history, Qt.Orientation.Horizontal)
        self._actions()
        # The preview gets room to be read; the problem list a few lines (staff drag these as they like).
        preview_dock = self.findChild(QDockWidget, "previewDock")
        structure_dock = self.findChild(QDockWidget, "structureDock")
        if preview_dock is not None and structure_dock is not None:
            self.resizeDocks([structure_dock, preview_dock], [280, 990], Qt.Orientation.Horizontal)
            self.resizeDocks([problems], [160], Qt.Orientation.Vertical)
            self.resizeDocks([problems, history], [1400, 500], Qt.Orientation.Horizontal)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # The first time, the whole screen: the preview is half a 1080p screen (its layout is the
            # booth's, made smaller), and at 1500 pixels wide the form beside it had 160 of them.
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(max(self.width(), area.width()), max(self.height(), area.height()))
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name or text)
        menu.addAction(action)
        return action

    def _actions(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(tr("&File"))
        self._action(files, tr("&New exhibition…"), self.new_exhibition, QKeySequence.StandardKey.New, "new")
        self._action(files, tr("&Open…"), self.choose_file, QKeySequence.StandardKey.Open, "open")
        self.recent_menu = files.addMenu(tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(files, tr("&Save"), self.save, QKeySequence.StandardKey.Save, "save")
        self._action(files, tr("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs, "saveAs")
        files.addSeparator()
        self._action(files, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")
        edit = bar.addMenu(tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        structure = bar.addMenu(tr("&Structure"))
        add = structure.addMenu(tr("Add a &panel"))
        for kind in PANEL_KINDS:
            self._action(add, kind, lambda _c=False, k=kind: self.add_panel(k), None, f"add-{kind}")
        self._action(structure, tr("Add a &chapter"), self.add_chapter, None, "addChapter")
        self._action(structure, tr("&Duplicate"), self.duplicate_selected, "Ctrl+D", "duplicate")
        self._action(structure, tr("De&lete"), self.delete_selected, QKeySequence.StandardKey.Delete, "delete")
        self._action(structure, tr("Move &up"), lambda: self.move_selected(-1), "Ctrl+Up", "moveUp")
        self._action(structure, tr("Move do&wn"), lambda: self.move_selected(1), "Ctrl+Down", "moveDown")
        # F8, as translation and build tools do: the next problem, a missing translation included.
        self._action(edit, tr("&Next problem"), self.next_problem, "F8", "nextProblem")

    # -- files -----------------------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """Open ``path``; a file that cannot be read opens nothing and shows why. Returns whether it opened."""
        started = time.perf_counter()
        return self._finish_open(Path(path), open_exhibition(Path(path)), started)

    def open_in_background(self, path: Path) -> None:
        """Open ``path`` on a worker thread (a large exhibition takes seconds to parse); ``opened`` follows."""
        started = time.perf_counter()
        self.statusBar().showMessage(tr("Opening {0}…").format(path))
        opener = _Opener(self)
        opener.done.connect(lambda opened: self._finish_open(Path(path), opened, started))
        threading.Thread(
            target=lambda: opener.done.emit(open_exhibition(Path(path))), name="kiosk-edit-open", daemon=True
        ).start()

    def _finish_open(self, path: Path, opened: Opened, started: float) -> bool:
        if opened.document is None:
            self.open_problems = opened.problems
            self._show_problem_list(opened.problems)
            self.statusBar().showMessage(
                tr("Could not open {0}: see the problems below. Nothing was changed.").format(path)
            )
            self.opened.emit(False)
            return False
        self._close_document()
        self.open_problems = ()
        self._install(opened.document, opened.result)
        self._known_bytes = path.read_bytes() if path.is_file() else None
        self._offer_autosave()
        self._remember_recent(opened.document.path)
        self._update_title()  # its name, from the start (not "no exhibition" until the first edit)
        self.statusBar().showMessage(tr("Opened {0}.").format(path.name), 5000)
        log.info("opened %s in %.0f ms", path, (time.perf_counter() - started) * 1000)
        self.opened.emit(True)
        return True

    def _install(self, document: Document, result: LoadResult | None) -> None:
        self.document = document
        self.undo_stack.clear()
        self.captions.edited.clear()  # cue edits belong to the document set aside, as its undo steps do
        document.subscribe(self._document_changed)
        self.model = StructureModel(document, self)
        self.model.settings_label = tr("Exhibition settings")
        self.model.move_requested.connect(self._move_requested)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.tree.setModel(self.model)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._row_chosen)
        self.preview.set_languages(document.languages)
        self.checker = Checker(document, parent=self)
        self.checker.checked.connect(self._checked)
        self.checker.autosave_failed.connect(lambda message: self.statusBar().showMessage(message))
        self.watcher = ExhibitionWatcher(document.path, None, parent=self)
        self.watcher.changed.connect(self._file_changed_on_disk)
        if result is not None:
            self._use_result(result)
        first_panel: KeyPath = ("chapters", 0, "panels", 0)
        self.select(first_panel if document.get(first_panel) is not None else ())

    def _rows_inserted(self, parent: Any, first: int, last: int) -> None:
        """A chapter that comes in (added, duplicated, back by undo) opens like the others."""
        if not parent.isValid():
            # Once the view has laid the new rows out: expanding them before does not hold.
            rows = [QPersistentModelIndex(self.model.index(row, 0)) for row in range(first, last + 1)]

            def expand() -> None:
                for row in rows:
                    if row.isValid():
                        self.tree.expand(self.model.index(row.row(), 0))

            QTimer.singleShot(0, expand)

    def _close_document(self) -> None:
        if self.checker is not None:
            self.checker.close()
            self.checker.deleteLater()
            self.checker = None
        if self.watcher is not None:
            self.watcher.deleteLater()
            self.watcher = None
        self.document = None

    def choose_file(self) -> None:
        if not self._may_discard():
            return
        name, _filter = QFileDialog.getOpenFileName(self, tr("Open an exhibition"), "", tr("Exhibition (*.yaml *.yml)"))
        if name:
            self.open_file(Path(name))

    def new_exhibition(self) -> None:
        """A new exhibition from the starter ``kiosk new`` uses, in a new folder staff choose."""
        if not self._may_discard():
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Choose an empty folder for the new exhibition"))
        if folder:
            self.create_from_starter(Path(folder))

    def create_from_starter(self, folder: Path) -> bool:
        from kiosk.new_exhibition import create_exhibition

        try:
            config = create_exhibition(folder)
        except (ValueError, OSError) as error:
            QMessageBox.warning(self, tr("New exhibition"), str(error))
            return False
        return self.open_file(config)

    def save(self) -> bool:
        if self.document is None:
            return False
        return self._write(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the exhibition as"), str(self.document.path), tr("Exhibition (*.yaml *.yml)")
        )
        return bool(name) and self._write(Path(name))

    def _write(self, path: Path) -> bool:
        assert self.document is not None
        # Caption files first: the YAML never names a caption file that could not be written.
        caption_failures = self.captions.write_changed()
        if caption_failures:
            self.last_save_error = "\n".join(caption_failures)
            self.statusBar().showMessage(self.last_save_error)
            return False
        text = self.document.text()
        try:
            write_atomically(path, text)
        except SaveError as error:
            message = str(error)
            self.statusBar().showMessage(message)
            self.last_save_error = message
            QTimer.singleShot(0, lambda: self._tell(tr("Not saved"), message))
            return False
        self.last_save_error = ""
        autosave.discard(self.document.path)
        self.document.mark_saved(path)
        self._known_bytes = text.encode("utf-8")
        self.undo_stack.setClean()
        errors = [problem for problem in self.problems if problem.severity == "error"]
        if errors:
            self.statusBar().showMessage(
                tr(
                    "Saved, with {0} error(s) still to fix: the kiosk shows the last version "
                    "without errors until they are fixed."
                ).format(len(errors))
            )
        else:
            self.statusBar().showMessage(tr("Saved."), 5000)
        self._update_title()
        return True

    def _tell(self, title: str, text: str) -> None:
        if self.confirm is None:
            QMessageBox.warning(self, title, text)

    # -- autosave and changes on disk -------------------------------------------------------------
    def _offer_autosave(self) -> None:
        assert self.document is not None
        found = autosave.find(self.document.path)
        if found is None:
            return
        when = datetime.fromtimestamp(found.saved_at).strftime("%Y-%m-%d %H:%M")
        if found.held_by_another_editor:
            self.banner.ask(
                "elsewhere",
                tr(
                    "This exhibition is open in another editor, with changes not saved yet (at {0}). "
                    "Work in one editor only: each save would overwrite the other's."
                ).format(when),
                [("understood", tr("Understood"), lambda: None)],
            )
            return
        self.banner.ask(
            "autosave",
            tr("Changes made on {0} were never saved (the editor was closed without saving). Restore them?").format(
                when
            ),
            [
                ("restore", tr("Restore"), lambda: self.restore_text(found.text)),
                ("discard", tr("Discard them"), lambda: autosave.discard(found.original)),
            ],
        )

    def restore_text(self, text: str) -> None:
        """Put ``text`` (an autosave) in place of the document; it counts as unsaved."""
        assert self.document is not None
        path = self.document.path
        self._close_document()
        document = Document(path, text)
        self._install(document, None)
        document.saved_generation = -1
        self._start_check()
        self._update_title()

    def _file_changed_on_disk(self) -> None:
        if self.document is None:
            return
        try:
            now = self.document.path.read_bytes()
        except OSError:
            now = None
        if now == self._known_bytes or self.banner.kind == "changed":
            return
        self.banner.ask(
            "changed",
            tr("Someone else changed {0} on disk. Reload it? (Your changes here would be set aside.)").format(
                self.document.path.name
            ),
            [
                ("reload", tr("Reload"), self.reload_from_disk),
                ("keep", tr("Keep mine"), lambda: setattr(self, "_known_bytes", now)),
            ],
        )

    def reload_from_disk(self) -> None:
        if self.document is not None:
            self.open_file(self.document.path)

    # -- editing -----------------------------------------------------------------------------------------
    def submit(self, edit: Edit, merge: bool = False) -> None:
        """Apply ``edit`` as one step of the undo history (typing in one field merges into one step)."""
        if self.document is not None:
            self.undo_stack.push(EditCommand(self.document, edit, merge=merge))

    def _document_changed(self, path: KeyPath) -> None:
        assert self.document is not None
        value = self.document.get(path) if path else None
        structural = path == () or (isinstance(value, list) and (path == ("chapters",) or path[-1] == "panels"))
        if structural:
            if not self.model.after_change():
                self.model.refresh()
                self.tree.expandAll()
            self._select_row(self.selected)
        elif len(path) >= 2 and path[0] == "chapters":
            self.model.label_changed(path[:4] if len(path) >= 4 and path[2] == "panels" else path[:2])
        if (
            structural
            or any(form.needs_rebuild(path) for form in self._forms)
            or self.document.get(self.selected) is None
        ):
            self._form_timer.start()
        else:
            for form in self._forms:
                form.refresh(path)
        if len(path) == 5 and path[:4] == self.selected and path[4] in ("start", "end"):
            self._excerpt_changed()
        self._check_timer.start()
        self.schedule_preview()
        self._update_title()

    def _excerpt_changed(self) -> None:
        """New start or end (marked, typed, undone): the picker's range and the caption checks (cues
        outside the excerpt) follow."""
        assert self.document is not None
        node = self.document.get(self.selected)
        start, end = _time_ms(node, "start"), _time_ms(node, "end")
        self.picker.set_range(start, end)
        if start is None or end is None:
            return
        self.captions.excerpt = (start, end)
        self.captions.refresh()

    def _move_requested(self, from_list: KeyPath, from_index: int, to_list: KeyPath, to_index: int) -> None:
        moved = (*to_list, to_index)
        self.submit(MoveItem(from_list, from_index, to_list, to_index, label=tr("Move")))
        self.select(moved)

    def _taken_ids(self) -> set[str]:
        assert self.document is not None
        return set(self.document.panel_ids()) | {
            str(c.get("id")) for c in self.document.chapters() if isinstance(c, dict)
        }

    def add_panel(self, kind: str) -> None:
        if self.document is None or not self.document.chapters():
            return
        chapter = int(self.selected[1]) if len(self.selected) >= 2 else 0
        index = int(self.selected[3]) + 1 if len(self.selected) >= 4 else len(self.model._panels(chapter))
        panel = new_panel(kind, unique_id(f"new-{kind}", self._taken_ids()), self.document.languages)
        self.submit(InsertItem(("chapters", chapter, "panels"), index, panel, label=tr("Add a {0} panel").format(kind)))
        self.select(("chapters", chapter, "panels", index))

    def add_chapter(self) -> None:
        if self.document is None:
            return
        taken = self._taken_ids()
        chapter_id = unique_id("new-chapter", taken)
        chapter = new_chapter(
            chapter_id, unique_id(f"{chapter_id}-text", taken | {chapter_id}), self.document.languages
        )
        index = int(self.selected[1]) + 1 if len(self.selected) >= 2 else len(self.document.chapters())
        self.submit(InsertItem(("chapters",), index, chapter, label=tr("Add a chapter")))
        self.select(("chapters", index))

    def duplicate_selected(self) -> None:
        if self.document is None or len(self.selected) not in (2, 4):
            return
        value = self.document.get(self.selected)
        clone = duplicate(value, self._taken_ids())
        index = int(self.selected[-1]) + 1
        target = (*self.selected[:-1], index)
        self.submit(InsertItem(self.selected[:-1], index, clone, label=tr("Duplicate {0}").format(value.get("id"))))
        self.select(target)

    def delete_selected(self) -> None:
        if self.document is None or len(self.selected) not in (2, 4):
            return
        items = self.document.get(self.selected[:-1])
        if len(items) <= 1:
            self.statusBar().showMessage(tr("A chapter keeps at least one panel, and the exhibition one chapter."))
            return
        value = self.document.get(self.selected)
        index = int(self.selected[-1])
        self.submit(RemoveItem(self.selected[:-1], index, label=tr("Delete {0}").format(value.get("id"))))
        self.select((*self.selected[:-1], min(index, len(items) - 1)))

    def move_selected(self, step: int) -> None:
        if self.document is None or len(self.selected) not in (2, 4):
            return
        items = self.document.get(self.selected[:-1])
        index = int(self.selected[-1])
        if not 0 <= index + step < len(items):
            return
        self.submit(MoveItem(self.selected[:-1], index, self.selected[:-1], index + step, label=tr("Move")))
        self.select((*self.selected[:-1], index + step))

    # -- selection and forms --------------------------------------------------------------------------
    def select(self, path: KeyPath) -> None:
        """Show the form of the settings (``()``), a chapter or a panel, and preview it."""
        changed = tuple(path) != self.selected
        self.selected = tuple(path)
        self._select_row(self.selected)
        self._build_form()
        self.schedule_preview()
        if changed:
            self._follow_with_picker()

    def _follow_with_picker(self) -> None:
        """A video panel selected: its film in the excerpt picker; anything else: the picker rests."""
        document, path = self.document, self.selected
        node = document.get(path) if document is not None and len(path) == 4 else None
        if not isinstance(node, dict) or node.get("type") != "video" or self.exhibition is None:
            self.picker.stop()
            self.picker_dock.hide()
            preview = self.findChild(QDockWidget, "previewDock")
            if preview is not None:
                preview.raise_()
            return
        film = (self.exhibition.media_root / str(node.get("src", ""))).resolve()
        length = None
        if self.media is not None:
            from kiosk.model.fields import MediaKind

            checked = self.media.check(str(node.get("src", "")), MediaKind.VIDEO)  # reads the film's length
            length = self.media.durations.get(checked.path)
        self.picker_dock.show()
        self.picker_dock.raise_()
        start, end = _time_ms(node, "start"), _time_ms(node, "end")
        self.picker.open_film(film, path, start, end, length)
        self.captions.open_panel(path, self.exhibition.media_root, start or 0, end or 0)

    def _row_chosen(self, current: Any, _previous: Any) -> None:
        if not self._moving_selection:
            self.select(self.model.path_of(current))

    def _select_row(self, path: KeyPath) -> None:
        if self.document is None:
            return
        index = self.model.index_of(path)
        selection = self.tree.selectionModel()
        if index.isValid() and selection.currentIndex() != index:
            # Not blockSignals(): the view paints the selection from those signals.
            self._moving_selection = True
            try:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._moving_selection = False
            self.tree.scrollTo(index)

    def _build_form(self) -> None:
        self._form_timer.stop()
        if self.document is None:
            return
        document, path = self.document, self.selected
        node = document.get(path) if path else document.root
        if not isinstance(node, dict):
            path, node = (), document.root
            self.selected = ()
        page = QWidget()
        column = QVBoxLayout(page)
        self._forms = []
        submit = self.submit
        if not path:
            self.form_title.setText(tr("Exhibition settings"))
            for group, infos in settings_fields():
                column.addWidget(QLabel(f"<b>{group}</b>"))
                self._forms.append(FieldForm(document, (group,), infos, submit))
            if isinstance(document.get(("exhibition", "theme")), dict):
                column.addWidget(QLabel("<b>theme</b>"))
                self._forms.append(FieldForm(document, ("exhibition", "theme"), fields_of(Theme), submit))
            column.addWidget(QLabel(f"<b>{tr('attract loop: panels shown, in order')}</b>"))
            items = [info for info in fields_of(Attract) if info.name == "items"]
            self._forms.append(FieldForm(document, ("attract",), items, submit))
            self._schedule_form(column)
        elif len(path) == 2:
            self.form_title.setText(tr("Chapter {0}").format(node.get("id", "")))
            chapter_infos = [info for info in fields_of(Chapter) if info.name != "panels"]
            self._forms.append(FieldForm(document, path, chapter_infos, submit, media_picker=self.pick_media))
        else:
            kind = str(node.get("type", ""))
            self.form_title.setText(f"{kind} — {node.get('id', '')}\n{panel_doc(kind)}")
            media_root = self.exhibition.media_root if self.exhibition is not None else None
            self._forms.append(
                FieldForm(
                    document, path, panel_fields(kind), submit, media_picker=self.pick_media, media_root=media_root
                )
            )
        for form in self._forms:
            if form.parent() is None:
                column.addWidget(form)
        column.addStretch(1)
        self.form_area.setWidget(page)
        self.form = self._forms[0] if self._forms else None
        self._show_field_problems()

    def _schedule_form(self, column: QVBoxLayout) -> None:
        """Opening hours: the week, day by day, and the closed screen; or a button to start them."""
        from kiosk.model.schedule import Schedule, WeeklyHours

        assert self.document is not None
        column.addWidget(QLabel(f"<b>{tr('opening hours (schedule)')}</b>"))
        schedule = self.document.get(("schedule",))
        if not isinstance(schedule, dict):
            button = QPushButton(tr("Add opening hours"))
            button.setObjectName("addSchedule")
            button.clicked.connect(self.add_schedule)
            column.addWidget(button)
            return
        if isinstance(schedule.get("weekly"), dict):
            self._forms.append(FieldForm(self.document, ("schedule", "weekly"), fields_of(WeeklyHours), self.submit))
        # Exceptions (dates) are a list of their own: they stay as written, in the file.
        rest = [info for info in fields_of(Schedule) if info.name not in ("weekly", "exceptions")]
        self._forms.append(FieldForm(self.document, ("schedule",), rest, self.submit))

    def add_schedule(self) -> None:
        """Opening hours to start from: every day 09:00-18:00, to be changed to the booth's own."""
        from ruamel.yaml.comments import CommentedMap

        from kiosk.model.schedule import DAYS

        assert self.document is not None
        weekly = CommentedMap((day, "09:00-18:00") for day in DAYS)
        self.submit(
            SetValue(
                ("schedule",),
                CommentedMap([("weekly", weekly)]),
                label=tr("Add opening hours"),
                insert_at=len(self.document.root),
            )
        )
        self._build_form()

    def field_widget(self, path: KeyPath | str) -> QWidget | None:
        where = path if isinstance(path, str) else format_path(path)
        for form in self._forms:
            found = form.widget_at(where)
            if found is not None:
                return found
        return None

    def ask_alt_text(self, panel: KeyPath) -> None:
        """A picture just came in: put the cursor in its description, first language first."""
        assert self.document is not None
        self.select(panel)
        found = [self.field_widget((*panel, "alt", language)) for language in self.document.languages]
        fields = [field for field in found if field is not None]
        waiting = [field for field in fields if field.property("missing") is not False]
        if waiting or fields:
            first = (waiting or fields)[0]
            # A new picture needs its own description: the old one, if any, is selected to be typed over.
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            select_all = getattr(first, "selectAll", None)
            if select_all is not None:
                select_all()
        self.statusBar().showMessage(tr("Describe the picture in every language, for visitors who cannot see it."))

    def pick_media(self, path: KeyPath, kind: str) -> None:
        from kiosk.editor.media_import import choose_and_import

        choose_and_import(self, path, kind)

    # -- checks, problems and preview --------------------------------------------------------------
    def _start_check(self) -> None:
        if self.checker is not None:
            self.checker.request()

    def _checked(self, checked: Checked) -> None:
        if self.document is None or checked.generation != self.document.generation:
            return  # staff typed meanwhile: the next check follows
        self._use_result(checked.result)
        self.checked.emit()

    def _use_result(self, result: LoadResult) -> None:
        self.result = result
        self.problems = result.problems
        if result.exhibition is not None:
            if self.exhibition is None or self.exhibition.media_root != result.exhibition.media_root:
                self.media = MediaChecker(result.exhibition.media_root)
            self.exhibition = result.exhibition
            # Each check leaves a new model of the whole exhibition (tens of thousands of objects for
            # 1,000 panels): out of the cyclic collector's reach, as the tree is (opening.py). It has no
            # cycles; the model it replaces is freed by its reference count, frozen or not.
            gc.freeze()
        self._show_problem_list(result.problems)
        self._show_field_problems()
        self.schedule_preview()

    def _show_problem_list(self, problems: tuple[Problem, ...]) -> None:
        self.problem_list.clear()
        for problem in problems:
            # Where it is in the editor's words, and the message `kiosk validate` gives; its line, with
            # the file and the key path, in the tooltip (a file that cannot be read lists that line).
            if self.document is not None and problem.path:
                warning = tr("warning: ") if problem.severity == "warning" else ""
                text = f"{place_in_words(self.document, problem.path)}: {warning}{problem.message}"
            else:
                text = str(problem)
            item = QListWidgetItem(text)
            item.setToolTip(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.path)
            item.setForeground(Qt.GlobalColor.darkRed if problem.severity == "error" else Qt.GlobalColor.darkYellow)
            self.problem_list.addItem(item)
        errors = sum(1 for problem in problems if problem.severity == "error")
        dock = self.findChild(QDockWidget, "problemsDock")
        if dock is not None:
            # Counts after a colon, not before a noun: "1 errors" and "0 erreurs" are wrong, and each
            # language counts its plurals its own way (French: 0 and 1 singular).
            dock.setWindowTitle(tr("Problems (errors: {0}, warnings: {1})").format(errors, len(problems) - errors))

    def _show_field_problems(self) -> None:
        by_path: dict[str, list[str]] = {}
        for problem in self.problems:
            by_path.setdefault(problem.path, []).append(problem.message)
        for form in self._forms:
            form.show_problems(by_path)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        row = self.problem_list.row(item)
        problem = self.problems[row] if 0 <= row < len(self.problems) else None
        self.go_to_problem(str(item.data(Qt.ItemDataRole.UserRole) or ""), problem.message if problem else "")

    def next_problem(self) -> None:
        """The problem after the one chosen last (round to the first): its panel, its field, its language."""
        count = self.problem_list.count()
        if not count:
            self.statusBar().showMessage(tr("No problems: every text is there in every language."))
            return
        row = (self.problem_list.currentRow() + 1) % count
        self.problem_list.setCurrentRow(row)
        self._problem_chosen(self.problem_list.item(row))

    def go_to_problem(self, where: str, message: str = "") -> None:
        """Select the chapter or panel a problem is about and put the cursor in its field
        (in the missing language's box, for a missing translation)."""
        missing = _MISSING_LANGUAGE.search(message)
        if missing is not None:
            where = f"{where}.{missing.group(1)}"
        path = parse_path(where)
        if len(path) >= 4 and path[0] == "chapters" and path[2] == "panels":
            self.select(path[:4])
        elif len(path) >= 2 and path[0] == "chapters":
            self.select(path[:2])
        else:
            self.select(())
        widget = self.field_widget(where)
        if widget is not None:
            self.form_area.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def schedule_preview(self) -> None:
        if self._preview_enabled:
            self._preview_timer.start()

    def update_preview(self) -> None:
        """Show the selected panel (or the first of the selected chapter) as the kiosk draws it."""
        if self.document is None or self.exhibition is None or self.media is None:
            return
        path = self.selected
        chapter = int(path[1]) if len(path) >= 2 else 0
        index = int(path[3]) if len(path) >= 4 else 0
        if chapter >= len(self.exhibition.chapters):
            return
        node = self.document.get(("chapters", chapter, "panels", index))
        panel = None
        if isinstance(node, dict):
            panel = convert_panel(self.document.dump_part(node), self.exhibition, self.media, f"panel-{index + 1}")
        self.preview.set_languages(self.exhibition.languages)
        self.preview.show_panel(
            with_panel(self.exhibition, chapter, index, panel),
            0,
            min(index, len(self.exhibition.chapters[chapter].panels) - 1),
        )
        self.preview_updated.emit()

    # -- closing ---------------------------------------------------------------------------------------
    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        name = self.document.path.name if self.document is not None else tr("no exhibition")
        self.setWindowModified(self.document is not None and self.document.modified)
        self.setWindowTitle(f"{name}[*] — kiosk edit")

    def _may_discard(self) -> bool:
        """True when there are no unsaved changes, or staff chose to save or drop them."""
        if self.document is None or not self.document.modified:
            return True
        if self.confirm is not None:
            answer = self.confirm()
        else:
            answer = QMessageBox.question(
                self,
                tr("Unsaved changes"),
                tr("Save the changes to {0}?").format(self.document.path.name),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            autosave.discard(self.document.path)
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self._close_document()
        self.picker.close_film()
        self.preview.close_kiosk()
        event.accept()

    # -- files dragged in from the file manager ----------------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and self._media_target() is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        target = self._media_target()
        urls = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if target is None or not urls:
            return
        from kiosk.editor.media_import import import_into

        event.acceptProposedAction()
        import_into(self, target[0], target[1], Path(urls[0]))

    def _media_target(self) -> tuple[KeyPath, str] | None:
        """Where a file dropped now goes: the selected panel's picture or film."""
        if self.document is None or len(self.selected) != 4:
            return None
        kind = self.document.get((*self.selected, "type"))
        match kind:
            case "image":
                return (*self.selected, "src"), "image"
            case "video":
                return (*self.selected, "src"), "video"
            case "text" | "timeline":
                return (*self.selected, "image"), "image"
        return None

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent") or []
        return [str(item) for item in (value if isinstance(value, list) else [value])]

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [item for item in self.recent_files() if item != str(path)]
        self.settings.setValue("recent", recent[:8])

    def _fill_recent(self) -> None:
        """The files opened last, newest first; one no longer there is shown greyed out."""
        self.recent_menu.clear()
        for name in self.recent_files():
            action = self.recent_menu.addAction(name)
            action.setEnabled(Path(name).is_file())
            action.triggered.connect(lambda _checked=False, path=name: self.open_recent(Path(path)))

    def open_recent(self, path: Path) -> bool:
        return self._may_discard() and self.open_file(path)
