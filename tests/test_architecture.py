"""The architecture, held by one test: who may import Qt, who imports vlc, and no import cycles.

The rules live in pyproject.toml as import-linter contracts (``[tool.importlinter]``), read by
the tool made for this (docs/decisions/0001-import-linter.md); docs/architecture.md draws them:

- ``qt-free``: the model, the loader, navigation and every part that runs without a screen
  (analytics, the report, opening hours, the PIN, the supervisor...) import neither Qt nor vlc,
  not even through another module;
- ``video-qt-free``: kiosk.video, the playback logic and its libVLC engine, never imports Qt;
- ``one-vlc-importer``: kiosk/video/vlc_engine.py alone imports vlc;
- ``acyclic``: no two packages (or modules) of one package import each other, at any depth.

Beside the contracts: every part of ``kiosk`` is placed on one side of the Qt line (a new
package must choose), no module imports its way back to itself (a package's ``__init__``
included, which the sibling rule does not see), and the Qt-free parts, imported and run in a
fresh interpreter, leave neither Qt nor vlc in ``sys.modules`` (an import made by a name held
in a string would slip past the static rules). Each rule is shown failing on a copy of the
tree with a forbidden import written into it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_qt_log  # no Qt here; late Qt messages from other tests are not ours

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
QT_FREE: list[str] = next(c for c in CONTRACTS["contracts"] if c["id"] == "qt-free")["source_modules"]
#: The parts that may import Qt: the window and its view models, and the commands that show or
#: render it (kiosk run, kiosk proof, the doctor's display probe, the smoke test of a build).
QT_ALLOWED = ("kiosk.ui", "kiosk.cli", "kiosk.proof", "kiosk.doctor", "kiosk.smoke", "kiosk.video", "kiosk.editor")
FORBIDDEN = ("PySide6", "shiboken6", "vlc")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's contracts of ``root``/pyproject.toml over the ``kiosk`` package in ``root``."""
    command = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache", "--no-logo", "pyproject.toml"]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, timeout=120)


_MODULE_CYCLE = """
import graphlib, json, grimp
graph = grimp.build_graph("kiosk", cache_dir=None)
edges = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
try:
    tuple(graphlib.TopologicalSorter(edges).static_order())
    print(json.dumps(None))
except graphlib.CycleError as error:
    print(json.dumps(error.args[1]))
"""


def module_cycle(root: Path) -> list[str] | None:
    """A chain of modules in ``root``/kiosk that imports its way back to where it began, or None.

    In a fresh interpreter in ``root``: grimp finds the package by importing it, and this one
    has imported the real tree already."""
    result = subprocess.run(
        [sys.executable, "-c", _MODULE_CYCLE], cwd=root, capture_output=True, text=True, check=True, timeout=120
    )
    cycle: list[str] | None = json.loads(result.stdout)
    return cycle


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_module_imports_its_way_back_to_itself() -> None:
    assert module_cycle(ROOT) is None


def test_every_part_of_kiosk_is_placed_on_one_side_of_the_qt_line() -> None:
    parts = sorted(
        f"kiosk.{path.stem}"
        for path in (ROOT / "kiosk").iterdir()
        if (path.suffix == ".py" and path.stem not in ("__init__", "__main__")) or (path / "__init__.py").is_file()
    )
    unplaced = [
        part
        for part in parts
        if part not in QT_ALLOWED and not any(rule == part or rule.startswith(part + ".") for rule in QT_FREE)
    ]
    assert unplaced == [], "add each to the qt-free contract in pyproject.toml, or to QT_ALLOWED here"


def test_the_qt_free_parts_run_without_qt_or_vlc(tmp_path: Path) -> None:
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for name in (*QT_FREE, "kiosk.video")  # kiosk.video loads vlc only when a film plays
        for path in (
            [ROOT / (name.replace(".", "/") + ".py")]
            if (ROOT / (name.replace(".", "/") + ".py")).is_file()
            else sorted((ROOT / name.replace(".", "/")).rglob("*.py"))
        )
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        # Run them too: the loader imports Pillow lazily, the report writes its pages.
        "from kiosk.loader import load_exhibition\n"
        f"load_exhibition({str(ROOT / 'tests/loader/valid/full.yaml')!r})\n"
        "from kiosk.cli import main\n"
        f"main(['report', '--db', {str(tmp_path / 'none.sqlite3')!r}, '--out', {str(tmp_path / 'report')!r}])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    process = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip().splitlines()[-1] == "[]"
    assert len(modules) > 40


def test_the_rules_fail_on_a_forbidden_import(tmp_path: Path) -> None:
    """A copy of the tree with forbidden imports written in: each rule names its own."""
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("media", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    # Navigation, which kiosk.video does not import (so the video rule stays kept): Qt in it, and a
    # cycle, navigation importing the window that imports it.
    visit = tmp_path / "kiosk/navigation/visit.py"
    original = visit.read_text()
    visit.write_text(original + "\nfrom PySide6 import QtCore\nimport kiosk.ui.app\n")
    app = tmp_path / "kiosk/ui/app.py"
    app.write_text(app.read_text() + "\nimport vlc\n")  # a second vlc importer

    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "kiosk.navigation is not allowed to import PySide6" in result.stdout, result.stdout
    assert "kiosk.ui.app -> vlc" in result.stdout, result.stdout
    assert "No cycles are allowed in kiosk." in result.stdout, result.stdout
    assert "1 kept, 3 broken" in result.stdout, result.stdout
    assert module_cycle(tmp_path) is not None

    # A package whose __init__ imports a module that imports the package back: the cycle the
    # sibling rule cannot see (an __init__ is not a sibling), which the module rule does.
    visit.write_text(original)
    init = tmp_path / "kiosk/ui/viewmodels/__init__.py"
    init.write_text(init.read_text() + "\nfrom kiosk.ui.viewmodels import store\n")
    store = tmp_path / "kiosk/ui/viewmodels/store.py"
    store.write_text(store.read_text() + "\nimport kiosk.ui.viewmodels\n")
    cycle = module_cycle(tmp_path)
    assert cycle is not None and set(cycle) == {"kiosk.ui.viewmodels", "kiosk.ui.viewmodels.store"}, cycle
