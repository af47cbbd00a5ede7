"""``kiosk speak CONFIG``: render what each panel says, in every language, ahead of time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "speak",
        help="render the spoken version of every panel (offline speech synthesis, cached)",
        description="Render what the listen control says for every panel and film description, in every "
        "language of the exhibition, with the offline synthesiser espeak-ng. Files already rendered for the "
        "same text and voice are reused. Listen to the files and read manifest.json to approve them.",
    )
    parser.add_argument("config", type=Path, metavar="CONFIG", help="exhibition YAML file")
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="where to write the speech (default: speech/ in the exhibition's media folder, "
        "where the kiosk looks for it)",
    )
    parser.add_argument("--rate", type=int, default=None, help="words per minute (default 160)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.loader import load_exhibition
    from kiosk.speech.library import render, speech_folder
    from kiosk.speech.synth import find_synthesiser

    if not args.config.is_file():
        print(f"kiosk speak: {args.config}: no such file", file=sys.stderr)
        return 2
    if find_synthesiser() is None:
        print(
            "kiosk speak: the speech synthesiser espeak-ng is not installed; install it with "
            "'apt-get install espeak-ng' (the kiosk still runs, silent where no narration is recorded)",
            file=sys.stderr,
        )
        return 2
    result = load_exhibition(args.config)
    if result.exhibition is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"kiosk speak: {args.config} cannot be read; fix it first (kiosk validate)", file=sys.stderr)
        return 1
    out = args.out or speech_folder(result.exhibition)
    if args.rate is not None and not 80 <= args.rate <= 450:
        print("kiosk speak: --rate must be between 80 and 450 words per minute", file=sys.stderr)
        return 2
    try:
        report = render(result.exhibition, out, rate=args.rate)
    except OSError as error:
        print(f"kiosk speak: cannot write to {out}: {error.strerror}", file=sys.stderr)
        return 1
    for failure in report.failed:
        print(f"kiosk speak: {failure}", file=sys.stderr)
    print(
        f"{out}: {report.rendered} rendered, {report.reused} unchanged, {report.removed} old files removed"
        + (f", {len(report.failed)} failed" if report.failed else "")
    )
    return 1 if report.failed else 0
