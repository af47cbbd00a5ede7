"""A timeline longer than its frame says so: with large text the bundled timeline's last events are
below the panel, and a fade and a scroll bar show it until the visitor has scrolled to them."""

from __future__ import annotations

from typing import Any

from kiosk.model import Exhibition
from ui.driver import make_kiosk, panel_place, shown


def test_a_timeline_that_does_not_fit_shows_a_fade_until_its_end(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition
) -> None:
    kiosk = make_kiosk(qtbot, touch_device, bundled_exhibition)
    navigator = kiosk.navigator
    try:
        kiosk.home_by_navigator()
        navigator.setLanguage("ar")
        kiosk.show_panel(*panel_place(bundled_exhibition, "life-timeline"))
        events = kiosk.wait_for("timelineEvents")

        def fade_shown() -> bool:
            return any(shown(item) for item in kiosk.find_all("timelineMoreFade"))

        qtbot.waitUntil(lambda: events.property("contentHeight") > 0)
        assert not events.property("interactive") and not fade_shown(), "it fits at the normal size"
        navigator.setLargeText(True)
        qtbot.waitUntil(lambda: bool(events.property("interactive")))
        qtbot.waitUntil(fade_shown)
        assert any(shown(item) for item in kiosk.find_all("timelineScrollBar"))
        events.setProperty("contentY", events.property("contentHeight") - events.height() + events.property("originY"))
        qtbot.waitUntil(lambda: not fade_shown())
    finally:
        kiosk.app.close()
