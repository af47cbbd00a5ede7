"""Fixtures for the presentation, for this folder and for others to reuse.

- ``ui_exhibition``: a small exhibition with every panel kind (tests/ui/exhibition_factory.py).
- ``bundled_exhibition``: the exhibition the kiosk ships with (config/ and media/).
- ``kiosk``: the real KioskApp on an offscreen 1920x1080 window, with short idle timeouts
  and a touch clock the test moves (``kiosk.touch_clock``), wrapped in a ``KioskDriver``
  (tests/ui/driver.py) that finds items by objectName and touches them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QPointingDevice

from kiosk.model import Exhibition
from ui.driver import KioskDriver, make_kiosk
from ui.exhibition_factory import build_exhibition


@pytest.fixture(scope="session")
def ui_exhibition(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return build_exhibition(tmp_path_factory.mktemp("ui-media"))


@pytest.fixture(scope="session")
def bundled_exhibition() -> Exhibition:
    from kiosk import paths
    from kiosk.loader import load_exhibition

    exhibition = load_exhibition(paths.default_exhibition()).exhibition
    assert exhibition is not None
    return exhibition


@pytest.fixture
def kiosk(qtbot: Any, touch_device: QPointingDevice, ui_exhibition: Exhibition) -> Iterator[KioskDriver]:
    driver = make_kiosk(qtbot, touch_device, ui_exhibition)
    yield driver
    driver.app.close()
