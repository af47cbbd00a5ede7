"""Keys into keypad actions: the keys an EZ Access keypad (or any USB keyboard) sends.

Installed on the kiosk window, so the lock-down's application-wide filter (kiosk/ui/lockdown/keys.py)
sees every key first and still swallows those that would leave the kiosk (Escape, anything with
Ctrl, Alt or Meta): they never get here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

#: Arrows may repeat while held; the other keys act once per press.
_REPEATS = frozenset({"left", "right", "up", "down"})


@functools.cache
def keymap() -> dict[Qt.Key, str]:
    """Which key does what. Several keys per action: keypads differ, and a keyboard should work too.

    Built at the first key, not at import: the first use of PySide's ``Qt`` namespace makes
    every one of its enums (about 15 ms here), which the kiosk's first frame need not wait for.
    """
    _K = QtCore.Qt.Key
    return {
        _K.Key_Left: "left",
        _K.Key_Right: "right",
        _K.Key_Up: "up",
        _K.Key_Down: "down",
        _K.Key_Return: "select",
        _K.Key_Enter: "select",
        _K.Key_Space: "select",
        _K.Key_Select: "select",
        _K.Key_Backspace: "back",
        _K.Key_Back: "back",
        _K.Key_F1: "help",
        _K.Key_Help: "help",
        _K.Key_Question: "help",
        _K.Key_H: "help",
        _K.Key_L: "listen",
        _K.Key_F2: "listen",
        _K.Key_MediaPlay: "listen",
        _K.Key_MediaTogglePlayPause: "listen",
    }


def _with_modifier(event: QKeyEvent) -> bool:
    modifier = QtCore.Qt.KeyboardModifier
    return bool(event.modifiers() & (modifier.ControlModifier | modifier.AltModifier | modifier.MetaModifier))


class Keypad(QObject):
    """Event filter: keypad keys call ``press(action)``; every other key passes on."""

    def __init__(
        self, press: Callable[[str], bool], enabled: Callable[[], bool] = lambda: True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._press = press
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if _with_modifier(event) or not self._enabled():
            return False
        try:
            action = keymap().get(QtCore.Qt.Key(event.key()))
        except ValueError:
            return False
        if action is None or (event.isAutoRepeat() and action not in _REPEATS):
            return action is not None
        return self._press(action)
