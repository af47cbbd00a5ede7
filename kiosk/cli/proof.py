"""``kiosk proof``: every panel in every language as PNG, and a contact-sheet PDF with marks."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.terminal import screen_size


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "proof",
        help="render every panel in every language to PNG, and a PDF contact sheet to review",
        description="Render every panel of the exhibition in every language (and each --size) through "
        "the kiosk's own screens, offscreen, to PNG files and one contact-sheet PDF. Problems are marked "
        "on the sheet: missing translations, text too long for the screen, images smaller than the "
        "screen, excerpts without captions in a language. Exit 0 when written (1 with --strict and "
        "marks), 2 when the exhibition cannot be read at all.",
    )
    parser.add_argument("config", type=Path, metavar="CONFIG", help="the exhibition file")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs and the PDF")
    parser.add_argument(
        "--size", type=screen_size, action="append", metavar="WxH", help="screen size, repeatable (default 1920x1080)"
    )
    parser.add_argument("--lang", action="append", metavar="LANG", help="only these languages (repeatable)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any page has a mark")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.loader import load_exhibition

    result = load_exhibition(args.config)
    if result.exhibition is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"kiosk proof: {args.config}: the exhibition cannot be read; fix the errors above", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(problem, file=sys.stderr)
    languages = args.lang or list(result.exhibition.languages)
    unknown = [lang for lang in languages if lang not in result.exhibition.languages]
    if unknown:
        print(f"kiosk proof: the exhibition has no language {', '.join(unknown)}", file=sys.stderr)
        return 2
    sizes = args.size or [(1920, 1080)]

    # Offscreen and the software scene graph: the same pixels on any machine, no window shown.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtGui import QGuiApplication

    from kiosk.proof.make import make_proof, panel_count
    from kiosk.proof.progress import Progress

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    progress = Progress(panel_count(result) * len(languages) * len(sizes))
    proof = make_proof(
        result,
        args.out,
        sizes,
        languages,
        on_page=lambda page: progress.step(f"{page.chapter_id}/{page.panel_id} {page.language}"),
    )
    del app
    print(f"{proof.pdf}: {proof.pdf_pages} pages, {proof.marks} marks (list in {args.out / 'marks.csv'})")
    return 1 if args.strict and proof.marks else 0
