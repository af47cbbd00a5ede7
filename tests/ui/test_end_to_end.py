"""The whole visit on the real QML, driven with touch events: loop, home, chapter, swipes,
Arabic (mirrored), idle countdown, and back to the loop in the default language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint

from kiosk.navigation import Timeouts
from ui.driver import KioskDriver, make_kiosk, shown


def test_a_whole_visit_by_touch(qtbot: Any, touch_device: Any, ui_exhibition: Any) -> None:
    kiosk = make_kiosk(qtbot, touch_device, ui_exhibition, timeouts=Timeouts(idle=60, countdown=0.3, tap_gap=0.05))
    try:
        _visit(kiosk)
    finally:
        kiosk.app.close()


def _visit(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    # The attract loop shows, with the invitation in every language.
    kiosk.wait_for("attractLoop")
    assert nav.screen == "attract"
    for code in ("fr", "en", "ar"):
        assert shown(kiosk.find(f"invitation_{code}"))

    # A touch on the loop, right where the first chapter tile will appear, goes home and
    # opens nothing: the waking touch is not also a tap.
    home_tile_point = QPoint(400, 500)
    kiosk.tap_at(home_tile_point)
    kiosk.wait_screen("home")
    kiosk.wait_for("homeScreen")
    kiosk.qtbot.wait(120)
    assert nav.screen == "home", "the waking touch opened a chapter"

    # Home: chapter tiles; a tap opens the first chapter on its first panel.
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.wait_for("textPanel")
    assert nav.panelIndex == 0

    # Swipe left: the next panel (the picture), following the finger and snapping.
    kiosk.swipe(-700)
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 1)
    kiosk.wait_for("imagePanel")
    strip = kiosk.find("panelStrip")
    # A short drag snaps back.
    kiosk.swipe(-100, steps=5, step_ms=80)  # short and slow: under the distance threshold and the flick speed
    kiosk.qtbot.wait(50)
    assert nav.panelIndex == 1
    # The next button works too.
    kiosk.qtbot.wait(80)
    kiosk.tap("nextButton")
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 2)

    # Arabic: the layout mirrors at once, the language button lights, swipes reverse.
    next_button_ltr = kiosk.centre(kiosk.find("nextButton")).x()
    kiosk.tap("languageButton_ar")
    kiosk.qtbot.waitUntil(lambda: nav.language == "ar")
    assert nav.rtl
    next_button_rtl = kiosk.centre(kiosk.find("nextButton")).x()
    width = kiosk.window.width()
    assert next_button_ltr > width / 2 > next_button_rtl, "next sits on the left in Arabic"
    home_button = kiosk.find("homeButton")
    assert kiosk.centre(home_button).x() > width / 2, "home moved to the right edge"
    kiosk.qtbot.wait(80)  # a visitor's pace: beyond the tap gap since the last move
    kiosk.swipe(+700)  # a rightward swipe is 'next' when reading right to left
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 3)
    kiosk.wait_for("timelinePanel")
    assert strip.isVisible()

    # Idle: nobody touches; the countdown shows, then the loop, language and place reset.
    kiosk.app.set_timeouts(Timeouts(idle=0.2, countdown=0.3, tap_gap=0.05))
    kiosk.app.memory.set_delay_ms(50)
    kiosk.wait_for("idleCountdown", timeout=3000)
    with kiosk.qtbot.waitSignal(kiosk.app.memory.trimmed, timeout=5000):  # free memory goes back after the visit
        kiosk.wait_screen("attract", timeout=3000)
    assert nav.language == "fr"
    assert not nav.rtl
    assert nav.panelIndex == 0 and nav.chapterIndex == -1
    kiosk.wait_for("attractLoop")


def test_a_touch_during_the_countdown_keeps_the_visit(qtbot: Any, touch_device: Any, ui_exhibition: Any) -> None:
    kiosk = make_kiosk(qtbot, touch_device, ui_exhibition, timeouts=Timeouts(idle=0.3, countdown=5, tap_gap=0.05))
    try:
        kiosk.tap_at(QPoint(960, 540))
        kiosk.wait_screen("home")
        kiosk.wait_for("idleCountdown", timeout=3000)
        # Where the touch lands there is a chapter tile; it must only dismiss the countdown.
        kiosk.tap_at(kiosk.centre(kiosk.find("chapterTile_0", visible=False)))
        qtbot.waitUntil(lambda: not kiosk.navigator.countingDown)
        assert kiosk.navigator.screen == "home"
    finally:
        kiosk.app.close()


def test_phantom_touches_and_palms_do_not_navigate(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    tile = kiosk.centre(kiosk.find("chapterTile_0"))
    # A 10 ms contact on the tile: a brush, not a tap.
    kiosk.tap_at(tile, hold_ms=10)
    kiosk.qtbot.wait(100)
    assert nav.screen == "home"
    assert kiosk.app.guard.swallowed >= 1
    # A palm: four contacts at once.
    kiosk.press(tile, points=4)
    kiosk.touch_clock.advance(200)
    kiosk.release(tile, points=4)
    kiosk.touch_clock.advance(400)
    kiosk.qtbot.wait(100)
    assert nav.screen == "home"
    # A real tap opens the chapter, and its bounce 30 ms later does nothing more.
    kiosk.press(tile)
    kiosk.touch_clock.advance(90)
    kiosk.release(tile)
    kiosk.wait_screen("chapter")


def test_a_tap_storm_on_next_moves_few_panels(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    kiosk.app.set_timeouts(Timeouts(idle=60, countdown=10, tap_gap=0.25))
    kiosk.tap_at(QPoint(960, 540))
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(300)
    kiosk.tap("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.qtbot.wait(300)
    button = kiosk.centre(kiosk.find("nextButton"))
    for _ in range(8):  # eight taps within ~100 ms of wall time
        kiosk.press(button)
        kiosk.touch_clock.advance(60)
        kiosk.release(button)
        kiosk.touch_clock.advance(200)
    kiosk.qtbot.wait(50)
    assert nav.panelIndex == 1, "a storm of taps is one move"


def test_mouse_works_like_touch(kiosk: KioskDriver) -> None:
    nav = kiosk.navigator
    kiosk.click("attractLoop")
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(100)
    kiosk.click("chapterTile_0")
    kiosk.wait_screen("chapter")
    kiosk.qtbot.wait(100)
    kiosk.click("nextButton")
    kiosk.qtbot.waitUntil(lambda: nav.panelIndex == 1)
    kiosk.qtbot.wait(100)  # a visitor's pace: beyond the tap gap
    kiosk.click("homeButton")
    kiosk.wait_screen("home")
