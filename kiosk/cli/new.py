"""``kiosk new DIR``: start an exhibition from the small starter that ships with the kiosk."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.new_exhibition import create_exhibition


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="create a new exhibition folder from the starter (one panel of each kind)",
        description="Create DIR holding exhibition.yaml, a media/ folder with sample pictures, a short clip "
        "and captions, and the JSON Schema editors use for completion. DIR must be new or empty.",
    )
    parser.add_argument("directory", type=Path, metavar="DIR", help="the folder to create (new or empty)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.directory
    starter = paths.starter_dir()
    if not (starter / "exhibition.yaml").is_file():
        print(f"kiosk new: the starter exhibition is missing from this installation ({starter})", file=sys.stderr)
        return 2
    try:
        config = create_exhibition(target)
    except (ValueError, OSError) as error:
        print(f"kiosk new: {error}", file=sys.stderr)
        return 1
    schema = paths.schema_file()
    print(f"Created {target}/ with exhibition.yaml and a media/ folder (sample pictures, a 5 s clip, captions).")
    print()
    print("Next:")
    print(f"  1. Edit {config}: titles, texts, and the panels of each chapter.")
    print(f"     Put your pictures, films and captions in {target / 'media'}/ and name them in the file.")
    if schema.is_file():
        print(
            f"     An editor with YAML support (e.g. VS Code + the YAML extension) completes and checks keys "
            f"using {schema.name}."
        )
    print(f"  2. Check it:  kiosk validate {config}")
    print(f"  3. Show it:   kiosk run {config}")
    return 0
