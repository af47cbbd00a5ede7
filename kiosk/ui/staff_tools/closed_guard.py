"""While the kiosk is closed, a touch must not start a visit under the closed screen.

An event filter on the window, installed after the app's TouchGuard so Qt asks it first:
while ``ScheduleController.isOpen`` is false it swallows every touch and mouse event,
except a sequence that starts on the staff corner (the item named ``staffHotZone``) or
while the staff panel is open (``staffScrim`` visible), so staff can still get in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtQuick import QQuickWindow

from kiosk.ui.items import find_item
from kiosk.ui.staff_tools.schedule import ScheduleController

_PRESS = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}
_INPUT = _PRESS | {
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
}
STAFF_ZONE = "staffHotZone"
STAFF_PANEL = "staffScrim"


class ClosedGuard(QObject):
    def __init__(self, window: QQuickWindow, schedule: ScheduleController) -> None:
        super().__init__(window)
        self._window = window
        self._schedule = schedule
        self._letting_through = False
        self.swallowed = 0
        window.installEventFilter(self)

    def _for_staff(self, point: QPointF) -> bool:
        root = self._window.contentItem()
        panel = find_item(root, STAFF_PANEL)
        if panel is not None and panel.isVisible():
            return True
        zone = find_item(root, STAFF_ZONE)
        if zone is None or not zone.isEnabled():
            return False
        return zone.contains(zone.mapFromScene(point))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT or self._schedule.isOpen:
            return False
        if kind in _PRESS:
            if isinstance(event, QTouchEvent) and event.points():
                point = event.points()[0].scenePosition()
            elif isinstance(event, QMouseEvent):
                point = event.scenePosition()
            else:
                point = QPointF(-1, -1)
            self._letting_through = self._for_staff(point)
            if not self._letting_through:
                self.swallowed += 1
        return not self._letting_through
