"""The staff exit in a real Qt Quick scene: corner hold, PIN pad, staff panel, time-outs."""

from __future__ import annotations

from typing import Any

from lockdown_harness import PIN, Harness, MakeHarness
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.staff.pin import LockoutPolicy


def test_holding_the_corner_opens_the_pin_pad(shown: Harness, qtbot: Any) -> None:
    assert not shown.item("pinPad").isVisible()
    shown.hold_corner(qtbot)
    assert shown.staff.property("stage") == "pin"
    assert shown.item("pinPad").isVisible()
    assert shown.text("pinDots") == "Enter the staff PIN"


def test_a_short_press_does_nothing(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(hold_ms=300)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    point = harness.center("staffHotZone")
    QTest.mousePress(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseRelease(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point, 50)
    qtbot.wait(450)  # longer than the hold: proving that nothing happens takes the time it takes
    assert harness.staff.property("stage") == "closed"


def test_a_press_elsewhere_does_nothing(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(hold_ms=60)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    point = harness.center("visitorView")
    QTest.mousePress(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.wait(200)
    QTest.mouseRelease(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert harness.staff.property("stage") == "closed"


def test_the_ring_shows_only_after_the_delay(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(hold_ms=1500, ring_delay_ms=500)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    ring = harness.item("staffHoldRing")
    point = harness.center("staffHotZone")
    QTest.mousePress(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert not ring.isVisible()  # pressed, but not yet for the delay
    qtbot.waitUntil(ring.isVisible, timeout=1400)
    assert harness.staff.property("stage") == "closed"
    QTest.mouseRelease(harness.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert not ring.isVisible()


def test_right_pin_opens_the_staff_panel(shown: Harness, qtbot: Any) -> None:
    shown.hold_corner(qtbot)
    shown.type_pin(PIN)
    assert shown.staff.property("stage") == "panel"
    assert shown.item("staffPanel").isVisible()
    assert not shown.item("pinPad").isVisible()


def test_digits_are_masked(shown: Harness, qtbot: Any) -> None:
    shown.hold_corner(qtbot)
    for digit in "482":
        shown.click(f"pinKey_{digit}")
    assert shown.text("pinDots") == "●●●"
    assert not shown.item("pinKey_ok").isEnabled()  # 4 digits at least
    shown.click("pinKey_clear")
    assert shown.text("pinDots") == "●●"


def test_wrong_pin_shows_the_message(shown: Harness, qtbot: Any) -> None:
    shown.hold_corner(qtbot)
    shown.type_pin("1111")
    assert shown.staff.property("stage") == "pin"
    assert shown.text("pinMessage") == "Wrong PIN. 4 tries left before a pause."
    assert shown.text("pinDots") == "Enter the staff PIN"  # the pad is cleared for the next try


def test_lockout_after_five_wrong_pins(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(policy=LockoutPolicy(free_attempts=5, first_lock=30))
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    for _ in range(5):
        harness.type_pin("0000")
    assert harness.text("pinMessage") == "Too many wrong PINs. The pad opens again in 0:30."
    assert not harness.item("pinKey_4").isEnabled()
    # The lock counts down on screen (the clock is the test's) and then lifts.
    harness.clock.now += 12
    qtbot.waitUntil(lambda: harness.text("pinMessage").endswith("0:18."), timeout=1000)
    harness.clock.now += 19
    qtbot.waitUntil(lambda: harness.text("pinMessage") == "You can try again.", timeout=1000)
    harness.type_pin(PIN)
    assert harness.staff.property("stage") == "panel"


def test_no_pin_set_keeps_the_exit_shut(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(pin_code=None)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    assert harness.staff.property("stage") == "pin"
    assert "kiosk pin set" in harness.text("pinMessage")
    assert not harness.item("pinKey_1").isEnabled()


def test_no_pin_in_the_windowed_preview_opens_the_panel(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(pin_code=None, preview=True)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    assert harness.staff.property("stage") == "panel"
    assert harness.item("staffNoPinNote").isVisible()


def test_cancel_and_time_out_close_the_pad(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness(session_timeout_ms=150)
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    harness.click("pinCancel")
    assert harness.staff.property("stage") == "closed"
    harness.hold_corner(qtbot)
    harness.type_pin(PIN)
    assert harness.staff.property("stage") == "panel"
    # Staff walked away: the panel closes by itself, so no visitor finds the exit open.
    qtbot.waitUntil(lambda: harness.staff.property("stage") == "closed", timeout=2000)


def test_panel_buttons(shown: Harness, qtbot: Any) -> None:
    shown.hold_corner(qtbot)
    shown.type_pin(PIN)
    with qtbot.waitSignal(shown.staff.reloadRequested, timeout=1000):
        shown.click("staffReloadButton")
    exits: list[bool] = []
    shown.staff.exitRequested.connect(lambda: exits.append(True))
    shown.click("staffExitButton")
    assert exits == []  # the first touch only arms it
    assert shown.text("staffExitButton") != "Exit kiosk"
    shown.click("staffExitButton")
    assert exits == [True]
    shown.click("staffCloseButton")
    assert shown.staff.property("stage") == "closed"


def test_exit_is_refused_outside_the_panel(shown: Harness) -> None:
    exits: list[bool] = []
    shown.staff.exitRequested.connect(lambda: exits.append(True))
    assert shown.staff.exitKiosk() is False
    shown.staff.requestAccess()
    assert shown.staff.exitKiosk() is False
    assert exits == []


def test_keys_are_at_least_nine_millimetres(shown: Harness, qtbot: Any) -> None:
    shown.hold_corner(qtbot)
    per_mm = shown.window.screen().physicalDotsPerInch() / 25.4
    for key in ("pinKey_1", "pinKey_0", "pinKey_ok", "pinKey_clear"):
        item = shown.item(key)
        assert min(item.width(), item.height()) >= 9 * per_mm, key


def test_a_finger_held_on_the_corner_opens_the_pin_pad(shown: Harness, qtbot: Any, touch_device: Any) -> None:
    # Kiosks are touchscreens: the hot zone must answer a finger, not only a mouse.
    device = touch_device
    point = shown.center("staffHotZone")
    QTest.touchEvent(shown.window, device).press(0, point, shown.window).commit()
    qtbot.waitUntil(lambda: shown.staff.property("stage") == "pin", timeout=3000)
    QTest.touchEvent(shown.window, device).release(0, point, shown.window).commit()
    assert shown.item("pinPad").isVisible()
    for digit in PIN:
        key = shown.center(f"pinKey_{digit}")
        QTest.touchEvent(shown.window, device).press(0, key, shown.window).commit()
        QTest.touchEvent(shown.window, device).release(0, key, shown.window).commit()
    ok = shown.center("pinKey_ok")
    QTest.touchEvent(shown.window, device).press(0, ok, shown.window).commit()
    QTest.touchEvent(shown.window, device).release(0, ok, shown.window).commit()
    assert shown.staff.property("stage") == "panel"
