"""Analytics, the report and the opening hours import neither Qt nor libVLC.

`kiosk report` runs on a staff laptop or over ssh; the recorder runs on a thread of its
own; the hours are plain arithmetic. None of them should pay for Qt.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PURE = ("kiosk.analytics", "kiosk.report", "kiosk.schedule", "kiosk.model.schedule", "kiosk.proof.marks")
FORBIDDEN = ("PySide6", "shiboken6", "vlc")


def test_pure_staff_tools_import_neither_qt_nor_vlc(tmp_path: Path) -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE!r}:\n"
        "    importlib.import_module(name)\n"
        "from kiosk.cli import main\n"
        f"main(['report', '--db', {str(tmp_path / 'none.sqlite3')!r}, '--out', {str(tmp_path / 'r')!r}])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    process = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip().splitlines()[-1] == "[]"
