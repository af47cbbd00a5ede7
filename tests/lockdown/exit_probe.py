"""A locked-down window whose staff exit is used for real; run by test_staff_exit.py.

``--wiring lockdown``: the view model is given to ``lock_down(staff=...)``, as docs/lockdown.md
asks; ``app-quit``: ``exitRequested`` is connected to ``app.quit`` only; ``both``: the two
together; ``no-staff``: something quits without the staff exit (must be refused). Exits 0 when
the event loop ended by itself, 3 when the watchdog had to, and prints the window's visibility.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wiring", choices=("lockdown", "app-quit", "both", "no-staff"), required=True)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    from kiosk.staff.pin import StaffPin
    from kiosk.ui.lockdown import lock_down
    from kiosk.ui.lockdown.staff import StaffViewModel

    app = QGuiApplication(sys.argv[:1])
    pin = StaffPin(Path(tempfile.mkdtemp()) / "staff-pin.json")
    pin.set("4826")
    staff = StaffViewModel(pin, parent=app)
    from kiosk.ui.registry import register_qml_types

    register_qml_types()  # the kiosk's components name the view models' types
    engine = QQmlApplicationEngine()
    engine.loadData(b"import QtQuick\nWindow { width: 640; height: 480 }", QUrl("file:///exit_probe.qml"))
    window = engine.rootObjects()[0]
    if args.wiring in ("app-quit", "both"):
        staff.exitRequested.connect(app.quit)
    lock = lock_down(
        app, window, 0, inhibit_blanking=False, staff=staff if args.wiring in ("lockdown", "both") else None
    )

    def staff_leaves() -> None:
        if args.wiring == "no-staff":
            app.quit()  # what a stray Qt.quit() in QML or a signal handler would do
            return
        staff.requestAccess()
        staff.submitPin("4826")
        staff.exitKiosk()

    QTimer.singleShot(200, staff_leaves)
    QTimer.singleShot(3000, lambda: app.exit(3))  # the watchdog
    code = app.exec()
    print(f"VISIBLE {int(window.isVisible())}", flush=True)
    del lock
    return code


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
