"""Starting the editor: the Qt application, the staff's language, one window."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from kiosk.editor.language import install_editor_translator


def run_editor(path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.editor.window import EditorWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk-edit")
    app.setOrganizationName("kiosk")
    install_editor_translator(app)
    # Ctrl+C in the terminal closes the window the normal way (unsaved changes still asked about).
    window = EditorWindow(path)
    signal.signal(signal.SIGINT, lambda *_: window.close())
    window.show()
    if window.document is None and window.open_problems:
        for problem in window.open_problems:
            print(problem, file=sys.stderr)
    return int(app.exec())
