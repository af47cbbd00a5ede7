"""The editor's document side imports neither Qt nor libVLC, and no editor module imports vlc itself.

The document, its edits, saving, autosave and the field descriptions are tested without a window;
Qt stays in the window's modules, and libVLC is reached only through kiosk.video.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_qt_log

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "kiosk" / "editor"
DOCUMENT_SIDE = (
    "yaml_io",
    "document",
    "edits",
    "saving",
    "autosave",
    "fields",
    "form_values",
    "templates",
    "opening",
    "problem_paths",
    "media_files",
)
FORBIDDEN = ("PySide6", "shiboken6", "vlc")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_document_side_imports_no_qt_even_at_run_time() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DOCUMENT_SIDE!r}:\n"
        "    importlib.import_module('kiosk.editor.' + name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_editor_module_imports_vlc() -> None:
    offenders = [
        path.name for path in EDITOR.glob("*.py") if any(name.split(".")[0] == "vlc" for name in _imported(path))
    ]
    assert offenders == []
    assert len(list(EDITOR.glob("*.py"))) > len(DOCUMENT_SIDE)
