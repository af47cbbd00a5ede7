"""When the chapter tiles outgrow the home screen (portrait, large text), a fade and a "more
chapters" button say so, and the button scrolls the tiles; when everything fits, neither shows."""

from __future__ import annotations

import dataclasses
from typing import Any

from kiosk.model import Exhibition, Localized
from ui.driver import KioskDriver, items, make_kiosk, shown

L = Localized.of


def _many_chapters(exhibition: Exhibition, count: int) -> Exhibition:
    first = exhibition.chapters[0]
    chapters = tuple(
        dataclasses.replace(
            first, id=f"chapter-{n}", title=L({"fr": f"Chapitre {n}", "en": f"Chapter {n}", "ar": f"الفصل {n}"})
        )
        for n in range(1, count + 1)
    )
    attract = dataclasses.replace(exhibition.attract, items=())
    return dataclasses.replace(exhibition, chapters=chapters, attract=attract)


def _home(kiosk: KioskDriver, *, large: bool = False) -> Any:
    nav = kiosk.navigator
    nav.wake()
    kiosk.qtbot.waitUntil(lambda: nav.screen == "home")
    kiosk.qtbot.wait(400)  # taps just after waking are dropped
    if large:
        nav.setLargeText(True)
    grid = kiosk.wait_for("chapterGrid")
    kiosk.qtbot.wait(300)
    return grid


def test_more_tiles_below_are_announced_and_reachable(qtbot: Any, touch_device: Any, ui_exhibition: Exhibition) -> None:
    kiosk = make_kiosk(qtbot, touch_device, _many_chapters(ui_exhibition, 7), size=(1080, 1920))
    try:
        grid = _home(kiosk, large=True)
        assert grid.property("contentHeight") > grid.height(), "the tiles should outgrow the screen here"
        fade, button = kiosk.find("moreTilesFade", visible=False), kiosk.find("moreTilesButton", visible=False)
        assert shown(fade) and shown(button)
        # The button is a full touch target, inside the screen, above the bottom bar.
        other = kiosk.find("largeTextButton")
        assert button.height() >= other.height() - 1
        bar = kiosk.find("bottomBar")
        bar_top = bar.mapToScene(bar.boundingRect().topLeft()).y()
        assert button.mapToScene(button.boundingRect().bottomLeft()).y() < bar_top
        # Each tap scrolls a row down, until the last tiles show; then the cue goes.
        for _ in range(10):
            if not shown(button):
                break
            before = grid.property("contentY")
            kiosk.tap("moreTilesButton")
            qtbot.waitUntil(lambda before=before: grid.property("contentY") > before)
            qtbot.wait(450)
        assert grid.property("atYEnd") and not shown(button) and not shown(fade)
        assert shown(kiosk.find("moreTilesAboveFade", visible=False))
        assert kiosk.navigator.screen == "home", "scrolling opened nothing"
    finally:
        kiosk.app.close()


def test_no_cue_when_every_tile_fits(qtbot: Any, touch_device: Any, ui_exhibition: Exhibition) -> None:
    kiosk = make_kiosk(qtbot, touch_device, _many_chapters(ui_exhibition, 4))
    try:
        grid = _home(kiosk)
        assert grid.property("contentHeight") <= grid.height() + 1
        assert not shown(kiosk.find("moreTilesButton", visible=False))
        assert not shown(kiosk.find("moreTilesFade", visible=False))
    finally:
        kiosk.app.close()


def test_portrait_large_text_gives_each_tile_the_width_and_no_title_breaks_a_word(
    qtbot: Any, touch_device: Any, ui_exhibition: Exhibition
) -> None:
    long_word = "Anticonstitutionnellement"  # wider than a half-width tile at large text
    chapters = (
        dataclasses.replace(ui_exhibition.chapters[0], title=L({"fr": f"Le {long_word}", "en": "The word"})),
        *ui_exhibition.chapters[1:],
    )
    kiosk = make_kiosk(qtbot, touch_device, dataclasses.replace(ui_exhibition, chapters=chapters), size=(1080, 1920))
    try:
        grid = _home(kiosk, large=True)
        assert grid.property("columns") == 1
        tile = kiosk.find("chapterTile_0")
        titles = [item for item in items(tile) if item.property("longestWord") == long_word]
        assert titles, "the tile's title text was not found"
        title = titles[0]
        # The heading shrank to fit its longest word on one line instead of breaking inside it.
        assert title.property("fittedPixelSize") < title.property("pixelSize")
        assert (
            title.property("longestWordWidth") * title.property("fittedPixelSize") / title.property("pixelSize")
            <= title.width() + 1
        )
    finally:
        kiosk.app.close()


def test_the_bundled_exhibition_shows_every_chapter_at_1080p_in_each_language(qtbot: Any, touch_device: Any) -> None:
    """Five chapters on a landscape 1080p screen: no visitor should have to find the last two.
    Arabic's taller lines once pushed the second row under the fade (tiles were kept 300 px high)."""
    from pathlib import Path

    from kiosk.loader import load_exhibition

    result = load_exhibition(Path(__file__).resolve().parents[2] / "config" / "exhibition.yaml")
    assert result.exhibition is not None
    kiosk = make_kiosk(qtbot, touch_device, result.exhibition)
    try:
        grid = _home(kiosk)
        for language in result.exhibition.exhibition.languages:
            kiosk.navigator.setLanguage(language)
            qtbot.waitUntil(lambda language=language: kiosk.navigator.language == language)
            qtbot.wait(300)  # the heading's new lines laid out
            assert grid.property("contentHeight") <= grid.height() + 1, language
            assert not shown(kiosk.find("moreTilesButton", visible=False)), language
    finally:
        kiosk.app.close()
