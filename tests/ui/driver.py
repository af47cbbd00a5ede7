"""Drive the real kiosk window by touch: find items by objectName, tap, swipe, grab."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.navigation import Timeouts
from kiosk.ui.items import walk


class TouchClock:
    """The touch guard's clock in ms: contact durations are decided by the test, not by sleeps."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


def items(root: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under ``root``, delegates included (findChild misses those)."""
    return walk(root)


def shown(item: QQuickItem) -> bool:
    """Visible on screen: visible, not transparent, all the way up."""
    while item is not None:
        if not item.isVisible() or item.opacity() <= 0.001:
            return False
        item = item.parentItem()
    return True


class KioskDriver:
    def __init__(self, app: Any, qtbot: Any, device: QPointingDevice, clock: TouchClock) -> None:
        self.app = app
        self.qtbot = qtbot
        self.device = device
        self.touch_clock = clock
        self.window = app.window
        self.navigator = app.navigator

    # --- finding -------------------------------------------------------------------
    def find_all(self, name: str) -> list[QQuickItem]:
        return [item for item in items(self.window.contentItem()) if item.objectName() == name]

    def find(self, name: str, visible: bool = True) -> QQuickItem:
        found = [item for item in self.find_all(name) if shown(item) or not visible]
        assert found, f"no {'visible ' if visible else ''}item named {name!r}"
        return found[0]

    def wait_for(self, name: str, timeout: int = 3000) -> QQuickItem:
        self.qtbot.waitUntil(lambda: any(shown(i) for i in self.find_all(name)), timeout=timeout)
        return self.find(name)

    def wait_screen(self, screen: str, timeout: int = 3000) -> None:
        self.qtbot.waitUntil(lambda: self.navigator.screen == screen, timeout=timeout)

    def centre(self, item: QQuickItem) -> QPoint:
        point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return point.toPoint()

    # --- touching ------------------------------------------------------------------
    def press(self, point: QPoint, *, points: int = 1) -> None:
        sequence = QTest.touchEvent(self.window, self.device)
        for n in range(points):
            sequence.press(n, point + QPoint(n * 60, 0), self.window)
        sequence.commit()

    def move(self, point: QPoint, *, points: int = 1) -> None:
        sequence = QTest.touchEvent(self.window, self.device)
        for n in range(points):
            sequence.move(n, point + QPoint(n * 60, 0), self.window)
        sequence.commit()

    def release(self, point: QPoint, *, points: int = 1) -> None:
        sequence = QTest.touchEvent(self.window, self.device)
        for n in range(points):
            sequence.release(n, point + QPoint(n * 60, 0), self.window)
        sequence.commit()

    def tap_at(self, point: QPoint, hold_ms: float = 90) -> None:
        self.press(point)
        self.touch_clock.advance(hold_ms)
        self.release(point)
        self.touch_clock.advance(400)  # the next tap is not a bounce of this one
        self.qtbot.wait(1)

    def tap(self, name: str, hold_ms: float = 90) -> None:
        self.tap_at(self.centre(self.find(name)), hold_ms)

    def swipe(self, dx: int, *, y: int | None = None, steps: int = 8, step_ms: int = 1) -> None:
        """A finger drag across the middle of the screen by ``dx`` pixels (negative = to the left)."""
        width = self.window.width()
        y = self.window.height() // 2 if y is None else y
        start = QPoint(width // 2 - dx // 2, y)
        self.press(start)
        for step in range(1, steps + 1):
            self.touch_clock.advance(16)
            self.move(start + QPoint(dx * step // steps, 0))
            self.qtbot.wait(step_ms)
        self.touch_clock.advance(16)
        self.release(start + QPoint(dx, 0))
        self.touch_clock.advance(400)

    def wake(self) -> None:
        """A touch on the attract loop: the home screen, and the tap gap past (taps right after
        waking are dropped by design)."""
        self.tap_at(QPoint(self.window.width() // 2, self.window.height() // 2))
        self.wait_screen("home")
        self.qtbot.wait(80)

    def open_chapter(self, index: int = 0) -> None:
        """From the attract loop to chapter ``index``, by touch, as a visitor goes."""
        self.wake()
        self.tap(f"chapterTile_{index}")
        self.wait_screen("chapter")

    def home_by_navigator(self) -> None:
        """Awake on the home screen through the navigator (the slot a touch on the loop calls)."""
        self.navigator.wake()
        self.qtbot.waitUntil(lambda: self.navigator.screen == "home")

    def show_panel(self, chapter: int, panel: int) -> None:
        """Chapter ``chapter``'s panel ``panel`` through the navigator, from wherever the visit is.
        Each step is asked again until the screen lets the visitor move (a moment after each change)."""
        navigator = self.navigator
        self.qtbot.waitUntil(lambda: navigator.openChapter(chapter) or navigator.screen == "chapter")
        self.qtbot.waitUntil(lambda: navigator.showPanel(panel) or navigator.panelIndex == panel)

    def click(self, name: str) -> None:
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=self.centre(self.find(name)))

    def grab(self) -> QImage:
        return self.window.grabWindow()


def make_kiosk(
    qtbot: Any,
    device: QPointingDevice,
    exhibition: Any,
    *,
    timeouts: Timeouts | None = None,
    size: tuple[int, int] = (1920, 1080),
    tools: Any = None,
) -> KioskDriver:
    """The real KioskApp shown in a window; with ``tools`` (a StaffTools), its controllers are
    handed to the window and attached to the app, as `kiosk run` does."""
    from kiosk.ui.app import KioskApp

    # Wrappers the previous test left in reference cycles are freed now, not at a random later
    # moment: a wrapper that wrongly owns its C++ object (as window.screen()'s did, see
    # kiosk/ui/app.py) then fails here, at once and every time, instead of somewhere else.
    gc.collect()
    clock = TouchClock()
    app = KioskApp(
        exhibition,
        timeouts=timeouts or Timeouts(idle=60, countdown=10, tap_gap=0.05),
        touch_clock_ms=clock,
        size=size,
        schedule=None if tools is None else tools.schedule,
        reload=None if tools is None else tools.reload,
    )
    if tools is not None:
        tools.attach(app)
    app.show(fullscreen=False, size=QSize(*size))
    qtbot.waitExposed(app.window)
    driver = KioskDriver(app, qtbot, device, clock)
    return driver


def panel_place(exhibition: Any, panel_id: str) -> tuple[int, int]:
    """The chapter and panel indexes of the panel ``panel_id``."""
    return next(
        (chapter_index, panel_index)
        for chapter_index, chapter in enumerate(exhibition.chapters)
        for panel_index, panel in enumerate(chapter.panels)
        if panel.id == panel_id
    )
