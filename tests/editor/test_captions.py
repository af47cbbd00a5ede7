"""Captions beside the film: a cue timed from the frame on screen, saved and read back by the loader;
overlaps marked; SubRip and WebVTT in and out."""

from __future__ import annotations

from pathlib import Path

from kiosk.editor.captions_file import check_cues, read_cues, write_cues
from kiosk.loader import load_exhibition
from kiosk.model.captions import Cue

from .test_excerpt import VIDEO_PANEL, clip_exhibition, wait_ready  # noqa: F401 (a fixture)


def _english_captions(qtbot, editor, exhibition: Path):  # type: ignore[no-untyped-def]
    """The editor on ``exhibition``, its video panel chosen, its English captions in the pane."""
    window = editor(exhibition, preview=False)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(VIDEO_PANEL)
    pane = window.captions
    pane.language_box.setCurrentIndex(pane.language_box.findData("en"))
    return window, pane


def test_a_cue_added_at_the_frame_on_screen_is_saved_and_read_by_the_kiosk(
    qtbot,
    editor,
    clip_exhibition: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    window = editor(clip_exhibition, preview=False)
    window.show()
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(VIDEO_PANEL)
    picker, pane = window.picker, window.captions
    pane.language_box.setCurrentIndex(pane.language_box.findData("en"))
    before = len(pane.cues["en"])
    picker.go_to(45)
    wait_ready(qtbot, picker, 45)
    pane.add_cue()
    assert len(pane.cues["en"]) == before + 1
    new = next(cue for cue in pane.cues["en"] if cue.start_ms == 1500)
    row = list(pane.cues["en"]).index(new)
    pane.table.item(row, 2).setText("A new cue.")
    assert any(cue.text == "A new cue." for cue in pane.cues["en"])
    assert window.undo_stack.count() == 2 and window.isWindowModified()
    assert window.save()
    saved = load_exhibition(clip_exhibition)
    assert saved.ok, [str(p) for p in saved.problems]
    panel = saved.exhibition.panel(window.document.get((*VIDEO_PANEL, "id")))
    assert Cue(1500, 3500, "A new cue.") in panel.captions["en"].cues
    picker.close_film()


def test_overlapping_cues_and_cues_outside_the_excerpt_are_marked(qtbot, editor, clip_exhibition: Path) -> None:  # noqa: F811
    window, pane = _english_captions(qtbot, editor, clip_exhibition)
    first = pane.cues["en"][0]
    from kiosk.editor.captions_pane import CueListEdit

    window.submit(
        CueListEdit(
            pane,
            "en",
            (*pane.cues["en"], Cue(first.start_ms + 100, first.end_ms + 100, "Over"), Cue(60_000, 61_000, "Late")),
        )
    )
    checks = [pane.table.item(row, 3).text() for row in range(pane.table.rowCount())]
    assert any("overlaps" in text for text in checks)
    assert any("outside the excerpt" in text for text in checks)
    assert pane.table.item(0, 0).data(0x0100) == "serious"  # Qt.UserRole
    window.undo_stack.undo()
    assert all("overlaps" not in pane.table.item(row, 3).text() for row in range(pane.table.rowCount()))
    window.picker.close_film()


def test_subrip_and_webvtt_round_trip_through_the_kiosk_s_reader(tmp_path: Path) -> None:
    cues = [Cue(500, 2500, "Bonjour."), Cue(2600, 4000, "Deux lignes\nde texte."), Cue(4000, 4500, "مرحبا")]
    for name in ("x.srt", "x.vtt"):
        write_cues(tmp_path / name, cues)
        assert read_cues(tmp_path / name) == cues
    notes = check_cues([Cue(0, 400, "Far too fast for anyone to read it."), Cue(300, 9000, "Long.")], 0, 5000)
    messages = [note.message for note in notes]
    assert any("overlaps" in m for m in messages) and any("partly outside" in m for m in messages)
    assert any("characters a second" in m for m in messages) and any("over 7 seconds" in m for m in messages)


def test_importing_a_caption_file_copies_it_and_names_it(
    qtbot,
    editor,
    clip_exhibition: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    source = tmp_path / "Sous-titres FR.vtt"
    source.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nUn sous-titre importé.\n", encoding="utf-8")
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 -> 00:00:02\nOops\n", encoding="utf-8")
    window = editor(clip_exhibition, preview=False)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(VIDEO_PANEL)
    pane = window.captions
    pane.language_box.setCurrentIndex(pane.language_box.findData("fr"))
    assert not pane.import_file(bad)
    assert "bad.srt:2" in pane.note.text()
    assert pane.import_file(source)
    assert window.document.get((*VIDEO_PANEL, "captions", "fr")) == "captions/sous-titres-fr.vtt"
    assert pane.cues["fr"] == (Cue(1000, 2500, "Un sous-titre importé."),)
    assert pane.export_file(tmp_path / "out.srt")
    assert read_cues(tmp_path / "out.srt") == [Cue(1000, 2500, "Un sous-titre importé.")]
    window.picker.close_film()


def test_cue_edits_are_kept_while_staff_work_on_another_panel_and_saved_with_the_rest(
    qtbot,
    editor,
    clip_exhibition: Path,  # noqa: F811
) -> None:
    window, pane = _english_captions(qtbot, editor, clip_exhibition)
    caption_file = pane.files["en"]
    on_disk = read_cues(caption_file)
    pane.table.item(1, 2).setText("Edited, then another panel.")
    other = (*VIDEO_PANEL[:3], 0)
    window.select(other)
    window.select(VIDEO_PANEL)
    pane.language_box.setCurrentIndex(pane.language_box.findData("en"))
    assert pane.cues["en"][1].text == "Edited, then another panel.", "the edit was lost with the panel"
    window.select(other)
    assert window.save()  # the video panel is not on screen: its captions are saved all the same
    assert read_cues(caption_file)[1].text == "Edited, then another panel."
    assert read_cues(caption_file)[0] == on_disk[0]
    window.picker.close_film()


def test_a_cue_edit_undone_and_redone_from_another_panel_is_what_the_save_writes(
    qtbot,
    editor,
    clip_exhibition: Path,  # noqa: F811
) -> None:
    window, pane = _english_captions(qtbot, editor, clip_exhibition)
    caption_file = pane.files["en"]
    before = pane.cues["en"]
    pane.table.item(0, 2).setText("Changed.")
    window.select((*VIDEO_PANEL[:3], 0))  # a text panel
    window.undo_stack.undo()
    assert window.save()
    assert read_cues(caption_file) == list(before), "the undone edit is not what the file holds"
    window.undo_stack.redo()
    window.select(VIDEO_PANEL)
    pane.language_box.setCurrentIndex(pane.language_box.findData("en"))
    assert pane.cues["en"][0].text == "Changed."
    window.select((*VIDEO_PANEL[:3], 0))
    assert window.save()
    assert read_cues(caption_file)[0].text == "Changed."
    window.picker.close_film()


def test_arabic_cues_read_right_to_left_in_the_table(qtbot, editor, bundled_copy: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    window = editor(bundled_copy, preview=False)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(("chapters", 1, "panels", 1))  # the bundled film, captioned in three languages
    pane = window.captions
    delegate = pane.table.itemDelegateForColumn(2)
    for language, direction in (("ar", Qt.LayoutDirection.RightToLeft), ("fr", Qt.LayoutDirection.LeftToRight)):
        pane.language_box.setCurrentIndex(pane.language_box.findData(language))
        assert pane.language == language and pane.table.rowCount() > 0, language
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, pane.table.model().index(0, 2))
        assert option.direction == direction, language
        shown = QStyle.visualAlignment(option.direction, option.displayAlignment)
        assert bool(shown & Qt.AlignmentFlag.AlignRight) == (direction == Qt.LayoutDirection.RightToLeft), language
    window.picker.close_film()
