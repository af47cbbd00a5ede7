"""Everything ``kiosk run`` needs from the staff tools, in two calls.

    tools = StaffTools(config, result, preview=args.windowed, watch=args.watch or not args.windowed)
    kiosk = KioskApp(result, size=size, staff=staff, schedule=tools.schedule, reload=tools.reload)
    tools.attach(kiosk, staff)           # after the window exists
    tools.schedule.restartRequested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    ...
    tools.close()                        # after app.exec(): commits the last analytics

The controllers are made before the window (Main.qml takes them as required
properties), so what they ask of the app goes through late-bound callables that
``attach`` connects. Docs: docs/staff-tools.md.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from kiosk.navigation.visit import Screen, VisitState
from kiosk.ui.staff_tools.closed_guard import ClosedGuard
from kiosk.ui.staff_tools.reload import ReloadController
from kiosk.ui.staff_tools.schedule import ScheduleController

log = logging.getLogger(__name__)

#: The exit code of a planned daily restart: not 0, so the supervisor or systemd starts the kiosk again.
RESTART_EXIT_CODE = 75
#: Set to 0 to run without visit analytics.
ANALYTICS_ENV = "KIOSK_ANALYTICS"


class StaffTools:
    def __init__(
        self, config: Path, result: Any, *, preview: bool, watch: bool = True, analytics: bool | None = None
    ) -> None:
        self._app: Any = None
        exhibition = result.exhibition
        self.reload = ReloadController(
            Path(config),
            apply=self._apply,
            at_rest=self._at_rest,
            preview=preview,
            media_root=getattr(exhibition, "media_root", None),
            watch=watch,
        )
        self.reload.show_initial(result)
        self.schedule = ScheduleController(at_rest=self._at_rest, end_visit=self._end_visit)
        self.schedule.set_exhibition(exhibition)
        self.reload.applied.connect(lambda applied: self.schedule.set_exhibition(applied.exhibition))
        if analytics is None:
            analytics = os.environ.get(ANALYTICS_ENV, "1") != "0"
        self.recorder: Any = None
        if analytics:
            from kiosk.analytics import VisitRecorder

            self.recorder = VisitRecorder(exhibition=exhibition.info.id if exhibition else "")
        self.guard: ClosedGuard | None = None

    def attach(self, kiosk_app: Any, staff: Any = None) -> None:
        self._app = kiosk_app
        kiosk_app.visit.add_observer(self._on_state)
        if self.recorder is not None:
            kiosk_app.add_listener(self.recorder)
        self.guard = ClosedGuard(kiosk_app.window, self.schedule)
        if staff is not None:
            self.reload.loaded.connect(staff.set_load_result)

    def close(self) -> None:
        if self.recorder is not None:
            self.recorder.close()

    # -- what the controllers ask of the app ----------------------------------------------------
    def _apply(self, result: Any) -> bool:
        return bool(self._app.apply_exhibition(result)) if self._app is not None else False

    def _at_rest(self) -> bool:
        return self._app is None or self._app.visit.state.screen is Screen.ATTRACT

    def _end_visit(self) -> None:
        if self._app is not None:
            self._app.visit.end("closing")

    def _on_state(self, state: VisitState) -> None:
        if state.screen is Screen.ATTRACT:
            self.reload.visitor_left()
            self.schedule.visitor_left()
