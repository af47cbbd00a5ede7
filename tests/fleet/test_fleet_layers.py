"""The fleet's engine-facing modules stay free of Qt: ``kiosk publish`` and the taker run without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_qt_log

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ("manifest", "publish", "take", "announcements", "metrics")


def test_the_fleet_modules_but_the_qt_hook_import_no_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import kiosk.fleet.{name}\n" for name in QT_FREE)
        + "import kiosk.cli.publish\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
