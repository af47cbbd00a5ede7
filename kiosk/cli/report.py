"""``kiosk report``: an HTML page with charts and CSV files of what visitors did."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2026-11-27") from None


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the visit report (HTML with charts, and CSV files)",
        description="Write a report of the visits recorded on this kiosk: index.html with charts "
        "(visits per hour, time per chapter, most watched excerpts, languages) and one CSV file per table. "
        "The analytics hold no personal data and never leave the machine.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the report into")
    parser.add_argument("--since", type=_date, metavar="DATE", help="first day to include (YYYY-MM-DD)")
    parser.add_argument("--until", type=_date, metavar="DATE", help="last day to include (YYYY-MM-DD)")
    parser.add_argument(
        "--db", type=Path, metavar="PATH", help="analytics database (default: $KIOSK_DATA_DIR or the data folder)"
    )
    parser.add_argument(
        "--exhibition",
        type=Path,
        metavar="CONFIG",
        help="exhibition file, to name chapters and panels by title (default: the installed exhibition)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk import paths
    from kiosk.analytics import database_path, open_database
    from kiosk.report import Period, write_report
    from kiosk.report.labels import labels_for

    db_path = args.db or database_path()
    try:
        db = open_database(db_path, create=False)
    except FileNotFoundError:
        print(f"kiosk report: no analytics database at {db_path} (has the kiosk run yet?)", file=sys.stderr)
        return 2
    exhibition = None
    config = args.exhibition or paths.default_exhibition()
    if config.is_file():
        from kiosk.loader import load_exhibition

        exhibition = load_exhibition(config).exhibition
    elif args.exhibition:
        print(f"kiosk report: {config}: file not found; naming chapters by id", file=sys.stderr)
    title = exhibition.info.title.resolve(exhibition.default_language).text if exhibition else ""
    page = write_report(
        db, args.out, Period.from_dates(args.since, args.until), title=title, labels=labels_for(exhibition)
    )
    db.close()
    print(page)
    return 0
