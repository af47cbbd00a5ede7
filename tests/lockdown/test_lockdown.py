"""lock_down() on a real window: exit keys swallowed, close refused, full screen, cursor hidden."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from lockdown_harness import Harness, MakeHarness
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.ui.lockdown import LockDown, lock_down
from kiosk.ui.lockdown.keys import is_blocked

K = Qt.Key
M = Qt.KeyboardModifier
EXIT_KEYS = [
    ("Alt+F4", K.Key_F4, M.AltModifier),
    ("Escape", K.Key_Escape, M.NoModifier),
    ("Ctrl+Q", K.Key_Q, M.ControlModifier),
    ("Ctrl+W", K.Key_W, M.ControlModifier),
    ("Alt+Tab", K.Key_Tab, M.AltModifier),
    ("Ctrl+Alt+Backspace", K.Key_Backspace, M.ControlModifier | M.AltModifier),
    ("Ctrl+F4", K.Key_F4, M.ControlModifier),
]


@pytest.fixture
def locked(make_harness: MakeHarness, qtbot: Any) -> Iterator[tuple[Harness, LockDown]]:
    harness = make_harness()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    lock = lock_down(app, harness.window, 0, cursor_timeout_ms=80, inhibit_blanking=False)
    qtbot.waitExposed(harness.window)
    harness.window.requestActivate()
    qtbot.waitUntil(harness.window.isActive, timeout=2000)
    try:
        yield harness, lock
    finally:
        lock.release()  # the filters are application-wide: never leak them into other tests


@pytest.mark.parametrize(("name", "key", "modifiers"), EXIT_KEYS, ids=[k[0] for k in EXIT_KEYS])
def test_without_lockdown_each_shortcut_does_close_the_window(
    make_harness: MakeHarness, qtbot: Any, name: str, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    # The control: the harness's shortcuts work, so the locked-down test below can fail.
    harness = make_harness()
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.window.requestActivate()
    qtbot.waitUntil(harness.window.isActive, timeout=2000)
    QTest.keyClick(harness.window, key, modifiers)
    assert harness.window.property("fired") == name
    assert not harness.window.isVisible()


@pytest.mark.parametrize(("name", "key", "modifiers"), EXIT_KEYS, ids=[k[0] for k in EXIT_KEYS])
def test_exit_shortcuts_leave_the_window_open(
    locked: tuple[Harness, LockDown], name: str, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    harness, lock = locked
    QTest.keyClick(harness.window, key, modifiers)
    assert harness.window.property("fired") == "", f"{name} reached the window"
    assert harness.window.isVisible()
    assert lock.guard.keys_swallowed >= 1


def test_all_exit_shortcuts_in_a_row(locked: tuple[Harness, LockDown]) -> None:
    harness, lock = locked
    for _name, key, modifiers in EXIT_KEYS:
        QTest.keyClick(harness.window, key, modifiers)
    QTest.keySequence(harness.window, "Ctrl+Q")
    assert harness.window.property("fired") == ""
    assert harness.window.isVisible()
    assert lock.guard.keys_swallowed >= len(EXIT_KEYS)


def test_a_close_request_is_refused_until_staff_authorise_it(locked: tuple[Harness, LockDown]) -> None:
    harness, lock = locked
    assert harness.window.close() is False  # what a window manager's close button asks
    assert harness.window.isVisible()
    assert lock.guard.closes_refused == 1
    lock.authorise_exit()
    assert harness.window.close() is True
    assert not harness.window.isVisible()


def test_plain_digits_still_reach_the_window(locked: tuple[Harness, LockDown]) -> None:
    harness, lock = locked
    QTest.keyClick(harness.window, K.Key_4)
    assert lock.guard.keys_swallowed == 0


def test_the_window_covers_its_screen(locked: tuple[Harness, LockDown]) -> None:
    harness, _lock = locked
    window = harness.window
    assert window.geometry() == window.screen().geometry()
    assert window.windowStates() & Qt.WindowState.WindowFullScreen
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    assert window.flags() & Qt.WindowType.WindowStaysOnTopHint


def test_a_missing_screen_falls_back_to_the_primary(
    make_harness: MakeHarness, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    harness = make_harness()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    lock = lock_down(app, harness.window, 7, inhibit_blanking=False)
    try:
        assert harness.window.screen() == QGuiApplication.primaryScreen()
        assert "no screen 7" in caplog.text
    finally:
        lock.release()


def test_the_cursor_hides_after_the_timeout_and_comes_back_on_a_move(
    locked: tuple[Harness, LockDown], qtbot: Any
) -> None:
    harness, lock = locked

    def blank() -> bool:
        cursor = QGuiApplication.overrideCursor()
        return cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor

    qtbot.waitUntil(blank, timeout=2000)
    assert lock.cursor.hidden
    QTest.mouseMove(harness.window, QPoint(300, 200))
    assert not blank()
    assert not lock.cursor.hidden
    qtbot.waitUntil(blank, timeout=2000)  # and hides again after the next still spell


def test_a_touch_does_not_bring_the_cursor_back(
    locked: tuple[Harness, LockDown], qtbot: Any, touch_device: Any
) -> None:
    harness, lock = locked
    qtbot.waitUntil(lambda: lock.cursor.hidden, timeout=2000)
    device = touch_device
    QTest.touchEvent(harness.window, device).press(0, QPoint(400, 300), harness.window).commit()
    QTest.touchEvent(harness.window, device).move(0, QPoint(420, 320), harness.window).commit()
    QTest.touchEvent(harness.window, device).release(0, QPoint(420, 320), harness.window).commit()
    assert lock.cursor.hidden


def test_release_gives_everything_back(make_harness: MakeHarness, qtbot: Any) -> None:
    harness = make_harness()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    lock = lock_down(app, harness.window, 0, cursor_timeout_ms=20, inhibit_blanking=False)
    qtbot.waitUntil(lambda: lock.cursor.hidden, timeout=2000)
    lock.release()
    assert QGuiApplication.overrideCursor() is None
    harness.window.requestActivate()
    QTest.keyClick(harness.window, K.Key_W, M.ControlModifier)
    assert harness.window.property("fired") == "Ctrl+W"


@pytest.mark.parametrize(
    ("key", "modifiers", "blocked"),
    [
        (K.Key_Escape, M.NoModifier, True),
        (K.Key_F4, M.AltModifier, True),
        (K.Key_Delete, M.ControlModifier | M.AltModifier, True),
        (K.Key_Super_L, M.NoModifier, True),
        (K.Key_Left, M.MetaModifier, True),
        (K.Key_5, M.NoModifier, False),
        (K.Key_Left, M.NoModifier, False),
        (K.Key_Return, M.NoModifier, False),
        (K.Key_A, M.ShiftModifier, False),
    ],
)
def test_which_keys_are_blocked(key: Qt.Key, modifiers: Qt.KeyboardModifier, blocked: bool) -> None:
    assert is_blocked(key, modifiers) is blocked
