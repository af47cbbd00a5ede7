"""Memory running short: the kiosk does with less before the kernel kills it. One call in ``kiosk run``.

    memory = MemoryWatch(kiosk.window, trim=kiosk.memory.trim_now)

Every 5 s it reads :func:`kiosk.memory_pressure.read_memory` (a few small files) and, when the
level changes:

- ``low``: films beside the panel on screen no longer prepare ahead, and those prepared are
  stopped (each holds a paused decoder: tens of MB, 230 at 2160p); the attract loop prepares its
  next film once the one playing has stopped, not beside it (``Theme.prepareFilmsAhead``: the last
  frame stands still meanwhile, about a second at 2160p); pictures are decoded at 3/4 of their size on screen (QML's
  ``Theme.pictureScale``: 44 % fewer pixels); a picture whose decoded
  size would still pass 64 MB is not decoded (its placeholder shows) instead of 256 MB; freed
  heap goes back to the system now;
- ``critical``: pictures at half their size on screen (a quarter of the pixels) and held to
  32 MB each, and the window also drops the graphics resources it can rebuild (cached textures,
  glyphs);
- ``normal`` again: everything as before.

Each change is logged with the figures, so the journal says why the kiosk did less.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import health, memory_pressure
from kiosk.memory_pressure import CRITICAL, LOW, NORMAL, Memory, level_of, read_memory

log = logging.getLogger(__name__)

INTERVAL_MS = 5000
#: QImageReader's allocation limit per picture (MB) at each level; Qt's own default is 256.
PICTURE_LIMIT_MB = {NORMAL: 256, LOW: 64, CRITICAL: 32}
#: Pictures are decoded at this share of their size on screen (Theme.pictureScale in QML).
PICTURE_SCALE = {NORMAL: 1.0, LOW: 0.75, CRITICAL: 0.5}


class MemoryWatch(QObject):
    levelChanged = Signal(str)

    def __init__(
        self,
        window: QQuickWindow | None = None,
        *,
        engine: QQmlEngine | None = None,
        trim: Callable[[], object] = lambda: None,
        release_films: Callable[[], object] = lambda: 0,
        read: Callable[[], Memory] = read_memory,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._engine = engine
        self._trim = trim
        self._release_films = release_films
        self._read = read
        self.level = NORMAL
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    def check(self) -> str:
        try:
            memory = self._read()
        except OSError as error:  # a missing /proc file: nothing to go by, nothing to change
            log.debug("memory not readable: %s", error)
            return self.level
        level = level_of(memory)
        if level != self.level:
            self._apply(level, memory)
        return level

    def _apply(self, level: str, memory: Memory) -> None:
        doing = f"preparing no film ahead, pictures held to {PICTURE_LIMIT_MB[level]} MB"
        (log.warning if level != NORMAL else log.info)(
            "memory %s: %s; %s", level, memory.describe(), doing if level != NORMAL else "back to normal"
        )
        self.level = memory_pressure.current_level = level
        health.set_note(
            "memory",
            None if level == NORMAL else f"Memory is short ({memory.headroom:.0%} left): films are not prepared ahead.",
        )
        QImageReader.setAllocationLimit(PICTURE_LIMIT_MB[level])
        self._set_theme(PICTURE_SCALE[level], films_ahead=level == NORMAL)
        if level in (LOW, CRITICAL):
            released = self._release_films()
            if released:
                log.info("memory %s: %s film(s) prepared beside the panel on screen stopped", level, released)
            self._trim()
        if level == CRITICAL and self._window is not None:
            self._window.releaseResources()
        self.levelChanged.emit(level)

    def _set_theme(self, scale: float, *, films_ahead: bool) -> None:
        if self._engine is not None:
            theme = self._engine.singletonInstance("Kiosk", "Theme")
            if theme is not None:
                theme.setProperty("pictureScale", scale)
                theme.setProperty("prepareFilmsAhead", films_ahead)

    def stop(self) -> None:
        self._timer.stop()
        if self.level != NORMAL:
            memory_pressure.current_level = NORMAL
            health.set_note("memory", None)
            QImageReader.setAllocationLimit(PICTURE_LIMIT_MB[NORMAL])
