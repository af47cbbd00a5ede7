"""Every quote of the bundled exhibition shows whole, who said it included, in every language, with
large text, on a landscape and a portrait screen: a visitor would not know to scroll for the rest."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.model import Exhibition, QuotePanel
from ui.driver import make_kiosk, shown


def _bottom(item: QQuickItem) -> float:
    return item.mapRectToScene(item.boundingRect()).bottom()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_each_quote_and_who_said_it_fit_the_panel_with_large_text(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition, size: Any
) -> None:
    exhibition = bundled_exhibition
    quotes = [
        (chapter_index, panel_index, panel.id)
        for chapter_index, chapter in enumerate(exhibition.chapters)
        for panel_index, panel in enumerate(chapter.panels)
        if isinstance(panel, QuotePanel)
    ]
    assert quotes
    kiosk = make_kiosk(qtbot, touch_device, exhibition, size=size)
    navigator = kiosk.navigator
    try:
        kiosk.home_by_navigator()
        navigator.setLargeText(True)
        for language in ("fr", "en", "ar"):
            navigator.setLanguage(language)
            for chapter_index, panel_index, panel_id in quotes:
                kiosk.show_panel(chapter_index, panel_index)
                qtbot.wait(450)  # the strip slides to it

                def on_screen(name: str) -> list[QQuickItem]:
                    return [item for item in kiosk.find_all(name) if shown(item)]

                qtbot.waitUntil(lambda: len(on_screen("quotePanel")) >= 1)
                panel = min(on_screen("quotePanel"), key=lambda item: abs(item.mapToScene(item.position()).x()))
                last = on_screen("quoteWhen") or on_screen("quoteWho")
                assert last, (language, panel_id)
                nearest = min(last, key=lambda item: abs(_bottom(item) - _bottom(panel)))
                assert _bottom(nearest) <= _bottom(panel) + 1, (language, panel_id, _bottom(nearest), _bottom(panel))
                qtbot.waitUntil(lambda: navigator.goHome() or navigator.screen == "home")
    finally:
        kiosk.app.close()
