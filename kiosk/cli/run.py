"""``kiosk run``: show the exhibition, full screen and locked down, or in a window to preview it."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="show the exhibition on the touchscreen",
        description="Show the exhibition full screen and locked down (or in a window with --windowed).",
    )
    parser.add_argument("config", nargs="?", type=Path, help="the exhibition file (default: the bundled one)")
    parser.add_argument("--windowed", action="store_true", help="a normal window, no lock-down (preview)")
    parser.add_argument("--size", type=_size, default=None, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--screen", type=int, default=0, metavar="N", help="which screen to fill (0 = first)")
    parser.add_argument(
        "--watch", action="store_true", help="reload when the YAML or a media file changes (always on full screen)"
    )
    parser.add_argument(
        "--supervise",
        action="store_true",
        help="run the kiosk as a child process and restart it when it dies (where there is no systemd)",
    )
    parser.set_defaults(func=run)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size; write it as 1920x1080") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text}: a size from 320x240 to 7680x4320, please")
    return width, height


def run(args: argparse.Namespace) -> int:
    if args.supervise:
        from kiosk.supervisor import run_supervised

        return run_supervised()
    from kiosk.logs import setup_logging
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()  # before Qt and libVLC start their threads (kiosk/malloc.py says why)
    setup_logging()
    # Qt is imported here, not at module level: `kiosk validate` never pays for it.
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from kiosk import paths
    from kiosk.loader import load_exhibition
    from kiosk.ui.app import KioskApp

    config = args.config or paths.default_exhibition()
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    from kiosk.logs import install_qt_message_handler
    from kiosk.ui.staff_language import install_staff_translator

    install_staff_translator(app)  # before the scene exists: QML reads its texts once

    install_qt_message_handler()  # QML warnings reach the log file and the journal
    result = load_exhibition(config)
    for problem in result.problems:
        log.warning("%s", problem)
    staff = _staff(result, preview=args.windowed)
    tools = _staff_tools(config, result, preview=args.windowed, watch=args.watch or not args.windowed)
    size = args.size or (1920, 1080)
    kiosk = KioskApp(result, size=size, staff=staff, schedule=tools.schedule, reload=tools.reload)
    from kiosk.ui.staff_tools.attach import RESTART_EXIT_CODE

    tools.attach(kiosk, staff)
    tools.schedule.restartRequested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    staff.exitRequested.connect(app.quit)
    staff.reloadRequested.connect(tools.reload.reload)
    if args.windowed:
        kiosk.show(fullscreen=False, size=QSize(*size), screen_index=args.screen)
        lock = None
    else:
        from kiosk.ui.lockdown import lock_down

        kiosk.show(fullscreen=True, screen_index=args.screen)
        lock = lock_down(app, kiosk.window, args.screen)
    from kiosk.ui.quit_on_signals import quit_on_signals

    restore_signals = quit_on_signals(app)  # systemd's SIGTERM: quit the loop, close in order
    log.info("kiosk showing %s (%s)", config, "windowed" if args.windowed else "locked down")
    code = app.exec()
    restore_signals()
    tools.close()  # commits the last analytics events
    del lock
    kiosk.close()
    return int(code)


def _staff_tools(config: Path, result: Any, *, preview: bool, watch: bool) -> Any:
    """Live reload, opening hours and visit analytics (docs/staff-tools.md)."""
    from kiosk.ui.staff_tools.attach import StaffTools

    return StaffTools(config, result, preview=preview, watch=watch)


def _staff(result: Any, *, preview: bool) -> Any:
    """The staff view model: PIN exit and staff panel (docs/lockdown.md)."""
    from kiosk.staff.pin import StaffPin
    from kiosk.ui.lockdown.staff import StaffViewModel

    staff = StaffViewModel(StaffPin(), preview=preview)
    staff.set_load_result(result)
    return staff
