"""Wait for the screen before Qt starts, and leave cleanly when it goes away. No Qt here.

Qt aborts the whole process (SIGABRT, a core dump) when its platform plugin cannot reach the
display, and blames a missing ``xcb-cursor0`` library: a booth whose X server or compositor
starts a second after the kiosk, or whose display restarts, died with the wrong reason. So
``kiosk run`` first connects to the display's socket itself (a few hundred microseconds):

- X11 (``DISPLAY=:0``, ``unix:0``, ``host:0``): the server's socket (Linux's abstract socket,
  then ``/tmp/.X11-unix/X0``; TCP port 6000 + N for a host), and the first bytes of the X11
  handshake: any answer, even "authorisation needed", means a server is up and serving;
- Wayland (``QT_QPA_PLATFORM=wayland``, or a Wayland session): ``$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY``;
- a platform with no display server (``offscreen``, ``eglfs``, ``linuxfb``...): nothing to wait for.

While nobody answers it logs one plain line, "waiting for the display ...", and tries again
with a growing pause (0.1 s doubling to 2 s): no spinning, and back within 2 s of the display.

When the display goes away under a running kiosk, Qt prints "The X11 connection broke" (or
"The Wayland connection broke") and calls ``exit(1)`` from whatever thread noticed, which runs
C++ destructors under live threads. :func:`leave_if_display_lost` (called by the Qt message
handler in :mod:`kiosk.logs`) runs the registered clean-ups (analytics committed, logs flushed)
and ends the process with :data:`DISPLAY_LOST_CODE`, which the supervisor understands.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: The kiosk's exit code when its display went away (EX_UNAVAILABLE): the supervisor waits for
#: the display and starts it again, without counting a crash.
DISPLAY_LOST_CODE = 69

#: Platforms that draw without a display server: nothing to wait for.
_SERVERLESS = ("offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay", "windows", "cocoa")
_LOST_MESSAGES = ("The X11 connection broke", "The Wayland connection broke")
#: The X11 connection setup (little-endian, protocol 11.0, no authorisation): 12 bytes.
_X11_SETUP = b"l\x00\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00"


@dataclass(frozen=True, slots=True)
class Display:
    """Where the display server listens. ``kind`` is 'x11' or 'wayland'."""

    kind: str
    name: str  # as the user wrote it: ':0', 'wayland-0'
    addresses: tuple[str | tuple[str, int], ...]  # unix socket paths ('\0...' abstract) or (host, port)

    def describe(self) -> str:
        first = self.addresses[0] if self.addresses else "?"
        where = first.lstrip("\0") if isinstance(first, str) else f"{first[0]}:{first[1]}"
        server = "X server" if self.kind == "x11" else "Wayland compositor"
        return f"{self.name} (no {server} answers at {where})"


def _platform(env: Mapping[str, str]) -> str:
    return env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()


def display_of(env: Mapping[str, str] | None = None) -> Display | None:
    """The display Qt will connect to with this environment, or None when it needs none.

    None too when no display is named at all (no DISPLAY, no WAYLAND_DISPLAY): then there is
    nothing to wait for, and Qt's own error (now said plainly by ``kiosk run``) stands.
    """
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = _platform(env)
    if platform in _SERVERLESS:
        return None
    wayland = platform.startswith("wayland") or (
        not platform and env.get("XDG_SESSION_TYPE") == "wayland" and bool(env.get("WAYLAND_DISPLAY"))
    )
    if wayland:
        name = env.get("WAYLAND_DISPLAY") or "wayland-0"
        path = name if name.startswith("/") else os.path.join(env.get("XDG_RUNTIME_DIR", "/run/user/0"), name)
        return Display("wayland", name, (path,))
    name = env.get("DISPLAY", "")
    if not name:
        return None
    return _x11(name)


def _x11(name: str) -> Display | None:
    if name.startswith("/"):  # a socket path (XQuartz, some launchers): "/path/to/socket:0"
        return Display("x11", name, (name.rsplit(":", 1)[0],))
    host, _, rest = name.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return None
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return Display("x11", name, ("\0" + path, path))
    return Display("x11", name, ((host, 6000 + int(number)),))


def _connect(address: str | tuple[str, int], timeout: float) -> socket.socket:
    family = socket.AF_UNIX if isinstance(address, str) else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    return sock


#: The probe connection that found the X server, held until Qt has its own (see :func:`is_up`).
_held: list[socket.socket] = []


def is_up(display: Display, timeout: float = 1.0, *, hold: bool = False) -> bool:
    """True when a server answers on the display's socket (for X11: answers the handshake).

    ``hold``: keep an accepted X11 connection open until :func:`release_probe`. An X server with
    no client left resets itself when the last one goes (unless started with ``-noreset``), and a
    client connecting during that reset is refused: Qt then aborts as if there were no display
    (seen: the probe's own goodbye reset Xvfb just as the kiosk connected). While the probe is
    connected there is no reset.
    """
    for address in display.addresses:
        try:
            sock = _connect(address, timeout)
        except OSError:
            continue
        if display.kind == "wayland":
            sock.close()
            return True
        try:
            sock.sendall(_X11_SETUP)
            # Any first byte (0 failed, 1 success, 2 authenticate) is a server at work.
            answer = sock.recv(1)
        except OSError:
            sock.close()
            return False
        if hold and answer == b"\x01":
            _held.append(sock)
        else:
            sock.close()
        return bool(answer)
    return False


def release_probe() -> None:
    """Qt has its own connection to the display now: let the probe's go."""
    while _held:
        _held.pop().close()


def wait_for_display(
    display: Display | None = None,
    *,
    timeout: float | None = None,
    first_pause: float = 0.1,
    max_pause: float = 2.0,
    stop: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    hold: bool = False,
) -> bool:
    """Return once the display answers (True), or after ``timeout`` seconds or ``stop()`` (False).

    ``hold``: keep the connection that found an X server until :func:`release_probe` (see :func:`is_up`).

    ``display`` None means the one this process's environment names; no display to wait for
    returns True at once. Logs a warning when it starts waiting, one line a minute while it
    waits, and how long it waited.
    """
    if display is None:
        display = display_of()
    if display is None or is_up(display, hold=hold):
        return True
    started = clock()
    log.warning("waiting for the display %s; the kiosk starts as soon as it is there", display.describe())
    pause = first_pause
    next_note = started + 60.0
    while True:
        if stop() or (timeout is not None and clock() - started >= timeout):
            return False
        sleep(pause if timeout is None else max(0.0, min(pause, started + timeout - clock())))
        if is_up(display, hold=hold):
            log.info("the display %s is there after %.1f s", display.name, clock() - started)
            return True
        pause = min(max_pause, pause * 2)
        if clock() >= next_note:
            log.warning("still waiting for the display %s (%.0f s so far)", display.name, clock() - started)
            next_note += 60.0


def unnamed_display(env: Mapping[str, str] | None = None) -> str:
    """Why Qt will find no display at all (nothing named), or '' when one is named or none is needed."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or _platform(env) in _SERVERLESS:
        return ""
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "no display is named: DISPLAY and WAYLAND_DISPLAY are both empty. Start the kiosk from the "
        "graphical session (its autostart or its systemd user unit), or set DISPLAY=:0; "
        "QT_QPA_PLATFORM=offscreen runs it without a screen"
    )


def display_ready() -> bool:
    """Before Qt starts: False (and why, logged) when no display is named; else wait until it answers.

    The connection that found an X server stays open until :func:`release_probe`, called once Qt
    has connected.
    """
    if reason := unnamed_display():
        log.error("%s", reason)
        return False
    return wait_for_display(hold=True)


# --- the display going away under a running kiosk ---------------------------------------------

_CLEANUPS: list[Callable[[], object]] = []


def at_display_lost(cleanup: Callable[[], object]) -> Callable[[], None]:
    """Run ``cleanup`` before the kiosk leaves because its display went away; returns an undo."""
    _CLEANUPS.append(cleanup)

    def undo() -> None:
        with contextlib.suppress(ValueError):
            _CLEANUPS.remove(cleanup)

    return undo


def is_display_lost(message: str) -> bool:
    return message.startswith(_LOST_MESSAGES)


def leave_if_display_lost(message: str, *, exit_: Callable[[int], object] = os._exit) -> None:
    """If Qt's ``message`` says the display connection broke: clean up and exit with
    :data:`DISPLAY_LOST_CODE` now, before Qt's own ``exit(1)`` tears C++ down under live threads."""
    if not is_display_lost(message):
        return
    log.error("the display went away (%s); leaving so the kiosk starts again when it is back", message)
    for cleanup in reversed(_CLEANUPS):
        try:
            cleanup()
        except Exception:
            log.exception("clean-up after the display went away failed")
    logging.shutdown()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    exit_(DISPLAY_LOST_CODE)
