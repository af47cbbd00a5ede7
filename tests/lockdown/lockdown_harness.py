"""A real Qt Quick window with the staff components, built from tests/lockdown/harness.qml.

Imported by name (tests/ has no packages): conftest.py re-exports the fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk import paths
from kiosk.staff.pin import LockoutPolicy, StaffPin
from kiosk.ui.items import walk
from kiosk.ui.lockdown.staff import StaffViewModel

HARNESS = Path(__file__).with_name("harness.qml")
PIN = "4826"


class FakeClock:
    """Wall-clock seconds the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Harness:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    staff: StaffViewModel
    pin: StaffPin
    clock: FakeClock

    def item(self, name: str) -> QQuickItem:
        for item in walk(self.window.contentItem()):
            if item.objectName() == name:
                return item
        raise LookupError(name)

    def center(self, name: str) -> QPoint:
        item = self.item(name)
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def click(self, name: str) -> None:
        item = self.item(name)
        assert item.isVisible() and item.isEnabled(), f"{name} cannot be touched"
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.center(name))

    def type_pin(self, digits: str) -> None:
        for digit in digits:
            self.click(f"pinKey_{digit}")
        self.click("pinKey_ok")

    def text(self, name: str) -> str:
        value: Any = self.item(name).property("text")
        return str(value)

    def hold_corner(self, qtbot: Any) -> None:
        point = self.center("staffHotZone")
        QTest.mousePress(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        qtbot.waitUntil(lambda: self.staff.property("stage") != "closed", timeout=3000)
        QTest.mouseRelease(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


MakeHarness = Callable[..., Harness]


@pytest.fixture
def make_harness(qtbot: Any, tmp_path: Path) -> Iterator[MakeHarness]:
    made: list[Harness] = []

    def make(
        *,
        pin_code: str | None = PIN,
        preview: bool = False,
        show_error: bool = False,
        hold_ms: int = 60,
        ring_delay_ms: int = 20,
        session_timeout_ms: int = 60_000,
        tick_ms: int = 20,
        policy: LockoutPolicy | None = None,
        size: tuple[int, int] = (1280, 800),
    ) -> Harness:
        from kiosk.ui.registry import register_qml_types

        register_qml_types()  # the harness loads the kiosk's components, which name the view models' types

        clock = FakeClock()
        pin = StaffPin(tmp_path / "config" / "staff-pin.json", clock=clock, policy=policy)
        if pin_code is not None:
            pin.set(pin_code)
        staff = StaffViewModel(pin, preview=preview, session_timeout_ms=session_timeout_ms, tick_ms=tick_ms)
        engine = QQmlApplicationEngine()
        engine.setInitialProperties({"staff": staff, "showError": show_error})
        kiosk_dir = (paths.qml_import_dir() / "Kiosk").as_uri()
        source = HARNESS.read_text(encoding="utf-8").replace("@KIOSK_QML@", kiosk_dir)
        engine.loadData(source.encode(), QUrl.fromLocalFile(str(HARNESS)))
        roots = engine.rootObjects()
        assert roots, "harness.qml did not load"
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        window.setProperty("holdDuration", hold_ms)
        window.setProperty("ringDelay", ring_delay_ms)
        window.resize(*size)
        harness = Harness(engine, window, staff, pin, clock)
        made.append(harness)
        return harness

    yield make
    # The QML goes first: bindings to a view model deleted under them would warn. The scene goes
    # before its engine, with what it let go for later (docs/decisions/0075).
    for harness in made:
        harness.window.hide()
        harness.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for harness in made:
        harness.engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for harness in made:
        harness.staff.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def shown(make_harness: MakeHarness, qtbot: Any) -> Harness:
    """A harness window shown (windowed, not locked down) with a PIN set."""
    harness = make_harness()
    harness.window.show()
    qtbot.waitExposed(harness.window)
    return harness
