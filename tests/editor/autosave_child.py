"""An editor that makes one change, says so once its autosave is written, and waits to be killed.

Usage: autosave_child.py FILE. test_autosave.py kills it with SIGKILL: nothing of Python's or Qt's
shutdown runs, as in a crash or a power cut.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.editor.autosave import autosave_path
    from kiosk.editor.edits import SetValue
    from kiosk.editor.window import EditorWindow

    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1])
    settings = QSettings(str(path.with_name("kiosk-edit.ini")), QSettings.Format.IniFormat)
    window = EditorWindow(path, check_delay_ms=10, preview=False, settings=settings)
    window.submit(SetValue(("attract", "idle_timeout"), "3m", label="idle"))

    def poll() -> None:
        if autosave_path(path).exists():
            print("autosaved", flush=True)
            timer.stop()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
