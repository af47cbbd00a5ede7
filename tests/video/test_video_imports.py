"""The video layers hold: one module imports vlc, and kiosk/video itself is Qt-free."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_vlc_engine_imports_vlc() -> None:
    importers = sorted(
        str(path.relative_to(ROOT)) for path in (ROOT / "kiosk").rglob("*.py") if "vlc" in imported_modules(path)
    )
    assert importers == ["kiosk/video/vlc_engine.py"]


def test_kiosk_video_is_free_of_qt_and_loads_vlc_only_when_asked() -> None:
    for path in (ROOT / "kiosk" / "video").glob("*.py"):
        assert "PySide6" not in imported_modules(path), path
    code = (
        "import sys, kiosk.video, kiosk.video.vlc_engine as e; "
        "print('PySide6' in sys.modules, 'vlc' in sys.modules); e.probe(); print('vlc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False", "True"], out.stderr
