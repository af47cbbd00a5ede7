"""The navigation layer never imports Qt or vlc: it is tested and reasoned about without them."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.navigation

FORBIDDEN = ("PySide6", "vlc", "shiboken6")


def test_navigation_imports_neither_qt_nor_vlc() -> None:
    folder = Path(kiosk.navigation.__file__).parent
    for source in folder.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{source.name} imports {name}"
