"""Work handed from libVLC's threads (or any other) to the Qt thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal, Slot


class QtThreadRelay(QObject):
    """Runs callables on the thread this object lives on (the Qt thread), always queued.

    libVLC calls back on threads of its own, and must never be called from inside its callbacks
    (docs/decisions/0009): the work is carried to the Qt thread instead.
    """

    run = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # QtCore.Qt named here, not imported at the top: its first use costs ~15 ms, and a
        # module imported before the kiosk's first frame should not pay it.
        self.run.connect(self._run, QtCore.Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, work: Callable[[], None]) -> None:
        work()
