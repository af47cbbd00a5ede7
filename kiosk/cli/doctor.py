"""``kiosk doctor [CONFIG] [--json] [--smoke]``: is this machine ready for opening day?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check this machine before opening day: libVLC, screens, touch, fonts, exhibition, disk",
        description="Check what a technician must know before opening day. Exit 0 when nothing blocks "
        "opening, 1 otherwise. --smoke starts the real kiosk offscreen instead: it loads the exhibition, "
        "waits for the first frame, plays one second of a video excerpt, and exits 0 when all worked.",
    )
    parser.add_argument(
        "config",
        nargs="?",
        type=Path,
        metavar="CONFIG",
        help="exhibition YAML (default: $KIOSK_EXHIBITION or the bundled exhibition)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON for scripts")
    parser.add_argument(
        "--smoke", action="store_true", help="run the kiosk itself for a few seconds offscreen and report what it did"
    )
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="with --smoke: save the first frame as a PNG")
    parser.add_argument(
        "--every-film",
        action="store_true",
        help="with --smoke: play one second of every film of the exhibition, not only the first",
    )
    # Internal: the child process that talks to Qt and libVLC (see kiosk/doctor/probe.py).
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.probe:
        from kiosk.doctor.probe import main as probe_main

        request = json.loads(sys.stdin.read() or "{}")
        return probe_main(request)
    if args.smoke:
        from kiosk.smoke import run_smoke

        return run_smoke(args.config, as_json=args.json, screenshot=args.screenshot, every_film=args.every_film)
    from kiosk.doctor import run_doctor

    report = run_doctor(args.config)
    print(report.to_json() if args.json else report.to_text())
    return report.exit_code
