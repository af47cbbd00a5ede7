"""Text panels read as a page: a gap between paragraphs, list lines with a hanging indent, and
a quote's opening mark in the convention of its script (Arabic too), on the real QML."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.model import Chapter, Localized, QuotePanel, TextPanel
from kiosk.text.markup import to_blocks
from kiosk.ui.items import walk
from ui.driver import KioskDriver, make_kiosk, shown
from ui.exhibition_factory import build_exhibition

L = Localized.of

LONG_ITEM_EN = (
    "an underground hospital that treated thousands of patients under siege, with a small team of "
    "doctors, nurses and volunteers who stayed when others left"
)
LONG_ITEM_AR = (
    "مستشفى تحت الأرض عالج آلاف المرضى خلال الحصار مع فريق صغير من الأطباء والممرضين والمتطوعين الذين بقوا "
    "وبقيت أبوابه مفتوحة ليلًا ونهارًا لكل من احتاج إلى العلاج رغم القصف ونقص الدواء والكهرباء"
)
BODY = {
    "en": "The first paragraph says where we are.\n\nThe second paragraph says what happened.\n\n"
    f"- {LONG_ITEM_EN}\n- a short item",
    "ar": f"الفقرة الأولى تقول أين نحن.\n\nالفقرة الثانية تقول ما حدث.\n\n- {LONG_ITEM_AR}\n- عنصر قصير",
    "fr": "Un paragraphe.",
}


def test_blocks_from_markup() -> None:
    blocks = to_blocks("One *two*\nthree\n\n- a\n- **b**\n\nAfter")
    assert [(b["kind"], b["gap"]) for b in blocks] == [
        ("paragraph", "none"),
        ("item", "paragraph"),
        ("item", "item"),
        ("paragraph", "paragraph"),
    ]
    assert blocks[0]["text"] == "One <i>two</i><br>three" and blocks[2]["text"] == "<b>b</b>"
    assert to_blocks("a < b") == [{"kind": "paragraph", "text": "a &lt; b", "gap": "none"}]
    assert to_blocks("  \n\n ") == []


@pytest.fixture
def kiosk(qtbot: Any, touch_device: Any, tmp_path: Path) -> Iterator[KioskDriver]:
    base = build_exhibition(tmp_path)
    chapter = Chapter(
        id="page",
        title=L({"fr": "Page", "en": "Page", "ar": "صفحة"}),
        panels=(
            TextPanel(id="page-text", title=L({"fr": "Texte", "en": "Text", "ar": "نص"}), body=L(BODY)),
            QuotePanel(
                id="page-quote",
                words=L({"fr": "Nous devions rester.", "en": "We had to stay.", "ar": "كان علينا أن نبقى."}),
                who=L("Amani Ballour"),
            ),
        ),
    )
    driver = make_kiosk(qtbot, touch_device, dataclasses.replace(base, chapters=(chapter,)))
    yield driver
    driver.app.close()


def _named(root: Any, name: str) -> Any:
    found = [item for item in walk(root) if item.objectName() == name and shown(item)]
    assert found, name
    return found[0]


def _box(item: Any) -> tuple[float, float, float, float]:
    rect = item.mapRectToScene(item.boundingRect())
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _open(kiosk: KioskDriver, language: str, *, whole_body: bool = True) -> Any:
    nav = kiosk.navigator
    nav.wake()
    kiosk.qtbot.waitUntil(lambda: nav.screen == "home")
    kiosk.qtbot.wait(400)  # taps just after waking are dropped
    nav.setLanguage(language)
    kiosk.qtbot.wait(300)
    nav.openChapter(0)
    kiosk.qtbot.waitUntil(lambda: nav.screen == "chapter" and nav.language == language)
    body = kiosk.wait_for("bodyText")
    if whole_body:  # the English and Arabic bodies have four blocks; the French one, one
        kiosk.qtbot.waitUntil(lambda: any(i.objectName() == "bodyItem_3" for i in walk(body)))
    kiosk.qtbot.wait(300)  # the slide in ends
    return kiosk.find("bodyText")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_paragraphs_have_a_gap_and_list_lines_hang(kiosk: KioskDriver, language: str) -> None:
    body = _open(kiosk, language)
    first = _named(_named(body, "bodyParagraph_0"), "bodyLine")
    second = _named(_named(body, "bodyParagraph_1"), "bodyLine")
    one_line = first.height()
    gap = _box(second)[1] - _box(first)[3]
    assert gap >= 0.5 * first.property("font").pixelSize(), (gap, one_line)

    item = _named(body, "bodyItem_2")
    line, bullet = _named(item, "bodyLine"), _named(item, "bodyBullet")
    # The long list item must wrap for this test to mean anything.
    assert line.property("lineCount") >= 2, (line.property("text"), line.width())
    line_box, bullet_box = _box(line), _box(bullet)
    # The whole item (its wrapped lines too) sits beside the bullet, never under it.
    if language == "ar":
        assert line_box[2] <= bullet_box[0] + 0.5, (line_box, bullet_box)
    else:
        assert line_box[0] >= bullet_box[2] - 0.5, (line_box, bullet_box)
    # Two lines of one list sit closer than two paragraphs.
    next_line = _named(_named(body, "bodyItem_3"), "bodyLine")
    assert _box(next_line)[1] - line_box[3] < gap


@pytest.mark.parametrize(
    ("language", "mark", "side"), [("en", "\u201c", "left"), ("fr", "\u00ab", "left"), ("ar", "\u00bb", "right")]
)
def test_the_quote_mark_follows_the_language(kiosk: KioskDriver, language: str, mark: str, side: str) -> None:
    _open(kiosk, language, whole_body=False)
    kiosk.navigator.next()
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 1)
    kiosk.qtbot.wait(300)
    quote = kiosk.wait_for("quotePanel")
    mark_item = _named(quote, "quoteMark")
    assert mark_item.property("text") == mark
    assert mark_item.property("atRight") == (side == "right")
    words = _named(quote, "quoteWords")
    # The mark stands above where the words start.
    mark_box, words_box = _box(mark_item), _box(words)
    assert abs(mark_box[2 if side == "right" else 0] - words_box[2 if side == "right" else 0]) < 2
