"""Fixtures for the presentation, for this folder and for others to reuse.

- ``ui_exhibition``: a small exhibition with every panel kind (tests/ui/exhibition_factory.py).
- ``touch_device``: a QTest touchscreen.
- ``kiosk``: the real KioskApp on an offscreen 1920x1080 window, with short idle timeouts
  and a touch clock the test moves (``kiosk.touch_clock``), wrapped in a ``KioskDriver``
  (tests/ui/driver.py) that finds items by objectName and touches them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QInputDevice, QPointingDevice
from PySide6.QtTest import QTest

from kiosk.model import Exhibition
from ui.driver import KioskDriver, make_kiosk
from ui.exhibition_factory import build_exhibition

_TOUCH_DEVICE: list[QPointingDevice] = []


@pytest.fixture(scope="session")
def ui_exhibition(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return build_exhibition(tmp_path_factory.mktemp("ui-media"))


@pytest.fixture
def touch_device(qapp: Any) -> QPointingDevice:
    # One device for the whole session: Qt keeps registered devices until exit.
    if not _TOUCH_DEVICE:
        _TOUCH_DEVICE.append(QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen))
    return _TOUCH_DEVICE[0]


@pytest.fixture
def kiosk(qtbot: Any, touch_device: QPointingDevice, ui_exhibition: Exhibition) -> Iterator[KioskDriver]:
    driver = make_kiosk(qtbot, touch_device, ui_exhibition)
    yield driver
    driver.app.close()
