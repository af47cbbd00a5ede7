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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from kiosk.display_wait import at_display_lost, display_ready, release_probe
from kiosk.last_good import remember, start_on
from kiosk.loader import LoadResult
from kiosk.loader.remembered import load_for_start
from kiosk.logs import install_qt_message_handler, log_dir
from kiosk.staff.pin import StaffPin
from kiosk.ui.app import KioskApp
from kiosk.ui.first_frame import (
    AT_THE_LATEST_MS,
    after_first_frame,
    collect_garbage_after_first_frame,
    log_first_frame,
)
from kiosk.ui.lockdown.staff import StaffViewModel
from kiosk.ui.quit_on_signals import quit_on_signals
from kiosk.ui.staff_language import install_staff_translator
from kiosk.ui.staff_tools.attach import RESTART_EXIT_CODE, StaffTools

if TYPE_CHECKING:  # imported when the guards start, after the first frame
    from kiosk.ui.lockdown.lockdown import LockDown
    from kiosk.ui.memory_watch import MemoryWatch
    from kiosk.watchdog import Watchdog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOptions:
    """What ``kiosk run`` was asked for (kiosk/cli/run.py)."""

    config: Path
    windowed: bool = False
    size: tuple[int, int] | None = None
    screen: int = 0
    watch: bool = False
    #: Fleet (docs/fleet.md): the Syncthing folder publishes arrive in, where releases are kept, metrics.
    fleet: Path | None = None
    fleet_state: Path | None = None
    metrics: str | None = None


def run_kiosk(options: RunOptions) -> int:
    """Show the exhibition until the kiosk is asked to quit; returns the process's exit code."""
    existing = QGuiApplication.instance()
    if existing is None and not display_ready():  # Qt aborts without a display (kiosk/display_wait.py)
        return 1
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    release_probe()  # Qt is connected: the display's probe may go (kiosk/display_wait.py)
    app.setApplicationName("kiosk")
    install_staff_translator(app)  # before the scene exists: QML reads its texts once
    install_qt_message_handler()  # QML warnings reach the log file and the journal
    config, fleet = options.config, None
    if options.fleet or options.metrics:  # the exhibition is then shown through the taken release
        from kiosk.fleet.qt_hook import prepare

        config, fleet = prepare(config, fleet=options.fleet, state=options.fleet_state, metrics_address=options.metrics)

    result = start_on(config, load_for_start(config))  # a save cut short: the last good
    for problem in result.problems:
        log.warning("%s", problem)
    staff = _staff(result, preview=options.windowed)
    # Live reload, opening hours and visit analytics (docs/staff-tools.md): made before the window,
    # whose Main.qml takes their controllers.
    tools = StaffTools(config, result, preview=options.windowed, watch=options.watch or not options.windowed)
    size = options.size or (1920, 1080)
    kiosk = KioskApp(result, size=size, staff=staff, schedule=tools.schedule, reload=tools.reload)
    # Speech a changed text needs, made in the background once the first frame is on screen.
    after_first_frame(kiosk.window, kiosk.access.render_missing_speech)
    tools.attach(kiosk, staff)
    if fleet is not None:
        fleet.attach(kiosk, tools)
    if fleet is None:  # a fleet's releases are whole and kept already (docs/fleet.md)
        remember(config, result)  # a whole copy to start on after a power cut mid-save (kiosk/last_good.py)
        tools.reload.applied.connect(lambda applied: remember(config, applied))
    tools.schedule.restartRequested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    staff.exitRequested.connect(app.quit)
    staff.reloadRequested.connect(tools.reload.reload)

    collect_garbage_after_first_frame(kiosk.window)  # held off since the start (kiosk/cli/run.py)
    log_first_frame(kiosk.window)
    if options.windowed:
        kiosk.show(fullscreen=False, size=QSize(*size), screen_index=options.screen)
    else:
        kiosk.show(fullscreen=True, screen_index=options.screen)
    restore_signals = quit_on_signals(app)  # systemd's SIGTERM: quit the loop, close in order
    at_display_lost(tools.close)  # the display went away: commit the analytics before leaving

    # A frozen picture restarts the kiosk; less memory, less work (docs/reliability.md, Faults a booth meets).
    def should_animate() -> bool:  # the attract loop always moves; a still panel paints nothing
        return kiosk.navigator.property("screen") == "attract" and bool(tools.schedule.property("isOpen"))

    guards = Guards()
    # Nothing of these shows: they start once the first frame is on screen (their imports and
    # set-up were a tenth of a booth's start), or after 10 s at the latest if no frame ever comes,
    # so that a kiosk whose picture never appears is still restarted by its watchdog (decision 0066).
    after_first_frame(
        kiosk.window,
        lambda: guards.start(app, kiosk, should_animate, lock=not options.windowed, screen=options.screen),
        at_the_latest_ms=AT_THE_LATEST_MS,
    )
    log.info("kiosk showing %s (%s)", config, "windowed" if options.windowed else "locked down")

    code = app.exec()

    guards.stop()
    restore_signals()
    tools.close()  # commits the last analytics events
    if fleet is not None:
        fleet.close()
    kiosk.close()
    return int(code)


class Guards:
    """What watches over a running kiosk and keeps visitors in it: the lock-down (booth mode only),
    the frame watchdog, the memory watch and the disk watch. Started once, after the first frame."""

    def __init__(self) -> None:
        self.lock: LockDown | None = None
        self.watchdog: Watchdog | None = None
        self.memory: MemoryWatch | None = None

    def start(
        self,
        app: QGuiApplication,
        kiosk: KioskApp,
        should_animate: Callable[[], bool],
        *,
        lock: bool,
        screen: int,
    ) -> None:
        from kiosk import health
        from kiosk.analytics.database import data_dir
        from kiosk.ui.frame_watchdog import watch_frames
        from kiosk.ui.memory_watch import MemoryWatch

        if lock:
            from kiosk.ui.lockdown import lock_down

            self.lock = lock_down(app, kiosk.window, screen)
        self.watchdog = watch_frames(kiosk.window, should_animate)
        self.memory = MemoryWatch(
            kiosk.window,
            engine=kiosk.engine,
            trim=kiosk.memory.trim_now,
            release_films=kiosk.films.release_prepared_beside,
        )
        health.watch_folders([log_dir(), data_dir()])  # the staff panel says when their disk is full

    def stop(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
        if self.memory is not None:
            self.memory.stop()
        self.lock = None


def _staff(result: LoadResult, *, preview: bool) -> StaffViewModel:
    """The staff view model: PIN exit and staff panel (docs/lockdown.md)."""
    staff = StaffViewModel(StaffPin(), preview=preview)
    staff.set_load_result(result)
    return staff
