"""The document without Qt: round trip byte for byte, edits that touch only their line, and their undo."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from kiosk.editor.document import MISSING, Document, text_of
from kiosk.editor.edits import InsertItem, MoveItem, RemoveItem, SetValue, duplicate
from kiosk.editor.form_values import localized_edit, text_edit
from kiosk.editor.yaml_io import guess_indent

from .conftest import BUNDLED, ROOT

STARTER = ROOT / "kiosk" / "starter" / "exhibition.yaml"


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", [BUNDLED, STARTER], ids=["bundled", "starter"])
def test_a_save_with_no_edit_writes_the_file_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert Document(path, text).text() == text


def test_an_anchor_no_alias_uses_yet_is_kept() -> None:
    text = "a:\n  credit: &drawing-credit\n    fr: Dessin\n  other: &used x\nb: *used\n"
    assert Document(Path("x.yaml"), text).text() == text


def test_a_file_indented_by_four_comes_back_indented_by_four() -> None:
    text = "# four spaces\nexhibition:\n    id: x   # kept\n    languages:\n    - fr\n    - en\nchapters: []\n"
    assert guess_indent(text).mapping == 4
    assert Document(Path("x.yaml"), text).text() == text


def test_changing_one_arabic_title_changes_that_line_only() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    document = Document(BUNDLED, text)
    edit = localized_edit(document, ("chapters", 0, "panels", 1, "title"), "ar", "طالبة في كلية الطب")
    assert edit is not None
    edit.apply(document)
    after = document.text()
    assert changed_lines(text, after) == ["-          ar: طالبة طب", "+          ar: طالبة في كلية الطب"]
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == [
        line for line in text.splitlines() if line.lstrip().startswith("#")
    ]
    edit.revert(document)
    assert document.text() == text


def test_a_quoted_text_stays_quoted_and_a_block_stays_a_block() -> None:
    document = Document(BUNDLED, BUNDLED.read_text(encoding="utf-8"))
    title = ("exhibition", "title", "en")
    SetValue(title, text_edit(document, title, "Amani Ballour: still caring").new).apply(document)  # type: ignore[union-attr]
    assert '    en: "Amani Ballour: still caring"' in document.text()
    body = ("chapters", 0, "panels", 1, "body", "en")
    old = text_of(document.get(body))
    first_line = old.splitlines()[0]
    edit = text_edit(document, body, old.replace(first_line, "A new first line.", 1))
    assert edit is not None
    edit.apply(document)
    assert "          en: |\n            A new first line.\n" in document.text()
    assert document.get(body).endswith(old.splitlines()[-1] + "\n"), "the block keeps its final line break"


def test_a_missing_translation_is_added_after_the_languages_before_it() -> None:
    text = "exhibition:\n  languages: [fr, en, ar]\n  title:\n    fr: Titre\n    ar: عنوان\n"
    document = Document(Path("x.yaml"), text)
    edit = localized_edit(document, ("exhibition", "title"), "en", "Title")
    assert edit is not None
    edit.apply(document)
    assert document.text().endswith("  title:\n    fr: Titre\n    en: Title\n    ar: عنوان\n")
    edit.revert(document)
    assert document.text() == text


def test_emptying_a_translation_removes_it_and_undo_puts_it_back_in_its_place() -> None:
    text = "exhibition:\n  languages: [fr, en]\n  title:\n    fr: Titre   # kept\n    en: Title\n"
    document = Document(Path("x.yaml"), text)
    edit = localized_edit(document, ("exhibition", "title"), "fr", "")
    assert edit is not None and edit.new is MISSING
    edit.apply(document)
    assert "fr:" not in document.text()
    edit.revert(document)
    assert document.text() == text


def test_reordering_panels_and_undoing_gives_the_file_back() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    document = Document(BUNDLED, text)
    panels = ("chapters", 0, "panels")
    first = [panel["id"] for panel in document.get(panels)]
    move = MoveItem(panels, 0, panels, 2)
    move.apply(document)
    assert [panel["id"] for panel in document.get(panels)] == [first[1], first[2], first[0], *first[3:]]
    move.revert(document)
    assert document.text() == text


def test_moving_a_panel_to_another_chapter_duplicating_and_deleting() -> None:
    document = Document(BUNDLED, BUNDLED.read_text(encoding="utf-8"))
    text = document.text()
    source, target = ("chapters", 0, "panels"), ("chapters", 1, "panels")
    moved_id = document.get((*source, 1, "id"))
    MoveItem(source, 1, target, 0).apply(document)
    assert document.get((*target, 0, "id")) == moved_id
    clone = duplicate(document.get((*target, 0)), set(document.panel_ids()))
    assert clone["id"] == f"{moved_id}-2"
    insert = InsertItem(target, 1, clone)
    insert.apply(document)
    remove = RemoveItem(target, 1)
    remove.apply(document)
    remove.revert(document)
    insert.revert(document)
    MoveItem(target, 0, source, 1).apply(document)
    assert document.text() == text


def test_every_change_moves_the_generation_and_saving_marks_it() -> None:
    document = Document(BUNDLED, BUNDLED.read_text(encoding="utf-8"))
    seen: list[tuple[object, ...]] = []
    document.subscribe(seen.append)
    assert not document.modified
    SetValue(("attract", "idle_timeout"), "2m").apply(document)
    assert document.modified and seen == [("attract", "idle_timeout")]
    document.mark_saved()
    assert not document.modified


def test_writes_from_two_threads_at_once_give_the_file_whole() -> None:
    """The check's thread writes the whole tree while a save (or the preview) writes too: ruamel lends a
    tree's comments to the writer writing it, and unguarded, 31 texts in 45 came out without them."""
    import sys
    import threading

    from kiosk.editor.document import plain

    text = BUNDLED.read_text(encoding="utf-8")
    document = Document(BUNDLED, text)
    panel = document.get(("chapters", 0, "panels", 1))
    wrong: list[str] = []

    def write_whole() -> None:
        wrong.extend("whole" for _ in range(6) if document.text() != text)

    def write_panel() -> None:
        wrong.extend("panel" for _ in range(30) if yaml.safe_load(document.dump_part(panel)) != plain(panel))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)
    try:
        threads = [threading.Thread(target=write_whole) for _ in range(2)] + [threading.Thread(target=write_panel)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert wrong == []
