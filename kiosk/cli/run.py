"""``kiosk run``: show the exhibition, full screen and locked down, or in a window to preview it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.cli.terminal import screen_size


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="show the exhibition on the touchscreen",
        description="Show the exhibition full screen and locked down (or in a window with --windowed).",
    )
    parser.add_argument("config", nargs="?", type=Path, help="the exhibition file (default: the bundled one)")
    parser.add_argument("--windowed", action="store_true", help="a normal window, no lock-down (preview)")
    parser.add_argument("--size", type=screen_size, default=None, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--screen", type=int, default=0, metavar="N", help="which screen to fill (0 = first)")
    parser.add_argument(
        "--watch", action="store_true", help="reload when the YAML or a media file changes (always on full screen)"
    )
    parser.add_argument(
        "--supervise",
        action="store_true",
        help="run the kiosk as a child process and restart it when it dies (where there is no systemd)",
    )
    parser.add_argument(
        "--fleet",
        type=Path,
        metavar="FOLDER",
        help="take published exhibitions from this "
        "(Syncthing receive-only) folder, and show its announcements (docs/fleet.md)",
    )
    parser.add_argument("--fleet-state", type=Path, metavar="DIR", help="where taken releases are kept")
    parser.add_argument("--metrics", metavar="ADDRESS:PORT", help="serve Prometheus metrics, e.g. 127.0.0.1:9310")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import gc

    if args.supervise:
        from kiosk.supervisor import run_supervised

        return run_supervised()
    # No cyclic garbage collection until the first frame: starting makes no cycles worth finding,
    # and the collector walking every new object again and again cost 11-15 ms of the start
    # (kiosk/ui/first_frame.py turns it back on).
    gc.disable()
    from kiosk.logs import setup_logging
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()  # before Qt and libVLC start their threads (kiosk/malloc.py says why)
    setup_logging()
    # Qt is imported here, not at module level: `kiosk validate` never pays for it.
    from kiosk.ui.import_scan import skip_feature_source_scan

    skip_feature_source_scan()  # before the modules below (kiosk/ui/import_scan.py says why)
    from kiosk import paths
    from kiosk.ui.compose import RunOptions, run_kiosk

    options = RunOptions(
        config=args.config or paths.default_exhibition(),
        windowed=args.windowed,
        size=args.size,
        screen=args.screen,
        watch=args.watch,
        fleet=args.fleet,
        fleet_state=args.fleet_state,
        metrics=args.metrics,
    )
    return run_kiosk(options)
