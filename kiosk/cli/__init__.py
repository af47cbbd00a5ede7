"""The ``kiosk`` command: one subcommand per module in this package.

Each subcommand module defines ``add_parser(subparsers)`` and keeps its imports
light at module level, so that ``kiosk validate`` never pays for Qt or libVLC.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk import __version__

#: Subcommands in the order ``kiosk --help`` lists them.
SUBCOMMANDS = ("run", "validate", "schema", "new", "edit", "doctor", "proof", "report", "pin", "speak", "publish")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` one subcommand: each imports what it runs, and a
    booth's ``kiosk run`` should not wait for the loader's checks that ``validate`` imports."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Touchscreen exhibition kiosk: run an exhibition, check it, and look after the machine.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        if only is None or name == only:
            importlib.import_module(f"kiosk.cli.{name}").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = arguments[0] if arguments and arguments[0] in SUBCOMMANDS else None
    parser = build_parser(only=command)
    args = parser.parse_args(arguments)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    result: int = args.func(args)
    return result
