"""Notice a frozen kiosk and restart it: a thread of its own that does not need the UI thread. No Qt.

A kiosk can stay alive and show nothing new: a deadlock on the UI thread, a GPU driver that
hangs in a swap, a window hidden behind the desktop. Nothing crashes, so neither the
supervisor nor systemd sees anything, and the booth shows one frozen picture until somebody
reboots it. The watchdog keeps two times, written from Qt without locks (a float each):

- ``ui_beat()``: a timer on the UI thread calls it every second or so; no beat for
  ``ui_timeout`` seconds means the UI thread is stuck;
- ``frame()``: every frame the window swaps (``frameSwapped``); while the kiosk should be
  animating (the attract loop on screen, opening hours) no frame for ``frame_timeout``
  seconds means the picture is frozen. A visitor reading a still panel paints nothing, and
  that is fine: the frame rule only holds on the attract loop, which always moves.

When one rule breaks, the watchdog logs why (CRITICAL), writes every thread's Python stack
to stderr (the journal keeps it: where the UI thread was stuck), and ends the process with
:data:`FROZEN_CODE`; the supervisor or systemd starts a new kiosk. Under systemd with
``WatchdogSec=`` it also pings ``WATCHDOG=1`` while both rules hold, so a kiosk whose Python
is stuck as a whole (the watchdog thread included) is killed by systemd itself.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: The kiosk's exit code when the watchdog ended it (EX_SOFTWARE): a crash to the supervisor.
FROZEN_CODE = 70
DEFAULT_UI_TIMEOUT_S = 15.0
DEFAULT_FRAME_TIMEOUT_S = 30.0
#: Environment overrides, in seconds; 0 turns a rule off.
UI_TIMEOUT_ENV = "KIOSK_WATCHDOG_UI_S"
FRAME_TIMEOUT_ENV = "KIOSK_WATCHDOG_FRAME_S"


def sd_notify(message: str, env: dict[str, str] | None = None) -> bool:
    """Send ``message`` to systemd's notify socket, if the service has one; True when sent."""
    address = (env if env is not None else os.environ).get("NOTIFY_SOCKET", "")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # an abstract socket
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode(), address)
    except OSError:
        return False
    return True


def _leave(reason: str) -> None:
    """Log, dump every thread's stack, tell systemd, and end the process at once."""
    log.critical("the kiosk is frozen (%s): restarting it", reason)
    for handler in logging.getLogger().handlers:
        with contextlib.suppress(Exception):
            handler.flush()
    if sys.stderr is not None:
        with contextlib.suppress(Exception):
            faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
            sys.stderr.flush()
    sd_notify("WATCHDOG=trigger")
    os._exit(FROZEN_CODE)


def _seconds(env_name: str, default: float) -> float:
    try:
        return float(os.environ.get(env_name, default))
    except ValueError:
        log.warning("%s=%r is not a number of seconds; using %.0f", env_name, os.environ[env_name], default)
        return default


class Watchdog:
    """The two rules of the module docstring, checked every ``check_every`` seconds on a thread."""

    def __init__(
        self,
        *,
        ui_timeout: float | None = None,
        frame_timeout: float | None = None,
        check_every: float = 1.0,
        on_frozen: Callable[[str], None] = _leave,
        clock: Callable[[], float] = time.monotonic,
        notify: Callable[[str], bool] = sd_notify,
    ) -> None:
        self.ui_timeout = _seconds(UI_TIMEOUT_ENV, DEFAULT_UI_TIMEOUT_S) if ui_timeout is None else ui_timeout
        self.frame_timeout = (
            _seconds(FRAME_TIMEOUT_ENV, DEFAULT_FRAME_TIMEOUT_S) if frame_timeout is None else frame_timeout
        )
        # Checked four times within the shorter rule: a freeze is seen at most a quarter late.
        self.check_every = min([check_every, *(t / 4 for t in (self.ui_timeout, self.frame_timeout) if t > 0)])
        self._on_frozen = on_frozen
        self._clock = clock
        self._notify = notify
        now = clock()
        self._last_beat = now
        self._last_frame = now
        self._animating = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._systemd = bool(os.environ.get("WATCHDOG_USEC"))

    # --- written from Qt (no locks: a float store is atomic under the GIL) ----------------
    def ui_beat(self, animating: bool) -> None:
        """The UI thread is alive; ``animating``: the picture should keep changing now."""
        now = self._clock()
        if animating and not self._animating:
            self._last_frame = now  # the rule starts now, not at the last frame before
        self._animating = animating
        self._last_beat = now

    def frame(self) -> None:
        """A frame was swapped on screen (any thread)."""
        self._last_frame = self._clock()

    # --- the rules -------------------------------------------------------------------------
    def check(self) -> str:
        """Why the kiosk is frozen now, or '' when it is not."""
        now = self._clock()
        if self.ui_timeout > 0 and now - self._last_beat > self.ui_timeout:
            return f"the UI thread has not run for {now - self._last_beat:.0f} s"
        if self.frame_timeout > 0 and self._animating and now - self._last_frame > self.frame_timeout:
            return f"no frame painted for {now - self._last_frame:.0f} s while the attract loop should move"
        return ""

    def start(self) -> None:
        if self._thread is None and (self.ui_timeout > 0 or self.frame_timeout > 0):
            self._last_beat = self._last_frame = self._clock()
            self._thread = threading.Thread(target=self._run, name="kiosk-watchdog", daemon=True)
            self._thread.start()
            log.info(
                "watchdog: UI thread within %.0f s, frames within %.0f s on the attract loop",
                self.ui_timeout,
                self.frame_timeout,
            )

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * self.check_every + 1)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.check_every):
            reason = self.check()
            if reason:
                self._on_frozen(reason)
                return
            if self._systemd:
                self._notify("WATCHDOG=1")
