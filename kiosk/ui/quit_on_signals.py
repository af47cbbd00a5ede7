"""Quit the Qt event loop cleanly on SIGTERM, SIGINT and SIGHUP.

systemd, the supervisor and a technician's Ctrl+C all stop the kiosk with a signal. Python's
default SIGTERM action kills the process on the spot: the last analytics events are never
committed and libVLC is never stopped. A Python signal handler alone does not help either,
because it only runs when the interpreter next gets control, and Qt's event loop may not hand
it control for a long time. So the signal wakes the event loop through a socket
(``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches, and the loop quits from there:
``app.exec()`` returns 0 and ``kiosk run`` closes everything in order.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSocketNotifier

log = logging.getLogger(__name__)

#: The signals that mean "stop now, cleanly" (SIGHUP: the terminal went away).
STOP_SIGNALS = tuple(s for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if s is not None)


def quit_on_signals(app: QCoreApplication, signals: tuple[int, ...] = STOP_SIGNALS) -> Callable[[], None]:
    """Make ``signals`` quit ``app``'s event loop; returns a function that undoes it."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    # A Python-level handler must exist for the wakeup byte to be written; the quitting itself
    # happens in the notifier below, inside the event loop.
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in signals}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            received = reader.recv(64)
        except BlockingIOError:
            return
        names = sorted({signal.Signals(n).name for n in received if n in signals})
        if names:
            log.info("%s received: quitting", ", ".join(names))
            # exit(), not quit(): quit() asks the windows first, and the locked-down window
            # refuses to close.
            app.exit(0)

    notifier.activated.connect(woken)

    def undo() -> None:
        notifier.setEnabled(False)
        notifier.deleteLater()
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()

    return undo
