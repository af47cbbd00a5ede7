"""The composition root of ``kiosk run``: every part the running kiosk needs, made and wired here, in order.

kiosk/cli/run.py parses the arguments and calls :func:`run_kiosk`; nothing else builds a kiosk
for a booth. Read top to bottom, this is what a booth starts: the Qt application, the staff
translation and Qt's messages into the log, the exhibition, the staff view model and the staff
tools, the window (KioskApp), the lock-down, the signal handlers, the event loop, and the closing
in reverse.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from kiosk.loader import LoadResult, load_exhibition
from kiosk.logs import install_qt_message_handler
from kiosk.staff.pin import StaffPin
from kiosk.ui.app import KioskApp
from kiosk.ui.lockdown import lock_down
from kiosk.ui.lockdown.staff import StaffViewModel
from kiosk.ui.quit_on_signals import quit_on_signals
from kiosk.ui.staff_language import install_staff_translator
from kiosk.ui.staff_tools.attach import RESTART_EXIT_CODE, StaffTools

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOptions:
    """What ``kiosk run`` was asked for (kiosk/cli/run.py)."""

    config: Path
    windowed: bool = False
    size: tuple[int, int] | None = None
    screen: int = 0
    watch: bool = False


def run_kiosk(options: RunOptions) -> int:
    """Show the exhibition until the kiosk is asked to quit; returns the process's exit code."""
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    install_staff_translator(app)  # before the scene exists: QML reads its texts once
    install_qt_message_handler()  # QML warnings reach the log file and the journal

    result = load_exhibition(options.config)
    for problem in result.problems:
        log.warning("%s", problem)
    staff = _staff(result, preview=options.windowed)
    # Live reload, opening hours and visit analytics (docs/staff-tools.md): made before the window,
    # whose Main.qml takes their controllers.
    tools = StaffTools(options.config, result, preview=options.windowed, watch=options.watch or not options.windowed)
    size = options.size or (1920, 1080)
    kiosk = KioskApp(result, size=size, staff=staff, schedule=tools.schedule, reload=tools.reload)
    kiosk.access.render_missing_speech()  # speech a changed text needs, made in the background
    tools.attach(kiosk, staff)
    tools.schedule.restartRequested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    staff.exitRequested.connect(app.quit)
    staff.reloadRequested.connect(tools.reload.reload)

    if options.windowed:
        kiosk.show(fullscreen=False, size=QSize(*size), screen_index=options.screen)
        lock = None
    else:
        kiosk.show(fullscreen=True, screen_index=options.screen)
        lock = lock_down(app, kiosk.window, options.screen)
    restore_signals = quit_on_signals(app)  # systemd's SIGTERM: quit the loop, close in order
    log.info("kiosk showing %s (%s)", options.config, "windowed" if options.windowed else "locked down")

    code = app.exec()

    restore_signals()
    tools.close()  # commits the last analytics events
    del lock
    kiosk.close()
    return int(code)


def _staff(result: LoadResult, *, preview: bool) -> StaffViewModel:
    """The staff view model: PIN exit and staff panel (docs/lockdown.md)."""
    staff = StaffViewModel(StaffPin(), preview=preview)
    staff.set_load_result(result)
    return staff
