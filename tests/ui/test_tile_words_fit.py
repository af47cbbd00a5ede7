"""The words of each chapter tile stay inside it (its number at the top, its summary at the
bottom), in every language, with large text, on a landscape and a portrait screen."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.model import Exhibition
from kiosk.ui.items import walk
from ui.driver import make_kiosk


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_every_tile_holds_its_words(qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition, size: Any) -> None:
    exhibition = bundled_exhibition
    kiosk = make_kiosk(qtbot, touch_device, exhibition, size=size)
    navigator = kiosk.navigator
    try:
        kiosk.home_by_navigator()
        for large in (False, True):
            navigator.setLargeText(large)
            for language in ("fr", "en", "ar"):
                navigator.setLanguage(language)
                qtbot.wait(150)  # the grid lays its tiles out again
                tiles = [
                    item
                    for item in walk(kiosk.window.contentItem())
                    if item.objectName().startswith("chapterTile_") and item.isVisible()
                ]
                assert len(tiles) == len(exhibition.chapters), (language, large, len(tiles))
                for tile in tiles:
                    words = next(item for item in walk(tile) if item.objectName() == "chapterTileWords")
                    outer = tile.mapRectToScene(tile.boundingRect())
                    inner = words.mapRectToScene(words.boundingRect())
                    assert outer.top() <= inner.top() and inner.bottom() <= outer.bottom() + 0.5, (
                        language,
                        large,
                        tile.objectName(),
                        inner,
                        outer,
                    )
    finally:
        kiosk.app.close()


def test_bundled_summaries_show_whole_on_a_landscape_screen(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition
) -> None:
    """At the usual text size on a 1920x1080 screen, no bundled chapter's summary is cut short
    with an ellipsis: a tile with one line of title has room for three lines of summary."""
    kiosk = make_kiosk(qtbot, touch_device, bundled_exhibition, size=(1920, 1080))
    try:
        kiosk.home_by_navigator()
        for language in ("fr", "en", "ar"):
            kiosk.navigator.setLanguage(language)
            qtbot.wait(150)  # the grid lays its tiles out again
            cut = [
                (tile.objectName(), text.property("text"))
                for tile in walk(kiosk.window.contentItem())
                if tile.objectName().startswith("chapterTile_") and tile.isVisible()
                for text in walk(tile)
                if text.property("truncated")
            ]
            assert cut == [], (language, cut)
    finally:
        kiosk.app.close()
