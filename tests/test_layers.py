"""The layers rule: kiosk.model, kiosk.loader and kiosk.navigation never import Qt or libVLC.

Checked twice, as napari does: by importing them in a fresh interpreter and looking at
``sys.modules`` (catches imports made at run time by a dependency), and by reading every
import statement in their sources (catches an import inside a function that the first
check would not run).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_qt_log  # no Qt here; late Qt messages from other tests are not ours

ROOT = Path(__file__).resolve().parent.parent
PURE_LAYERS = ("kiosk.model", "kiosk.loader", "kiosk.navigation")
FORBIDDEN = ("PySide6", "shiboken6", "vlc", "PyQt5", "PyQt6")


def test_pure_layers_import_neither_qt_nor_vlc_at_run_time() -> None:
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for layer in PURE_LAYERS
        for path in sorted((ROOT / layer.replace(".", "/")).rglob("*.py"))
    ]
    modules = [name.removesuffix(".__init__") for name in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        # Exercise the loader too: its media check imports Pillow lazily, and must not pull Qt in.
        "from kiosk.loader import load_exhibition\n"
        f"load_exhibition({str(ROOT / 'tests/loader/valid/full.yaml')!r})\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    process = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "[]"
    assert len(modules) > 10


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            # importlib.import_module("PySide6...") would slip past the statements above.
            for arg in node.args[:1]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((node.lineno, arg.value))
    return found


@pytest.mark.parametrize("layer", PURE_LAYERS)
def test_pure_layer_sources_have_no_qt_or_vlc_import(layer: str) -> None:
    files = sorted((ROOT / layer.replace(".", "/")).rglob("*.py"))
    assert files
    offending = [
        f"{path.relative_to(ROOT)}:{line}: import {name}"
        for path in files
        for line, name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offending == []


def test_the_source_check_can_fail(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f():\n    import vlc\n    from PySide6.QtCore import QObject\n"
        "    importlib.import_module('shiboken6')\n",
        encoding="utf-8",
    )
    assert [name for _, name in _imports(sample)] == ["vlc", "PySide6.QtCore", "shiboken6"]


def test_only_one_module_imports_vlc() -> None:
    importers = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "kiosk").rglob("*.py")
        if any(name.split(".")[0] == "vlc" for _, name in _imports(path))
    )
    assert importers in ([], ["kiosk/video/vlc_engine.py"])
