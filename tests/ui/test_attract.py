"""The attract loop: it cycles, switches only to a ready item, and never shows an empty frame."""

from __future__ import annotations

import dataclasses
from typing import Any

from kiosk.model import Exhibition
from kiosk.model.timecode import Duration
from ui.driver import make_kiosk


def test_the_loop_cycles_through_ready_items_without_a_gap(
    qtbot: Any, touch_device: Any, ui_exhibition: Exhibition
) -> None:
    attract = dataclasses.replace(
        ui_exhibition.attract, items=("portrait", "duty", "years"), item_duration=Duration(250)
    )
    kiosk = make_kiosk(qtbot, touch_device, dataclasses.replace(ui_exhibition, attract=attract))
    try:
        loop = kiosk.wait_for("attractLoop")
        seen: list[int] = []
        gaps: list[str] = []

        def on_frame() -> None:
            current = loop.property("current")
            if not seen or seen[-1] != current:
                seen.append(current)
            slide = kiosk.find_all(f"attractSlide_{('portrait', 'duty', 'years')[current]}")[0]
            leaving = loop.property("leaving")
            # While the new item fades in, the old one stays fully drawn beneath it.
            if slide.opacity() < 1 and leaving < 0:
                gaps.append(f"item {current} at opacity {slide.opacity():.2f} over nothing")

        kiosk.window.frameSwapped.connect(on_frame)
        qtbot.waitUntil(lambda: len(seen) >= 4, timeout=15_000)
        kiosk.window.frameSwapped.disconnect(on_frame)
        assert seen[:4] == [0, 1, 2, 0]
        assert not gaps, gaps[:3]
    finally:
        kiosk.app.close()
