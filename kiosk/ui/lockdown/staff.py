"""What the staff overlay, PIN pad, staff panel and error screen show, and what their buttons do.

``StaffViewModel.stage`` is the one state QML binds to: ``closed`` (visitors see the exhibition;
only the hidden corner listens), ``pin`` (the PIN pad), ``panel`` (the staff panel). The pad and
panel close by themselves after ``session_timeout_ms`` without a touch, so a panel left open
never hands the exit to a visitor.

``kiosk run`` connects ``reloadRequested`` (load the file again, then call
:meth:`StaffViewModel.set_load_result`) and passes the view model to ``lock_down(staff=...)``,
which turns ``exitRequested`` into an authorised exit (or, windowed, connects it to quit).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement

from kiosk import __version__
from kiosk.staff.pin import PinOutcome, PinResult, StaffPin
from kiosk.ui.lockdown import staff_exit
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable  # noqa: F401  (read by @QmlElement)
from kiosk.ui.viewmodels.base import RowListModel

CLOSED, PIN, PANEL = "closed", "pin", "panel"
DEFAULT_SESSION_TIMEOUT_MS = 90_000
NO_PIN_MESSAGE = "No staff PIN is set on this kiosk.\nA technician sets one with:\nkiosk pin set"


# The staff's words in their language (kiosk/i18n, loaded by kiosk.ui.staff_language), English
# without a translation. Called by this name, with literal texts, so that lupdate finds them.
translate = QCoreApplication.translate


class ProblemLike(Protocol):
    """A loader problem (kiosk.loader.Problem): ``str()`` gives FILE:LINE:COL: key.path: message."""

    @property
    def severity(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...


class LoadResultLike(Protocol):
    @property
    def source(self) -> Path: ...
    @property
    def exhibition(self) -> object | None: ...
    @property
    def problems(self) -> tuple[ProblemLike, ...]: ...
    @property
    def loaded_at(self) -> float: ...


# -- pure helpers (tested without Qt) -------------------------------------------------------------
def pin_message(result: PinResult) -> str:
    """What the pad says after a PIN entry."""
    match result.outcome:
        case PinOutcome.OK:
            return ""
        case PinOutcome.NOT_SET:
            return translate(
                "StaffViewModel", "No staff PIN is set on this kiosk.\nA technician sets one with:\nkiosk pin set"
            )
        case PinOutcome.LOCKED:
            return lockout_message(result.locked_for)
        case PinOutcome.WRONG:
            tries = result.attempts_left
            if tries == 0:
                return translate("StaffViewModel", "Wrong PIN. One more wrong PIN locks the pad again.")
            if tries == 1:
                return translate("StaffViewModel", "Wrong PIN. 1 try left before a pause.")
            return translate("StaffViewModel", "Wrong PIN. %1 tries left before a pause.").replace("%1", str(tries))
    return ""


def lockout_message(seconds: float) -> str:
    text = translate("StaffViewModel", "Too many wrong PINs. The pad opens again in %1.")
    return text.replace("%1", format_duration(seconds, short=True))


def format_duration(seconds: float, *, short: bool = False) -> str:
    """``1 d 02:03:04``, ``02:03:04``; ``short`` gives ``m:ss`` under an hour (for a countdown)."""
    total = max(0, int(seconds + 0.999)) if short else max(0, int(seconds))
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if short and not days and not hours:
        return f"{minutes}:{secs:02d}"
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return translate("StaffViewModel", "%1 d %2").replace("%1", str(days)).replace("%2", clock) if days else clock


# -- the problems list -------------------------------------------------------------------------------
@QmlElement
@QmlUncreatable("StaffProblemModel comes from StaffViewModel.problems")
class StaffProblemModel(RowListModel[ProblemLike]):
    """The loader's problems, errors first, one FILE:LINE:COL line each."""

    ROLES = ("severity", "problem", "file", "line", "column", "keyPath", "message")
    DISPLAY = "problem"

    def set_problems(self, problems: Iterable[ProblemLike]) -> None:
        # Errors first (they are why a panel shows a placeholder), then in file order.
        self.replace_rows(sorted(problems, key=lambda p: (p.severity != "error", p.file, p.line, p.column)))

    def value(self, row: ProblemLike, role: str, index: int) -> Any:
        match role:
            case "problem":
                return str(row)
            case "severity":
                return row.severity
            case "file":
                return row.file
            case "line":
                return row.line
            case "column":
                return row.column
            case "keyPath":
                return row.path
            case "message":
                return row.message
        return None

    def lines(self) -> list[str]:
        return [str(problem) for problem in self._rows]


# -- the view model ------------------------------------------------------------------------------------
@QmlElement
@QmlUncreatable("StaffViewModel is made by kiosk run and passed to StaffOverlay and ErrorScreen")
class StaffViewModel(QObject):
    """The staff side of a running kiosk: the exit behind a PIN, and what staff need to know."""

    stageChanged = Signal()
    loadChanged = Signal()
    uptimeChanged = Signal()
    pinChanged = Signal()
    notesChanged = Signal()
    #: Staff asked to read the exhibition file again; the app reloads and calls set_load_result().
    reloadRequested = Signal()
    #: Staff confirmed the exit, behind the right PIN (or in the windowed preview).
    exitRequested = Signal()

    def __init__(
        self,
        pin: StaffPin,
        *,
        preview: bool = False,
        session_timeout_ms: int = DEFAULT_SESSION_TIMEOUT_MS,
        tick_ms: int = 1000,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin = pin
        self._preview = preview
        self._monotonic = monotonic
        self._started = monotonic()
        self._stage = CLOSED
        self._message = ""
        self._locked_seconds = 0
        self._pin_set = pin.is_set()
        self._file = ""
        self._loaded_at = ""
        self._loaded = False
        self._errors = 0
        self._warnings = 0
        self._problems = StaffProblemModel(self)
        self._uptime = format_duration(0)
        self._notes = ""  # what staff should know about the machine (kiosk/health.py)
        # One 1 Hz tick, running only while staff look: uptime and the lock-out countdown.
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._refresh)
        self._session = QTimer(self)
        self._session.setSingleShot(True)
        self._session.setInterval(session_timeout_ms)
        self._session.timeout.connect(self.close)

    # -- what the app tells us ------------------------------------------------------------------------
    def set_load_result(self, result: LoadResultLike) -> None:
        """Show this load (first or reloaded) in the staff panel and the error screen."""
        self._file = str(result.source)
        self._loaded_at = datetime.fromtimestamp(result.loaded_at).strftime("%Y-%m-%d %H:%M:%S")
        self._loaded = result.exhibition is not None
        self._problems.set_problems(result.problems)
        self._errors = sum(1 for p in result.problems if p.severity == "error")
        self._warnings = len(result.problems) - self._errors
        self.loadChanged.emit()

    # -- properties QML binds to ---------------------------------------------------------------------
    def _get_stage(self) -> str:
        return self._stage

    def _get_version(self) -> str:
        return __version__

    def _get_file(self) -> str:
        return self._file

    def _get_loaded_at(self) -> str:
        return self._loaded_at

    def _get_loaded(self) -> bool:
        return self._loaded

    def _get_problems(self) -> StaffProblemModel:
        return self._problems

    def _get_errors(self) -> int:
        return self._errors

    def _get_warnings(self) -> int:
        return self._warnings

    def _get_uptime(self) -> str:
        return self._uptime

    def _get_pin_set(self) -> bool:
        return self._pin_set

    def _get_preview(self) -> bool:
        return self._preview

    def _get_message(self) -> str:
        return self._message

    def _get_locked_seconds(self) -> int:
        return self._locked_seconds

    stage = Property(str, _get_stage, notify=stageChanged)
    version = Property(str, _get_version, constant=True)
    exhibitionFile = Property(str, _get_file, notify=loadChanged)
    loadedAt = Property(str, _get_loaded_at, notify=loadChanged)
    exhibitionLoaded = Property(bool, _get_loaded, notify=loadChanged)
    problems = Property(QObject, _get_problems, constant=True)
    errorCount = Property(int, _get_errors, notify=loadChanged)
    warningCount = Property(int, _get_warnings, notify=loadChanged)
    uptime = Property(str, _get_uptime, notify=uptimeChanged)
    pinSet = Property(bool, _get_pin_set, notify=pinChanged)
    preview = Property(bool, _get_preview, constant=True)
    pinMessage = Property(str, _get_message, notify=pinChanged)
    lockedSeconds = Property(int, _get_locked_seconds, notify=pinChanged)
    machineNotes = Property(str, lambda self: self._notes, notify=notesChanged)

    # -- what QML calls ----------------------------------------------------------------------------------
    @Slot()
    def requestAccess(self) -> None:
        """The corner was held: the PIN pad (or, in the preview with no PIN set, the panel)."""
        self._refresh_pin_state()
        if not self._pin_set and self._preview:
            self._set_stage(PANEL)
            return
        if not self._pin_set:
            self._set_message(pin_message(PinResult(PinOutcome.NOT_SET)))
        self._set_stage(PIN)

    @Slot(str, result="QVariantMap")
    def submitPin(self, pin: str) -> dict[str, Any]:
        """Check a PIN from the pad: ``{result, lockedFor, attemptsLeft}``; the right one opens the panel."""
        self.touched()
        if self._stage != PIN:
            return {"result": "refused", "lockedFor": 0, "attemptsLeft": 0}
        result = self._pin.check(pin)
        self._pin_set = result.outcome is not PinOutcome.NOT_SET
        self._locked_seconds = _ceil(result.locked_for)
        self._set_message(pin_message(result))
        if result.outcome is PinOutcome.OK:
            self._set_stage(PANEL)
        return {"result": str(result.outcome), "lockedFor": result.locked_for, "attemptsLeft": result.attempts_left}

    @Slot()
    def touched(self) -> None:
        """Staff are still there: restart the time after which the pad or panel closes."""
        if self._stage != CLOSED:
            self._session.start()

    @Slot()
    def close(self) -> None:
        """Back to the visitors: the pad or panel closes, and the next visit needs the PIN again."""
        self._set_message("")
        self._set_stage(CLOSED)

    @Slot()
    def reload(self) -> None:
        """Read the exhibition file again (from the staff panel, or the error screen's Try again)."""
        self.touched()
        self.reloadRequested.emit()

    @Slot(result=bool)
    def exitKiosk(self) -> bool:
        """Quit the kiosk; only from the staff panel, that is behind the PIN."""
        if self._stage != PANEL:
            return False
        # Open the lock-down before anyone quits: Qt 6 quits by closing windows, and the
        # lock-down refuses closes until then (whatever kiosk run connected to exitRequested).
        staff_exit.authorise_staff_exit()
        self.exitRequested.emit()
        return True

    # -- inside ------------------------------------------------------------------------------------------
    def _set_stage(self, stage: str) -> None:
        if stage == self._stage:
            return
        self._stage = stage
        if stage == CLOSED:
            self._session.stop()
            self._tick.stop()
        else:
            self._session.start()
            self._tick.start()
        self._refresh()
        self.stageChanged.emit()

    def _set_message(self, message: str) -> None:
        if message != self._message:
            self._message = message
            self.pinChanged.emit()

    def _refresh_pin_state(self) -> None:
        pin_set, locked = self._pin.is_set(), _ceil(self._pin.locked_for())
        if (pin_set, locked) != (self._pin_set, self._locked_seconds):
            self._pin_set, self._locked_seconds = pin_set, locked
            self.pinChanged.emit()

    def _refresh(self) -> None:
        from kiosk.health import notes

        machine = "\n".join(notes())
        if machine != self._notes:
            self._notes = machine
            self.notesChanged.emit()
        uptime = format_duration(self._monotonic() - self._started)
        if uptime != self._uptime:
            self._uptime = uptime
            self.uptimeChanged.emit()
        if self._stage == PIN and self._pin_set:
            was_locked = self._locked_seconds > 0
            self._refresh_pin_state()
            if self._locked_seconds > 0:
                self._set_message(lockout_message(self._locked_seconds))
            elif was_locked:
                self._set_message(translate("StaffViewModel", "You can try again."))


def _ceil(seconds: float) -> int:
    return int(seconds) + (1 if seconds > int(seconds) else 0)
