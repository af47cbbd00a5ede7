"""Bringing a picture in: copied under a clean name, shrunk when far larger than a screen, alt text asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from kiosk.editor.media_files import MediaError, clean_name, import_file
from kiosk.editor.media_import import import_into
from kiosk.loader import load_exhibition

from .test_window import type_into

IMAGE_PANEL = ("chapters", 0, "panels", 1)


def big_picture(folder: Path, name: str = "Photo d'Amani (2018).PNG", size: tuple[int, int] = (8000, 4500)) -> Path:
    path = folder / name
    Image.new("RGB", size, (200, 120, 40)).save(path, format="PNG")
    return path


def test_clean_names() -> None:
    assert clean_name("Photo d'Amani (2018).PNG") == "photo-d-amani-2018.png"
    assert clean_name("Été à Caen.jpeg") == "ete-a-caen.jpeg"
    assert clean_name("الكهف.mp4") == "file.mp4"


def test_a_huge_picture_is_imported_resized_and_its_alt_text_asked_for(
    qtbot, editor, starter_copy: Path, tmp_path: Path
) -> None:
    window = editor(starter_copy, preview=False)
    window.show()
    assert window.document.get((*IMAGE_PANEL, "type")) == "image"
    window.select(IMAGE_PANEL)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    source = big_picture(tmp_path)
    assert import_into(window, (*IMAGE_PANEL, "src"), "image", source, resize=True)
    copied = starter_copy.parent / "media" / "images" / "photo-d-amani-2018.png"
    with Image.open(copied) as image:
        assert image.size == (3840, 2160)
    assert window.document.get((*IMAGE_PANEL, "src")) == "images/photo-d-amani-2018.png"
    # The alt text is asked for at once: the cursor waits in its first language.
    alt_fields = [window.field_widget((*IMAGE_PANEL, "alt", language)) for language in window.document.languages]
    assert window.focusWidget() in alt_fields
    for language, field in zip(window.document.languages, alt_fields, strict=True):
        type_into(qtbot, window, (*IMAGE_PANEL, "alt", language), f"A brown picture ({language})")
        assert field.text().endswith(f"({language})")
    assert window.save()
    result = load_exhibition(starter_copy)
    assert result.ok, [str(p) for p in result.problems]
    panel = result.exhibition.panel(window.document.get((*IMAGE_PANEL, "id")))
    assert panel.src.relative == "images/photo-d-amani-2018.png"
    assert panel.alt.get("fr") == "A brown picture (fr)"
    assert source.exists(), "the original stays where it was"


def test_a_picture_dropped_on_the_window_goes_to_the_selected_panel(
    qtbot, editor, starter_copy: Path, tmp_path: Path
) -> None:
    window = editor(starter_copy, preview=False)
    window.select(IMAGE_PANEL)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    source = big_picture(tmp_path, "small.png", (640, 360))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    # Qt delivers a drop only during a real drag from another application, which offscreen has none of:
    # the window's handler gets the event a file manager's drop would bring.
    window.dropEvent(drop)
    assert window.document.get((*IMAGE_PANEL, "src")) == "images/small.png"
    assert (starter_copy.parent / "media" / "images" / "small.png").is_file()


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_changes(
    editor, starter_copy: Path, tmp_path: Path
) -> None:
    window = editor(starter_copy, preview=False)
    fake = tmp_path / "holiday.png"
    fake.write_text("not a picture", encoding="utf-8")
    before = window.document.text()
    with pytest.raises(MediaError, match="not a picture"):
        import_file(fake, starter_copy.parent / "media", "image")
    window.exhibition = load_exhibition(starter_copy).exhibition
    assert not import_into(window, (*IMAGE_PANEL, "src"), "image", fake, resize=False)
    assert "not a picture" in window.last_media_error
    assert window.banner.kind == "media" and "not a picture" in window.banner.label.text(), "said above the form"
    assert window.document.text() == before
    assert not (starter_copy.parent / "media" / "images" / "holiday.png").exists()


def test_clicking_the_picture_sets_the_focus_point(qtbot, editor, bundled_copy: Path) -> None:
    from kiosk.editor.forms import FocusPicture

    portrait = ("chapters", 0, "panels", 3)
    window = editor(bundled_copy, preview=False)
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(portrait)
    assert window.document.get((*portrait, "id")) == "portrait"
    picture = window.findChild(FocusPicture, "focusPicture:chapters[0].panels[3].focus")
    assert picture is not None and picture.has_picture
    qtbot.mouseClick(
        picture, Qt.MouseButton.LeftButton, pos=QPointF(picture.width() * 0.25, picture.height() * 0.75).toPoint()
    )
    assert list(window.document.get((*portrait, "focus"))) == [0.25, 0.75]
    assert "        focus: [0.25, 0.75]\n" in window.document.text()
    window.undo_stack.undo()
    assert list(window.document.get((*portrait, "focus"))) == [0.5, 0.35]


def test_choose_opens_in_the_exhibition_s_media_folder(monkeypatch, editor, bundled_copy: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kiosk.editor.media_import import choose_and_import

    asked: list[str] = []
    # The dialog is the platform's: stand in for it, and see where it was asked to open.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (asked.append(args[2]), ("", ""))[1])
    window = editor(bundled_copy, preview=False)
    choose_and_import(window, ("chapters", 0, "panels", 3, "src"), "image")
    assert asked == [str(window.exhibition.media_root)]
