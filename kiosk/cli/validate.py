"""``kiosk validate CONFIG...``: check exhibition files and explain every problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.terminal import reader_gone
from kiosk.loader import LoadResult, load_exhibition


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check exhibition files and list every problem as FILE:LINE:COLUMN",
        description="Check exhibition files. Exit 0 when all are valid, 1 when any is invalid, "
        "2 when a file cannot be found or read.",
    )
    parser.add_argument("configs", nargs="+", type=Path, metavar="CONFIG", help="exhibition YAML file(s)")
    parser.add_argument("--json", action="store_true", help="print a JSON report for scripts")
    parser.set_defaults(func=run)


def summary(result: LoadResult) -> str:
    """One line about a file: valid or not, and what it holds."""
    warnings = len(result.warnings)
    warned = f", {warnings} warning{'s' if warnings != 1 else ''}"
    if result.exhibition is None or result.errors:
        errors = len(result.errors)
        return f"{result.source}: INVALID, {errors} error{'s' if errors != 1 else ''}{warned}"
    exhibition = result.exhibition
    panels = sum(len(chapter.panels) for chapter in exhibition.chapters)
    return (
        f"{result.source}: valid, {len(exhibition.chapters)} chapters, {panels} panels, "
        f"languages {', '.join(exhibition.languages)}{warned}"
    )


def _as_json(result: LoadResult) -> dict[str, Any]:
    exhibition = result.exhibition
    return {
        "file": str(result.source),
        "valid": result.ok,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "chapters": len(exhibition.chapters) if exhibition else 0,
        "panels": sum(len(c.panels) for c in exhibition.chapters) if exhibition else 0,
        "languages": list(exhibition.languages) if exhibition else [],
        "problems": [problem.as_dict() for problem in result.problems],
    }


def run(args: argparse.Namespace) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show Arabic or French must still get every line, not a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        return _run(args)
    except BrokenPipeError:
        reader_gone()
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    unusable = [path for path in args.configs if not path.is_file()]
    results = [load_exhibition(path) for path in args.configs if path.is_file()]
    if args.json:
        report = {
            "valid": not unusable and all(result.ok for result in results),
            "files": [_as_json(result) for result in results],
            "unusable": [str(path) for path in unusable],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            for problem in result.problems:
                print(problem)
            print(summary(result))
        for path in unusable:
            reason = (
                "is a folder, not a file"
                if path.is_dir()
                else "is not a regular file"
                if path.exists()
                else "not found"
            )
            print(f"{path}: {reason}", file=sys.stderr)
        if len(args.configs) > 1:
            valid = sum(1 for result in results if result.ok)
            print(f"{valid} of {len(args.configs)} files valid")
    if unusable:
        return 2
    return 0 if all(result.ok for result in results) else 1
