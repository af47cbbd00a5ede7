"""Keep the screen on while the kiosk runs: no screensaver, no blanking, no monitor power-off.

Two ways, both best-effort and both undone on exit:

- D-Bus ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus (GNOME, KDE, Xfce, and most
  Wayland desktops), held on a private connection: closing it releases the inhibit, and so
  does our process dying.
- On X11, the X server's own screensaver and DPMS, which a bare ``xinit`` session without a
  desktop still runs (the default blanks after 10 minutes): set to off through Xlib, the same
  calls ``xset s off s noblank -dpms`` makes. Xlib is called through ctypes because libX11 is
  already a dependency of Qt's xcb plugin, while the ``xset`` tool is not installed everywhere.
  The settings are the server's, so they are read first and written back on exit.

Wayland compositors without the D-Bus interface (labwc, cage) need their own idle settings:
docs/lockdown.md says which.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_DBUS_SERVICE = "org.freedesktop.ScreenSaver"
_DBUS_PATH = "/org/freedesktop/ScreenSaver"
_DBUS_TIMEOUT_MS = 2000

_DONT_PREFER_BLANKING = 0


@dataclass(frozen=True, slots=True)
class XScreenSaverSettings:
    """What ``xset q`` shows under 'Screen Saver' and 'DPMS'."""

    timeout: int
    interval: int
    prefer_blanking: int
    allow_exposures: int
    dpms_enabled: bool | None  # None: the server has no DPMS


class BlankingInhibitor:
    """Holds the screen on between :meth:`start` and :meth:`stop`."""

    def __init__(self, app_name: str = "kiosk", reason: str = "Exhibition kiosk on show") -> None:
        self.app_name = app_name
        self.reason = reason
        self.dbus_cookie: int | None = None
        self.x11_saved: XScreenSaverSettings | None = None

    def start(self, platform_name: str) -> None:
        self.dbus_cookie = _dbus_inhibit(self.app_name, self.reason)
        if platform_name == "xcb":
            self.x11_saved = x11_disable_blanking()

    def stop(self) -> None:
        if self.dbus_cookie is not None:
            _dbus_uninhibit()
            self.dbus_cookie = None
        if self.x11_saved is not None:
            x11_restore_blanking(self.x11_saved)
            self.x11_saved = None


# -- D-Bus ------------------------------------------------------------------------------------
# The inhibit lives on a private connection of its own. Desktops drop an inhibit when its
# sender leaves the bus, so closing that connection is the release; UnInhibit is not used
# because PySide6 cannot send its uint32 ("u") argument: a Python int goes out as "i" or "q"
# and the desktop refuses the call (measured, docs/lockdown.md).
_DBUS_CONNECTION = "kiosk-screensaver-inhibit"


def _dbus_inhibit(app_name: str, reason: str) -> int | None:
    try:
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
    except ImportError:
        log.info("screen blanking: QtDBus missing, no D-Bus inhibit")
        return None
    bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, _DBUS_CONNECTION)
    if not bus.isConnected():
        log.info("screen blanking: no D-Bus session bus, no D-Bus inhibit")
        QDBusConnection.disconnectFromBus(_DBUS_CONNECTION)
        return None
    message = QDBusMessage.createMethodCall(_DBUS_SERVICE, _DBUS_PATH, _DBUS_SERVICE, "Inhibit")
    message.setArguments([app_name, reason])
    # A bounded, blocking call: once, at start, and answered in milliseconds.
    reply = bus.call(message, QDBus.CallMode.Block, _DBUS_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        log.info("screen blanking: %s not available (%s)", _DBUS_SERVICE, reply.errorMessage() or "no reply")
        QDBusConnection.disconnectFromBus(_DBUS_CONNECTION)
        return None
    cookie = int(reply.arguments()[0])
    log.info("screen blanking inhibited over D-Bus (cookie %d)", cookie)
    return cookie


def _dbus_uninhibit() -> None:
    from PySide6.QtDBus import QDBusConnection

    QDBusConnection.disconnectFromBus(_DBUS_CONNECTION)
    log.info("screen blanking: D-Bus inhibit released")


def dbus_inhibit_connected() -> bool:
    """True while the private connection holding the inhibit is open."""
    from PySide6.QtDBus import QDBusConnection

    return QDBusConnection(_DBUS_CONNECTION).isConnected()


# -- X11 --------------------------------------------------------------------------------------
_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


@_ErrorHandler
def _ignore_x_error(_display: int | None, _event: int | None) -> int:
    # Xlib's default handler exits the process on any protocol error: never for a screensaver.
    return 0


class _Xlib:
    """The few Xlib and DPMS calls needed, on a connection of our own (Qt's stays untouched)."""

    def __init__(self) -> None:
        self.x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XSetErrorHandler.restype = ctypes.c_void_p
        self.x11.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        self.x11.XGetScreenSaver.argtypes = [ctypes.c_void_p] + [ctypes.POINTER(ctypes.c_int)] * 4
        self.x11.XSetScreenSaver.argtypes = [ctypes.c_void_p] + [ctypes.c_int] * 4
        self.x11.XResetScreenSaver.argtypes = [ctypes.c_void_p]
        self.ext: ctypes.CDLL | None
        try:
            self.ext = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
            self.ext.DPMSCapable.argtypes = [ctypes.c_void_p]
            self.ext.DPMSInfo.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_ushort),
                ctypes.POINTER(ctypes.c_ubyte),
            ]
            self.ext.DPMSEnable.argtypes = [ctypes.c_void_p]
            self.ext.DPMSDisable.argtypes = [ctypes.c_void_p]
            self.ext.DPMSQueryExtension.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_int),
                ctypes.POINTER(ctypes.c_int),
            ]
        except OSError:
            self.ext = None


def _with_display(action_name: str, action: Callable[[_Xlib, int], Any]) -> Any:
    """Open our own X connection, run ``action(xlib, display)``, and always close it."""
    display_name = os.environ.get("DISPLAY")
    if not display_name:
        log.info("screen blanking: no DISPLAY, nothing to do on X11")
        return None
    try:
        xlib = _Xlib()
    except OSError as error:
        log.warning("screen blanking: libX11 not loadable (%s); X may blank the screen", error)
        return None
    display = xlib.x11.XOpenDisplay(display_name.encode())
    if not display:
        log.warning("screen blanking: cannot open X display %s", display_name)
        return None
    previous = xlib.x11.XSetErrorHandler(ctypes.cast(_ignore_x_error, ctypes.c_void_p))
    try:
        result = action(xlib, display)
        xlib.x11.XSync(display, 0)
        return result
    except Exception:  # best-effort: a screensaver must never stop the kiosk
        log.exception("screen blanking: %s failed", action_name)
        return None
    finally:
        xlib.x11.XSetErrorHandler(previous)
        xlib.x11.XCloseDisplay(display)


def _dpms_enabled(xlib: _Xlib, display: int) -> bool | None:
    if xlib.ext is None:
        return None
    event_base, error_base = ctypes.c_int(), ctypes.c_int()
    if not xlib.ext.DPMSQueryExtension(display, ctypes.byref(event_base), ctypes.byref(error_base)):
        return None
    if not xlib.ext.DPMSCapable(display):
        return None
    level, state = ctypes.c_ushort(), ctypes.c_ubyte()
    xlib.ext.DPMSInfo(display, ctypes.byref(level), ctypes.byref(state))
    return bool(state.value)


def x11_screensaver_settings() -> XScreenSaverSettings | None:
    """The X server's current screensaver and DPMS settings (None without X)."""

    def read(xlib: _Xlib, display: int) -> XScreenSaverSettings:
        values = [ctypes.c_int() for _ in range(4)]
        xlib.x11.XGetScreenSaver(display, *(ctypes.byref(v) for v in values))
        timeout, interval, prefer, allow = (v.value for v in values)
        return XScreenSaverSettings(timeout, interval, prefer, allow, _dpms_enabled(xlib, display))

    result: XScreenSaverSettings | None = _with_display("reading the screensaver", read)
    return result


def x11_disable_blanking() -> XScreenSaverSettings | None:
    """``xset s off s noblank -dpms``; returns the settings to put back on exit."""

    def disable(xlib: _Xlib, display: int) -> XScreenSaverSettings:
        values = [ctypes.c_int() for _ in range(4)]
        xlib.x11.XGetScreenSaver(display, *(ctypes.byref(v) for v in values))
        timeout, interval, prefer, allow = (v.value for v in values)
        dpms = _dpms_enabled(xlib, display)
        xlib.x11.XSetScreenSaver(display, 0, interval, _DONT_PREFER_BLANKING, allow)
        xlib.x11.XResetScreenSaver(display)  # wake it, should it be blank already
        if dpms and xlib.ext is not None:
            xlib.ext.DPMSDisable(display)
        return XScreenSaverSettings(timeout, interval, prefer, allow, dpms)

    saved: XScreenSaverSettings | None = _with_display("turning blanking off", disable)
    if saved is not None:
        log.info(
            "screen blanking off on X11 (was: timeout %d s, DPMS %s)",
            saved.timeout,
            {True: "on", False: "off", None: "absent"}[saved.dpms_enabled],
        )
    return saved


def x11_restore_blanking(saved: XScreenSaverSettings) -> None:
    def restore(xlib: _Xlib, display: int) -> None:
        xlib.x11.XSetScreenSaver(display, saved.timeout, saved.interval, saved.prefer_blanking, saved.allow_exposures)
        if saved.dpms_enabled and xlib.ext is not None:
            xlib.ext.DPMSEnable(display)

    _with_display("restoring blanking", restore)
    log.info("screen blanking settings restored on X11")
