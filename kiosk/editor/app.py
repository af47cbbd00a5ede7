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
    window = EditorWindow()

    def opened(ok: bool) -> None:
        # Also in the terminal, as kiosk validate writes them: FILE:LINE:COLUMN links in most terminals.
        for problem in () if ok else window.open_problems:
            print(problem, file=sys.stderr)

    window.opened.connect(opened)
    # Ctrl+C in the terminal closes the window the normal way (unsaved changes are still asked about).
    signal.signal(signal.SIGINT, lambda *_: window.close())
    window.show()
    window.open_in_background(path)
    return int(app.exec())
