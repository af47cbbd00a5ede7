"""``kiosk schema``: print the JSON Schema of the exhibition format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.terminal import reader_gone


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of exhibition files (for editors' completion and checks)",
        description="Print the JSON Schema of exhibition files, generated from the kiosk's model. "
        "The committed copy is config/exhibition.schema.json (kiosk schema --out config/exhibition.schema.json).",
    )
    parser.add_argument("--out", type=Path, help="write to this file instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.schema import schema_text

    text = schema_text()
    if args.out:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"kiosk schema: cannot write {args.out}: {error.strerror}", file=sys.stderr)
            return 1
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # ``kiosk schema | head``
        reader_gone()
    return 0
