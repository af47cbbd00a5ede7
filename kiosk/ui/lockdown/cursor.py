"""Hide the mouse cursor after a few seconds without mouse movement; show it again when the mouse moves.

A touchscreen kiosk shows no cursor; a technician who plugs in a mouse gets one back as soon
as it moves. Touches never bring it back: Qt marks the mouse events it makes from a touch with
the touchscreen as their device, and those are ignored here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QInputDevice, QMouseEvent

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_MS = 3000


class CursorAutoHide(QObject):
    """An application-wide filter that hides the cursor after ``timeout_ms`` of mouse stillness."""

    def __init__(self, timeout_ms: int = DEFAULT_TIMEOUT_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hidden = False
        self._last: QPointF | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._hide)

    @property
    def hidden(self) -> bool:
        return self._hidden

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        QGuiApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._timer.start()

    def stop(self) -> None:
        """Remove the filter and give the cursor back."""
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            device = event.pointingDevice()
            from_touch = device is not None and device.type() in (
                QInputDevice.DeviceType.TouchScreen,
                QInputDevice.DeviceType.TouchPad,
            )
            position = event.globalPosition()
            # One move is delivered to the window and again to items: count a position once.
            if not from_touch and position != self._last:
                self._last = position
                self._show()
                self._timer.start()
        return False  # only watching: every event goes on to its receiver

    def _hide(self) -> None:
        if not self._hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._hidden = True

    def _show(self) -> None:
        if self._hidden:
            QGuiApplication.restoreOverrideCursor()
            self._hidden = False
