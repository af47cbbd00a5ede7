"""``kiosk edit [FILE]``: the exhibition editor (forms, all languages side by side, live preview)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from kiosk import paths


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="edit an exhibition in a window: forms, every language side by side, live preview",
        description="Open FILE (default: the bundled exhibition) in the editor. With --new DIR, start a new "
        "exhibition in DIR from the starter of 'kiosk new' and open it.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the exhibition's .yaml file")
    parser.add_argument("--new", type=Path, metavar="DIR", help="create a new exhibition in DIR (new or empty)")
    parser.set_defaults(func=run)


def widgets_available() -> bool:
    """Whether Qt Widgets is installed. The booth's installer leaves it out
    (packaging/pyinstaller/bundle_rules.py): the editor is for staff machines."""
    try:
        importlib.import_module("PySide6.QtWidgets")
    except ImportError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    if not widgets_available():
        print(
            "kiosk edit: the editor is not part of this installation (a booth build leaves Qt Widgets "
            "out). Install kiosk on a staff computer (pip install kiosk, or bash scripts/setup.sh in the "
            "source) and run kiosk edit there.",
            file=sys.stderr,
        )
        return 2
    from kiosk.editor.app import run_editor

    if args.new is not None:
        from kiosk.new_exhibition import create_exhibition

        try:
            target = create_exhibition(args.new)
        except (ValueError, OSError) as error:
            print(f"kiosk edit: {error}", file=sys.stderr)
            return 1
    else:
        target = args.file if args.file is not None else paths.default_exhibition()
    return run_editor(target)
