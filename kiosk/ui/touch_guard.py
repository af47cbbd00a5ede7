"""An event filter on the kiosk window that hides noise from the scene and wakes the kiosk.

- The first touch on the attract loop wakes the kiosk and is swallowed whole (press to
  release), so it is never also a tap on the home screen that appears under the finger.
  The same holds for the touch that answers the 'still there?' countdown.
- Phantom contacts, palms and bounces are judged by :class:`kiosk.navigation.TouchJudge`;
  what it rejects never reaches Qt Quick, and a contact found to be a phantom on release is
  ended as a TouchCancel, so the button it pressed does not fire.
- Every press and move counts as activity for the idle timer; a press is also told to ``pressed``
  (the keypad's help makes way for a visitor who touches).
Mouse events are not judged (a mouse click is short and deliberate), only counted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent, QWindow

from kiosk.navigation import TouchJudge, TouchVerdict
from kiosk.ui.viewmodels.navigator import Navigator

_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd}
_MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
}


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


class TouchGuard(QObject):
    def __init__(
        self,
        window: QWindow,
        navigator: Navigator,
        judge: TouchJudge,
        now_ms: Callable[[], float] = _monotonic_ms,
        passthrough: Callable[[float, float], bool] | None = None,
        pressed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.navigator = navigator
        self.judge = judge
        self.now_ms = now_ms
        # Where a press is never swallowed (the staff corner: its long press must work on the loop too).
        self.passthrough = passthrough or (lambda x, y: False)
        self.pressed = pressed or (lambda: None)
        self._hiding_touch = False  # this touch sequence woke the kiosk or is noise: hide it all
        self._hiding_mouse = False
        self.swallowed = 0  # sequences hidden, for tests and the log
        window.installEventFilter(self)

    def _wakes(self, x: float, y: float) -> bool:
        """A press now is for waking (attract loop) or answering the countdown, not for what lies under."""
        if self.navigator.screen == "attract":
            self.navigator.wake()
        elif self.navigator.countingDown:
            self.navigator.stillHere()
        else:
            return False
        return not self.passthrough(x, y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TOUCH and isinstance(event, QTouchEvent):
            return self._touch(event)
        if kind in _MOUSE and isinstance(event, QMouseEvent):
            return self._mouse(event)
        return False

    def _touch(self, event: QTouchEvent) -> bool:
        kind = event.type()
        points = event.points()
        diameter = max((max(p.ellipseDiameters().width(), p.ellipseDiameters().height()) for p in points), default=0)
        if kind == QEvent.Type.TouchBegin:
            self._hiding_touch = False
            position = points[0].position() if points else None
            x, y = (position.x(), position.y()) if position is not None else (0.0, 0.0)
            verdict = self.judge.begin(self.now_ms(), x, y, len(points), diameter)
            if verdict is TouchVerdict.SWALLOW or self._wakes(x, y):
                self._hiding_touch = True
            else:
                self.navigator.touch()
                self.pressed()
        elif kind == QEvent.Type.TouchUpdate:
            verdict = self.judge.update(len(points), diameter)
            if verdict is TouchVerdict.CANCEL and not self._hiding_touch:
                self._cancel(event)
                self._hiding_touch = True
            if not self._hiding_touch:
                self.navigator.touch()
        else:  # TouchEnd
            position = points[0].position() if points else None
            x, y = (position.x(), position.y()) if position is not None else (0.0, 0.0)
            verdict = self.judge.end(self.now_ms(), x, y)
            hidden = self._hiding_touch
            self._hiding_touch = False
            if hidden:
                self.swallowed += 1
                event.accept()
                return True
            if verdict is TouchVerdict.CANCEL:
                self.swallowed += 1
                self._cancel(event)
                event.accept()
                return True
            return False
        if self._hiding_touch:
            event.accept()
            return True
        return False

    def _cancel(self, event: QTouchEvent) -> None:
        """End the sequence for Qt Quick as cancelled: grabbers let go, nothing fires."""
        cancel = QTouchEvent(QEvent.Type.TouchCancel, event.pointingDevice(), event.modifiers(), [])
        QCoreApplication.sendEvent(self.window, cancel)

    def _mouse(self, event: QMouseEvent) -> bool:
        device = event.pointingDevice()
        if device is not None and device.type() == QInputDevice.DeviceType.TouchScreen:
            return self._hiding_touch  # mouse made from a touch: follows the touch's fate
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if kind == QEvent.Type.MouseButtonPress:
                self._hiding_mouse = self._wakes(event.position().x(), event.position().y())
            if not self._hiding_mouse:
                self.navigator.touch()
                self.pressed()
        elif kind == QEvent.Type.MouseButtonRelease:
            hidden = self._hiding_mouse
            self._hiding_mouse = False
            if hidden:
                self.swallowed += 1
                event.accept()
                return True
        elif self._hiding_mouse:
            pass
        else:
            return False  # hover moves: not a visitor's touch
        if self._hiding_mouse:
            event.accept()
            return True
        return False
