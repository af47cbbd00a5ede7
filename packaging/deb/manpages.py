"""Manual pages for ``kiosk`` and each subcommand, generated from the argument parser.

Usage: python packaging/deb/manpages.py OUTPUT_FOLDER   -> kiosk.1, kiosk-run.1, kiosk-validate.1, ...
argparse-manpage formats them (a kept tool for exactly this); the parser is kiosk.cli's own, so a new
option or subcommand reaches the manual with the next build, and ``kiosk --help`` and ``man kiosk``
never disagree.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from argparse_manpage.manpage import Manpage

from kiosk import __version__
from kiosk.cli import build_parser

MANUAL = "kiosk manual"
SEE_ALSO_FILES = (
    "/usr/share/doc/kiosk/README.md (setting up a kiosk machine), "
    "/var/lib/kiosk/exhibition/exhibition.yaml (the exhibition staff edit), "
    "/usr/share/doc/kiosk/copyright (licences)."
)


def _date() -> str:
    # Reproducible: SOURCE_DATE_EPOCH when the build sets it (Debian's convention).
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str]]:
    """name -> (its parser, its one-line help as ``kiosk --help`` lists it)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return {name: (sub, helps.get(name, "")) for name, sub in action.choices.items()}
    return {}


def page(parser: argparse.ArgumentParser, name: str, summary: str, see_also: list[str]) -> str:
    manpage = Manpage(parser)
    manpage.prog = name  # the page's title: "kiosk-validate", as man(1) looks it up
    manpage.description = summary
    manpage.source = f"kiosk {__version__}"
    manpage.manual = MANUAL
    manpage.date = _date()
    manpage.add_section("SEE ALSO", "=", ", ".join(f"{other}(1)" for other in see_also) + ". " + SEE_ALSO_FILES)
    return str(manpage)


def write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    parser = build_parser()
    commands = subcommands(parser)
    names = [f"kiosk-{command}" for command in commands]
    written = [folder / "kiosk.1"]
    summary = "touchscreen exhibition kiosk"
    written[0].write_text(page(parser, "kiosk", summary, names), encoding="utf-8")
    for command, (subparser, help_line) in commands.items():
        target = folder / f"kiosk-{command}.1"
        target.write_text(page(subparser, f"kiosk-{command}", help_line, ["kiosk"]), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    pages = write_pages(Path(argv[1]))
    print(f"manpages: {', '.join(p.name for p in pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
