"""Keys into keypad actions: the keys an EZ Access keypad (or any USB keyboard) sends.

Installed on the kiosk window, so the lock-down's application-wide filter (kiosk/ui/lockdown/keys.py)
sees every key first and still swallows those that would leave the kiosk (Escape, anything with
Ctrl, Alt or Meta): they never get here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

_K = Qt.Key
#: Which key does what. Several keys per action: keypads differ, and a keyboard should work too.
KEYMAP: dict[Qt.Key, str] = {
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
#: Arrows may repeat while held; the other keys act once per press.
_REPEATS = frozenset({"left", "right", "up", "down"})
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


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
        if event.modifiers() & _MODIFIERS or not self._enabled():
            return False
        try:
            action = KEYMAP.get(Qt.Key(event.key()))
        except ValueError:
            return False
        if action is None or (event.isAutoRepeat() and action not in _REPEATS):
            return action is not None
        return self._press(action)
