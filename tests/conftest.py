"""Settings every test shares: an offscreen Qt, no writes outside temporary folders, one touchscreen.

- ``touch_device``: a QTest touchscreen, one for the whole session (Qt keeps registered devices
  until exit), for every test that touches a real window.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

import pytest

# Before anything imports Qt: tests render offscreen with the software scene graph,
# unless a test starts its own Xvfb and says otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Logs, analytics and staff settings of test runs never land in the real user folders.
_scratch = tempfile.mkdtemp(prefix="kiosk-tests-")
for variable, folder in (
    ("KIOSK_LOG_DIR", "logs"),
    ("KIOSK_DATA_DIR", "data"),
    ("KIOSK_CONFIG_DIR", "config"),
    ("KIOSK_CACHE_DIR", "cache"),
):
    os.environ.setdefault(variable, os.path.join(_scratch, folder))


def pytest_configure(config: object) -> None:
    # Every test that plays a film, whichever folder it is in, uses libVLC's dummy audio output:
    # there is no sound card here, and libVLC accepts its options only before the first player.
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    # The allocator as `kiosk run` sets it (kiosk/malloc.py): the kiosks that tests start in this
    # process measure their memory the way it behaves on a booth.
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()


_TOUCH_DEVICE: list[Any] = []


@pytest.fixture
def touch_device(qapp: Any) -> Any:
    """The session's QTest touchscreen (a QPointingDevice)."""
    if not _TOUCH_DEVICE:
        from PySide6.QtGui import QInputDevice
        from PySide6.QtTest import QTest

        _TOUCH_DEVICE.append(QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen))
    return _TOUCH_DEVICE[0]
