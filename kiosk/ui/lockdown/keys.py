"""Swallow the keys that would close or leave the kiosk, and refuse window close requests.

One application-wide event filter sees every key before any window, item or QML ``Shortcut``
does. It swallows:

- Escape and the Close key;
- every key pressed with Ctrl, Alt or Meta (Super): Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab,
  Ctrl+Alt+Backspace, Ctrl+Alt+Delete... A blocklist of single combinations would miss the
  next one; visitors have no use for any of them, and digits (the staff PIN pad) still pass;
- the ``ShortcutOverride`` event of the same keys, so that Qt's shortcut map never even tries
  them (a QML ``Shortcut { sequence: StandardKey.Quit }`` somewhere cannot fire).

It also refuses every close request to a top-level window (a window manager's Alt+F4 or close
button, ``QWindow.close()``) until the staff exit was authorised.

What no application can stop, because the keys never reach it: a window manager's Alt+Tab,
the X server's Ctrl+Alt+Backspace (zap) and Ctrl+Alt+F1..F12 (switch console). docs/lockdown.md
says how the installation turns those off.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWindow

log = logging.getLogger(__name__)

_BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_ALWAYS_BLOCKED = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_Close,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Menu,
    }
)
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_AltGr})
_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})


def is_blocked(key: int | Qt.Key, modifiers: Qt.KeyboardModifier) -> bool:
    """True for a key the kiosk swallows: Escape, Close, Super/Menu, or anything with Ctrl/Alt/Meta."""
    if bool(modifiers & _BLOCKING_MODIFIERS):
        return True
    try:
        return Qt.Key(key) in _ALWAYS_BLOCKED
    except ValueError:  # a key code Qt has no name for
        return False


class ExitGuard(QObject):
    """The application-wide filter: swallows exit and switch keys, refuses close requests.

    ``exit_authorised`` opens the door for the staff exit: closes pass, keys stay swallowed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exit_authorised = False
        #: How many keys and close requests were refused, for the staff panel and the tests.
        self.keys_swallowed = 0
        self.closes_refused = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            assert isinstance(event, QKeyEvent)
            if is_blocked(event.key(), event.modifiers()):
                if kind == QEvent.Type.KeyPress:
                    self.keys_swallowed += 1
                    if event.key() not in _MODIFIER_KEYS:  # log Alt+F4 once, not Alt and then Alt+F4
                        log.info("swallowed key %s", _describe(event))
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Close and isinstance(watched, QWindow) and not self.exit_authorised:
            # Only top-level windows get here from a window manager or QWindow.close().
            self.closes_refused += 1
            log.info("refused a close request to %s", watched.objectName() or type(watched).__name__)
            event.ignore()
            return True
        return False


def _describe(event: QKeyEvent) -> str:
    from PySide6.QtGui import QKeySequence

    combined = event.keyCombination()
    return QKeySequence(combined).toString() or f"key {event.key():#x}"
