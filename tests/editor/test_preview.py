"""The live preview is the kiosk's own scene: what staff type shows there, in the chosen language and screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtQuick import QQuickItem

from .test_window import STUDENT, type_into


def scene_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text the preview's QML scene draws (Text items and their rich-text kin)."""
    kiosk = window.preview.kiosk
    found: list[str] = []
    pending: list[QQuickItem] = list(kiosk.window.contentItem().childItems())
    while pending:
        item = pending.pop()
        if item.isVisible():
            text = item.property("text")
            if isinstance(text, str) and text:
                found.append(text)
            pending.extend(item.childItems())
    return found


def test_what_staff_type_shows_in_the_kiosk_scene(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy)
    window.show()
    qtbot.waitUntil(lambda: window.preview.kiosk is not None, timeout=10_000)
    window.select(STUDENT)
    qtbot.waitUntil(lambda: any("Une étudiante en médecine" in text for text in scene_texts(window)), timeout=10_000)
    type_into(qtbot, window, (*STUDENT, "title", "fr"), "Une jeune médecin")
    qtbot.waitUntil(lambda: any("Une jeune médecin" in text for text in scene_texts(window)), timeout=5_000)


def test_the_preview_follows_the_chosen_language_and_screen(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy)
    window.show()
    window.select(STUDENT)
    qtbot.waitUntil(lambda: window.preview.kiosk is not None, timeout=10_000)
    window.preview.language_box.setCurrentIndex(window.preview.language_box.findData("ar"))
    qtbot.waitUntil(lambda: any("طالبة طب" in text for text in scene_texts(window)), timeout=5_000)
    assert window.preview.kiosk.navigator.rtl
    window.preview.screen_box.setCurrentIndex(window.preview.screen_box.findData("large-text"))
    qtbot.waitUntil(lambda: window.preview.kiosk.navigator.largeText, timeout=5_000)
    window.preview.screen_box.setCurrentIndex(window.preview.screen_box.findData("portrait"))
    container = window.preview.container
    qtbot.waitUntil(lambda: container.height() > container.width(), timeout=5_000)


def test_a_panel_with_a_mistake_previews_as_the_kiosk_shows_it(bundled_copy: Path) -> None:
    from kiosk.editor.document import Document
    from kiosk.editor.preview import convert_panel
    from kiosk.loader import load_exhibition
    from kiosk.loader.media_check import MediaChecker
    from kiosk.model import PlaceholderPanel, TextPanel

    exhibition = load_exhibition(bundled_copy).exhibition
    assert exhibition is not None
    document = Document(bundled_copy, bundled_copy.read_text(encoding="utf-8"))
    media = MediaChecker(exhibition.media_root)
    panel = document.get(STUDENT)
    assert isinstance(convert_panel(document.dump_part(panel), exhibition, media, "x"), TextPanel)
    del panel["body"]
    broken = convert_panel(document.dump_part(panel), exhibition, media, "x")
    assert isinstance(broken, PlaceholderPanel) and broken.id == "student"
    assert any("body" in problem for problem in broken.problems)


def test_a_text_too_long_for_the_screen_is_said_so_under_the_preview(qtbot, editor, bundled_copy: Path) -> None:
    window = editor(bundled_copy)
    window.show()
    window.select(STUDENT)
    qtbot.waitUntil(lambda: window.preview.kiosk is not None, timeout=10_000)
    window.preview.language_box.setCurrentIndex(window.preview.language_box.findData("en"))
    room = window.preview.note
    qtbot.waitUntil(lambda: "fits" in room.text(), timeout=10_000)
    from kiosk.editor.form_values import localized_edit

    long_body = "\n\n".join(["A paragraph that goes on and on, as a first draft often does."] * 40)
    window.submit(localized_edit(window.document, (*STUDENT, "body"), "en", long_body))
    qtbot.waitUntil(lambda: "longer than its frame" in room.text(), timeout=10_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "fits" in room.text(), timeout=10_000)
