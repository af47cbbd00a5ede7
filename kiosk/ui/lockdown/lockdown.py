"""``lock_down()``: the kiosk window full screen on its screen, with no way out but the staff exit.

Full screen must hold in a bare X session started by ``xinit`` with no window manager: there
nobody honours ``_NET_WM_STATE_FULLSCREEN``, so the window is also given the screen's geometry
itself, without a frame, and kept on top where a window manager exists. If the screen changes
(resolution, rotation, a monitor unplugged and plugged back) the window follows it.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen, QWindow

from kiosk.ui.lockdown import staff_exit
from kiosk.ui.lockdown.blanking import BlankingInhibitor
from kiosk.ui.lockdown.cursor import DEFAULT_TIMEOUT_MS, CursorAutoHide
from kiosk.ui.lockdown.keys import ExitGuard

if TYPE_CHECKING:
    from kiosk.ui.lockdown.staff import StaffViewModel

log = logging.getLogger(__name__)


def choose_screen(screen_index: int) -> QScreen:
    """The screen at ``screen_index`` in ``QGuiApplication.screens()``, else the primary one."""
    screens = QGuiApplication.screens()
    if 0 <= screen_index < len(screens):
        return screens[screen_index]
    primary = QGuiApplication.primaryScreen()
    log.warning("no screen %d (there are %d); using the primary screen %s", screen_index, len(screens), primary.name())
    return primary


class LockDown(QObject):
    """Everything ``lock_down`` set up, so that the staff exit can undo it in one call."""

    def __init__(
        self,
        app: QGuiApplication,
        window: QWindow,
        screen_index: int,
        *,
        cursor_timeout_ms: int = DEFAULT_TIMEOUT_MS,
        inhibit_blanking: bool = True,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.window = window
        self.screen_index = screen_index
        self.guard = ExitGuard(self)
        self.cursor = CursorAutoHide(cursor_timeout_ms, self)
        self.blanking = BlankingInhibitor() if inhibit_blanking else None
        self._active = False
        self._watched: QScreen | None = None

    @property
    def exit_authorised(self) -> bool:
        return self.guard.exit_authorised

    def engage(self) -> None:
        if self._active:
            return
        self._active = True
        staff_exit.register(self)
        self.app.installEventFilter(self.guard)
        self.place()
        self.cursor.start()
        if self.blanking is not None:
            self.blanking.start(QGuiApplication.platformName())
        QGuiApplication.instance().screenAdded.connect(self._screens_changed)  # type: ignore[union-attr]
        QGuiApplication.instance().screenRemoved.connect(self._screens_changed)  # type: ignore[union-attr]
        self.app.aboutToQuit.connect(self.release)
        log.info("locked down on screen %s at %s", self.window.screen().name(), _rect(self.window.geometry()))

    def place(self) -> None:
        """Cover the chosen screen: its geometry, no frame, on top, full screen, focused."""
        screen = choose_screen(self.screen_index)
        window = self.window
        flags = window.flags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        if window.flags() != flags:
            window.setFlags(flags)
        window.setScreen(screen)
        # Without a window manager only an explicit geometry covers the screen.
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.requestActivate()
        if self._watched is not screen:
            if self._watched is not None:
                with contextlib.suppress(RuntimeError, TypeError):  # the screen may be gone
                    self._watched.geometryChanged.disconnect(self._screen_geometry_changed)
            screen.geometryChanged.connect(self._screen_geometry_changed)
            self._watched = screen

    def _screen_geometry_changed(self, geometry: QRect) -> None:
        log.info("screen geometry changed to %s; following it", _rect(geometry))
        self.place()

    def _screens_changed(self, _screen: QScreen) -> None:
        if self._active:
            self.place()

    def staff_exit(self) -> None:
        """The staff exit, behind the right PIN: let the window close, then quit."""
        self.authorise_exit()
        self.app.quit()

    def authorise_exit(self) -> None:
        """Let close requests through: called by the staff exit after the right PIN."""
        log.info("staff exit authorised")
        self.guard.exit_authorised = True

    def release(self) -> None:
        """Undo the lock-down: filters off, cursor back, screen blanking as it was."""
        if not self._active:
            return
        self._active = False
        staff_exit.unregister(self)
        self.app.removeEventFilter(self.guard)
        self.cursor.stop()
        if self.blanking is not None:
            self.blanking.stop()
        log.info("lock-down released")


def lock_down(
    app: QGuiApplication,
    window: QWindow,
    screen_index: int = 0,
    *,
    cursor_timeout_ms: int = DEFAULT_TIMEOUT_MS,
    inhibit_blanking: bool = True,
    staff: StaffViewModel | None = None,
) -> LockDown:
    """Full screen on ``screen_index``, exit keys swallowed, cursor auto-hidden, blanking off.

    With ``staff`` (a :class:`~kiosk.ui.lockdown.staff.StaffViewModel`), its ``exitRequested``
    authorises the exit and quits. Without it, call :meth:`LockDown.authorise_exit` before
    quitting: a plain ``app.quit()`` is refused like any close (Qt 6 quits by closing windows).
    :meth:`LockDown.release` (also run on ``aboutToQuit``) restores what was changed.
    """
    locked = LockDown(app, window, screen_index, cursor_timeout_ms=cursor_timeout_ms, inhibit_blanking=inhibit_blanking)
    locked.engage()
    if staff is not None:
        staff.exitRequested.connect(locked.staff_exit)
    return locked


def _rect(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"
