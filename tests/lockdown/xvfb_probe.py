"""The harness window, locked down on a real X server; run by test_xvfb.py in its own process.

Prints ``READY <window id>`` once the window is shown, then runs until the file named by
``--stop`` appears (then authorises the exit and quits, so the lock-down restores what it
changed) or until the window closes. Prints ``FIRED <shortcuts>`` and ``VISIBLE <0|1>`` last.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stop", type=Path, required=True)
    parser.add_argument("--no-lockdown", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow

    from kiosk import paths
    from kiosk.staff.pin import StaffPin
    from kiosk.ui.lockdown import lock_down
    from kiosk.ui.lockdown.staff import StaffViewModel

    app = QGuiApplication(sys.argv)
    staff = StaffViewModel(StaffPin(Path(tempfile.mkdtemp()) / "staff-pin.json"), parent=app)
    harness = Path(__file__).with_name("harness.qml")
    from kiosk.ui.registry import register_qml_types

    register_qml_types()  # the kiosk's components name the view models' types
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"staff": staff, "showError": False})
    source = harness.read_text(encoding="utf-8").replace("@KIOSK_QML@", (paths.qml_import_dir() / "Kiosk").as_uri())
    engine.loadData(source.encode(), QUrl.fromLocalFile(str(harness)))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.resize(640, 480)  # smaller than the screen: the lock-down must make it cover it

    lock = None
    if args.no_lockdown:
        window.show()
        window.requestActivate()
    else:
        lock = lock_down(app, window, 0, cursor_timeout_ms=300)

    def report_ready() -> None:
        print(f"READY {int(window.winId())}", flush=True)

    def poll_stop() -> None:
        if args.stop.exists():
            if lock is not None:
                lock.authorise_exit()
            app.quit()

    QTimer.singleShot(500, report_ready)  # after the first frames, so the window is mapped
    poller = QTimer()
    poller.timeout.connect(poll_stop)
    poller.start(50)
    window.visibleChanged.connect(lambda visible: visible or app.quit())
    code = app.exec()
    print(f"FIRED {window.property('fired')}", flush=True)
    print(f"VISIBLE {int(window.isVisible())}", flush=True)
    del engine
    return code


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    sys.exit(main())
