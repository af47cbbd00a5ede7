"""The real editor window, driven as staff drive it: typing in fields, the tree, the problem list, saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from kiosk.editor.autosave import autosave_path
from kiosk.editor.document import format_path
from kiosk.loader import load_exhibition

from .test_document import changed_lines

STUDENT = ("chapters", 0, "panels", 1)


def type_into(qtbot, window, path: tuple[object, ...], text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    field = window.findChild(QWidget, f"field:{format_path(path)}")
    assert field is not None, f"no field for {format_path(path)}"
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)
    return field


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses carrying each character, as a keyboard of that script sends them (QTest's only know ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            )


def test_changing_one_arabic_title_and_saving_changes_that_line_only(qtbot, editor, bundled_copy: Path) -> None:
    before = bundled_copy.read_text(encoding="utf-8")
    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    type_into(qtbot, window, (*STUDENT, "title", "ar"), "طالبة في كلية الطب")
    assert window.isWindowModified()
    assert window.undo_stack.count() == 1, "typing in one field is one undo step"
    assert window.save()
    after = bundled_copy.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-          ar: طالبة طب", "+          ar: طالبة في كلية الطب"]
    assert bundled_copy.with_name("exhibition.yaml.bak").read_text(encoding="utf-8") == before
    assert not window.isWindowModified()
    assert load_exhibition(bundled_copy).ok


def test_the_arabic_column_is_edited_right_to_left(editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    arabic = window.findChild(QLineEdit, f"field:{format_path((*STUDENT, 'title', 'ar'))}")
    french = window.findChild(QLineEdit, f"field:{format_path((*STUDENT, 'title', 'fr'))}")
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert french.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_missing_translation_is_marked(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    field = type_into(qtbot, window, (*STUDENT, "title", "en"), "")
    assert field.property("missing") is True
    assert field.placeholderText()
    window.undo_stack.undo()
    assert field.text() == "A medical student" and field.property("missing") is False


def test_dragging_a_panel_down_reorders_and_undo_puts_it_back(editor, bundled_copy: Path) -> None:
    before = bundled_copy.read_text(encoding="utf-8")
    window = editor(bundled_copy, preview=False)
    model = window.model
    ids = [panel["id"] for panel in window.document.get(("chapters", 0, "panels"))]
    source = model.index_of(STUDENT)
    data: QMimeData = model.mimeData([source])
    chapter = model.index_of(("chapters", 0))
    # What the tree view does on a drop between the 3rd and 4th panels of the first chapter.
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, 3, 0, chapter)
    assert [panel["id"] for panel in window.document.get(("chapters", 0, "panels"))] == [
        ids[0],
        ids[2],
        ids[1],
        *ids[3:],
    ]
    assert model.data(model.index(2, 0, chapter)).startswith("[text] student")
    assert window.selected == ("chapters", 0, "panels", 2)
    window.undo_stack.undo()
    assert window.document.text() == before
    assert model.data(model.index(1, 0, chapter)).startswith("[text] student")


def test_a_panel_dropped_on_another_chapter_moves_there(editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    model = window.model
    data = model.mimeData([model.index_of(STUDENT)])
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, model.index_of(("chapters", 2)))
    assert window.document.get(("chapters", 2, "panels", -1, "id")) == "student"
    window.undo_stack.undo()
    assert window.document.get((*STUDENT, "id")) == "student"


def test_adding_duplicating_and_deleting_panels_are_undone_in_order(editor, bundled_copy: Path) -> None:
    before = bundled_copy.read_text(encoding="utf-8")
    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    window.add_panel("quote")
    assert window.document.get(("chapters", 0, "panels", 2, "type")) == "quote"
    window.duplicate_selected()
    assert window.document.get(("chapters", 0, "panels", 3, "id")) == "new-quote-2"
    window.delete_selected()
    window.add_chapter()
    assert window.undo_stack.count() == 4
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert window.document.text() == before


def test_problems_show_on_their_field_and_in_the_list_with_validate_s_words(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    window.select(())
    with qtbot.waitSignal(window.checked, timeout=10_000):
        type_into(qtbot, window, ("attract", "idle_timeout"), "soon")
    label = window.findChild(type(window.form_title), "problem:attract.idle_timeout")
    assert label is not None and not label.isHidden() and "soon" in label.text()
    assert window.save()  # a save with errors is allowed, and says so
    assert "error" in window.statusBar().currentMessage()
    problems = load_exhibition(bundled_copy).problems
    items = [window.problem_list.item(i) for i in range(window.problem_list.count())]
    # The place in words, the message `kiosk validate` gives; its whole line in the tooltip.
    assert [item.toolTip() for item in items] == [str(problem) for problem in problems]
    assert [item.text() for item in items] == [f"Exhibition settings ▸ Back to the loop after: {problems[0].message}"]
    window.select(STUDENT)
    window.go_to_problem("attract.idle_timeout")
    assert window.selected == ()
    assert window.focusWidget() is window.field_widget("attract.idle_timeout")


def test_a_file_changed_on_disk_is_offered_for_reload(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    text = bundled_copy.read_text(encoding="utf-8").replace("idle_timeout: 90s", "idle_timeout: 2m", 1)
    bundled_copy.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: window.banner.kind == "changed", timeout=10_000)
    window.banner.findChild(type(window.banner._buttons[0]), "banner:reload").click()
    assert window.document.get(("attract", "idle_timeout")) == "2m"


def test_our_own_save_is_not_taken_for_someone_else_s(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    type_into(qtbot, window, (*STUDENT, "title", "en"), "A student")
    window.save()
    qtbot.wait(700)  # longer than the watcher's quiet time: a banner would be up by now
    assert window.banner.kind == ""


def test_quitting_with_unsaved_changes_asks(qtbot, editor, bundled_copy: Path) -> None:
    before = bundled_copy.read_text(encoding="utf-8")
    window = editor(bundled_copy, preview=False)
    window.show()
    window.select(STUDENT)
    type_into(qtbot, window, (*STUDENT, "title", "en"), "A student")
    asked: list[bool] = []
    window.confirm = lambda: asked.append(True) or QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert asked and window.isVisible()
    window.confirm = lambda: QMessageBox.StandardButton.Save
    assert window.close()
    assert "en: A student" in bundled_copy.read_text(encoding="utf-8") != before
    assert not autosave_path(bundled_copy).exists()


def test_a_broken_file_opens_nothing_and_lists_why(editor, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("exhibition:\n  title: [unclosed\n", encoding="utf-8")
    window = editor(broken, preview=False)
    assert window.document is None
    assert window.problem_list.count() == 1
    assert window.problem_list.item(0).text().startswith(f"{broken}:2:")
    assert broken.read_text(encoding="utf-8") == "exhibition:\n  title: [unclosed\n"


def test_moves_keep_the_tree_open_and_its_rows_right(qtbot, editor, bundled_copy: Path, qtmodeltester) -> None:
    window = editor(bundled_copy, preview=False)
    model = window.model
    qtmodeltester.check(model)
    chapter = model.index_of(("chapters", 0))
    closed = QPersistentModelIndex(model.index_of(("chapters", 3)))
    window.tree.collapse(QModelIndex(closed))
    window.select(STUDENT)
    window.move_selected(1)
    window.add_chapter()
    qtbot.waitUntil(lambda: window.tree.isExpanded(model.index_of(window.selected)), timeout=2_000)
    assert closed.row() == 5, "the closed chapter moved down one row, with the new chapter above it"
    assert not window.tree.isExpanded(QModelIndex(closed)), "a chapter staff closed stays closed"
    window.undo_stack.undo()
    window.undo_stack.undo()
    labels = [model.data(model.index(row, 0, chapter)) for row in range(model.rowCount(chapter))]
    assert labels[1].startswith("[text] student")
    qtmodeltester.check(model)


def test_opening_hours_are_started_and_edited_in_the_settings(qtbot, editor, starter_copy: Path) -> None:
    before = starter_copy.read_text(encoding="utf-8")
    window = editor(starter_copy, preview=False)
    window.select(())
    window.findChild(QWidget, "addSchedule").click()
    assert window.document.get(("schedule", "weekly", "monday")) == "09:00-18:00"
    type_into(qtbot, window, ("schedule", "weekly", "sunday"), "closed")
    type_into(qtbot, window, ("schedule", "timezone"), "Europe/Paris")
    assert window.save()
    saved = load_exhibition(starter_copy)
    assert saved.ok, [str(p) for p in saved.problems]
    assert saved.exhibition.schedule.weekly.sunday == "closed"
    assert saved.exhibition.schedule.timezone == "Europe/Paris"
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert window.document.text() == before


def test_f8_goes_to_the_next_missing_translation_in_its_language(qtbot, editor, bundled_copy: Path) -> None:
    text = bundled_copy.read_text(encoding="utf-8").replace("          ar: طالبة طب\n", "", 1)
    bundled_copy.write_text(text, encoding="utf-8")
    window = editor(bundled_copy, preview=False)
    window.show()
    window.select(())
    from PySide6.QtGui import QAction, QKeySequence

    action = window.findChild(QAction, "nextProblem")
    assert action.shortcut() == QKeySequence("F8")
    action.trigger()  # F8 (an offscreen window is never the active one that shortcuts go to)
    assert window.selected == STUDENT
    arabic = window.field_widget((*STUDENT, "title", "ar"))
    assert window.focusWidget() is arabic and arabic.property("missing") is True
    type_text(arabic, "طالبة طب")
    qtbot.waitUntil(lambda: window.problem_list.count() == 0, timeout=10_000)
    action.trigger()
    assert "No problems" in window.statusBar().currentMessage()


def test_recent_files_are_offered_newest_first(editor, bundled_copy: Path, starter_copy: Path) -> None:
    window = editor(bundled_copy, preview=False)
    assert window.open_file(starter_copy)
    window.recent_menu.aboutToShow.emit()
    names = [action.text() for action in window.recent_menu.actions()]
    assert names[:2] == [str(starter_copy.absolute()), str(bundled_copy.absolute())]
    window.recent_menu.actions()[1].trigger()
    assert window.document.path == bundled_copy.absolute()


def test_a_new_paragraph_typed_at_the_end_of_a_text_stays_there(qtbot, editor, bundled_copy: Path) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    body = window.findChild(QPlainTextEdit, f"field:{format_path((*STUDENT, 'body', 'fr'))}")
    before = body.toPlainText()
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Nouveau paragraphe.")
    assert body.toPlainText() == before + "\n\nNouveau paragraphe."
    assert body.textCursor().atEnd(), "the cursor stays where staff type"
    assert str(window.document.get((*STUDENT, "body", "fr"))).rstrip("\n") == before + "\n\nNouveau paragraphe."
    assert window.save()
    saved = load_exhibition(bundled_copy)
    panel = saved.exhibition.panel(str(window.document.get((*STUDENT, "id"))))
    assert panel.body.get("fr").rstrip().endswith("Nouveau paragraphe.")


def test_arabic_typed_into_an_empty_text_box_runs_right_to_left(qtbot, editor, bundled_copy: Path) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window = editor(bundled_copy, preview=False)
    window.show()
    qtbot.waitExposed(window)
    window.select(STUDENT)
    body = window.findChild(QPlainTextEdit, f"field:{format_path((*STUDENT, 'body', 'ar'))}")
    body.setFocus()
    body.selectAll()
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    middle = body.viewport().width() / 2
    assert body.cursorRect().x() > middle, "an empty Arabic box waits at the right"
    type_text(body, "نص")
    assert body.toPlainText() == "نص"
    assert body.cursorRect().x() > middle, "the text runs from the right"


def test_fields_are_named_in_words_not_by_the_file_s_keys(editor, bundled_copy: Path) -> None:
    from PySide6.QtWidgets import QLabel

    window = editor(bundled_copy, preview=False)
    for path in (STUDENT, ("chapters", 1, "panels", 1), ()):  # a text, a film, the exhibition's settings
        window.select(path)
        labels = [label for label in window.findChildren(QLabel) if label.objectName().startswith("label:")]
        assert labels, path
        for label in labels:
            key = label.objectName().rsplit(".", 1)[-1].split(":")[-1]
            words = label.text().removesuffix(" *")
            assert words != key, f"{key} is shown as the file's key"
            assert f"({key})" in label.toolTip(), "the key stays in the tooltip, for the format's documentation"
    window.select(STUDENT)
    alt = window.findChild(QLabel, f"label:{format_path((*STUDENT, 'alt'))}")
    assert alt.text() == "Description for visitors who cannot see it"


def test_a_problem_s_place_reads_as_staff_find_it(editor, bundled_copy: Path) -> None:
    from kiosk.editor.problem_paths import place_in_words

    window = editor(bundled_copy, preview=False)
    student = window.document.get((*STUDENT, "id"))
    body = place_in_words(window.document, "chapters[0].panels[1].body.ar")
    assert body == f"Chapter 1 ▸ panel 2 ({student}) ▸ Text ▸ ar"
    assert place_in_words(window.document, "attract.invitation.fr") == "Exhibition settings ▸ Invitation to touch ▸ fr"
    assert place_in_words(window.document, "chapters[2].title") == "Chapter 3 ▸ Title"


def test_ctrl_z_in_a_text_box_undoes_through_the_window_s_history(qtbot, editor, bundled_copy: Path) -> None:
    from PySide6.QtGui import QKeySequence

    window = editor(bundled_copy, preview=False)
    window.show()
    window.activateWindow()  # shortcuts go to the active window, as the one staff work in is
    qtbot.waitUntil(window.isActiveWindow)
    window.select(STUDENT)
    field = type_into(qtbot, window, (*STUDENT, "title", "en"), "A student")
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "A medical student", "the window's undo, put back in the box"
    assert window.undo_stack.index() == 0 and window.undo_stack.canRedo(), "one history, Redo available"
    assert window.undo_stack.count() == 1, "the undo was not recorded as another edit"
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(field, redo.key(), redo.keyboardModifiers())
    assert field.text() == "A student" and window.undo_stack.index() == 1


def test_an_optional_text_written_in_no_language_is_not_a_missing_translation(
    qtbot, editor, bundled_copy: Path
) -> None:
    from kiosk.editor.document import MISSING
    from kiosk.editor.edits import SetValue

    window = editor(bundled_copy, preview=False)
    window.select(STUDENT)
    window.submit(SetValue((*STUDENT, "alt"), MISSING))  # optional here, and now written in no language
    for language in ("fr", "en", "ar"):
        box = window.findChild(QWidget, f"field:{format_path((*STUDENT, 'alt', language))}")
        assert box is not None, language
        assert box.placeholderText() == "" and box.property("missing") is False, language
    window.undo_stack.undo()
    field = type_into(qtbot, window, (*STUDENT, "alt", "en"), "")  # written in the others: one to translate
    assert field.placeholderText() and field.property("missing") is True


def test_a_long_problem_under_a_field_shows_every_line(qtbot, editor, bundled_copy: Path) -> None:
    # A file name that is not there, typed on until its message wraps under the field: the
    # message already shown kept its one line, and the second was cut.
    window = editor(bundled_copy)
    window.resize(1920, 1050)
    window.show()
    portrait = ("chapters", 0, "panels", 3)
    window.select(portrait)
    with qtbot.waitSignal(window.checked, timeout=10_000):
        field = type_into(qtbot, window, (*portrait, "src"), "images/nope.png")
    label = window.findChild(type(window.form_title), f"problem:{format_path((*portrait, 'src'))}")
    assert label is not None
    qtbot.waitUntil(lambda: label.isVisible() and "nope.png" in label.text())
    for chunk in ("-and-on-with", "-a-long-name", "-that-wraps", "-under-the-field"):
        with qtbot.waitSignal(window.checked, timeout=10_000):
            type_text(field, chunk)
    qtbot.waitUntil(lambda: "that-wraps-under" in label.text())
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines >= 2, "the message should wrap at this width, or the test shows nothing"
    # Once the events the new text posted are handled (the layout's among them), not later: a
    # window that stays as it is (no resize) would keep the message cut.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert label.height() >= label.heightForWidth(label.width())


def test_no_stale_tab_bar_is_drawn_over_the_docks(qtbot, editor, bundled_copy: Path) -> None:
    # With the problems and the history tabbed together as well as the preview and the film,
    # Qt 6.11 kept a second copy of the bottom group's tab bar, drawn over the problems' title.
    from PySide6.QtWidgets import QDockWidget, QTabBar

    window = editor(bundled_copy, preview=False)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.select(("chapters", 1, "panels", 1))  # a film: its dock joins the preview's as a tab
    qtbot.waitUntil(lambda: window.picker_dock.isVisible())
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.parent() is window]
    groups = [tuple(bar.tabText(i) for i in range(bar.count())) for bar in bars]
    # Each tab names a dock by its title as it is now (the stale copy kept the titles it was made
    # with), and no dock has two tabs.
    titles = {dock.windowTitle() for dock in window.findChildren(QDockWidget)}
    tabs = [tab for group in groups for tab in group]
    assert set(tabs) <= titles and len(tabs) == len(set(tabs)), (groups, titles)
