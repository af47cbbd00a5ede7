"""Freezes the first kiosk a supervisor starts, a few seconds after it shows (loaded by the recovery probe).

``KIOSK_TEST_FREEZE=ui``: a slot sleeps for an hour on the UI thread (a deadlock, as far as
anyone can tell); ``hide``: the window is hidden, so no frame is painted while the UI thread
runs on. Later starts (``KIOSK_START_NUMBER`` > 1) run normally.
"""

from __future__ import annotations

import os
import time


def install() -> None:
    # The first start freezes, or the first N with KIOSK_TEST_FREEZE_EVERY_START=N (measure.py).
    if int(os.environ.get("KIOSK_START_NUMBER", "1")) > int(os.environ.get("KIOSK_TEST_FREEZE_EVERY_START", "1")):
        return
    from kiosk.ui import app as ui_app

    original = ui_app.KioskApp.show

    def show(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        from PySide6.QtCore import QTimer

        how = os.environ.get("KIOSK_TEST_FREEZE", "ui")

        def freeze() -> None:
            print(f"KIOSK-TEST-FROZEN {how} pid={os.getpid()} mono={time.monotonic():.6f}", flush=True)
            if how == "ui":
                time.sleep(3600)
            else:
                self.window.hide()

        QTimer.singleShot(int(os.environ.get("KIOSK_TEST_FREEZE_AFTER_MS", "3000")), freeze)

    ui_app.KioskApp.show = show  # type: ignore[method-assign]
