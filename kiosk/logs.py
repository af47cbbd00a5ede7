"""Logging for a kiosk nobody watches: a rotating file, plain stderr lines, and no silent deaths.

``setup_logging()`` is called once, early, by every long-running command (``kiosk run``,
``kiosk doctor --smoke``). It writes:

- a rotating file in the platform's log folder (platformdirs ``user_log_dir``), or in
  ``$KIOSK_LOG_DIR`` when set (the .deb's unit sets nothing: the user log folder is fine);
- plain lines on stderr. Under systemd (``$JOURNAL_STREAM`` names our stderr) each line starts
  with a ``<N>`` syslog priority instead of a timestamp, so journald files warnings and errors
  at the right level and does not stamp the time twice.

It also routes uncaught exceptions (main thread and other threads) into the log with their
traceback, so a crash at 3 a.m. leaves more than "the kiosk was gone".

Qt's own messages (QML warnings, platform plugin notes) are routed by a separate
``install_qt_message_handler()``: only the UI needs Qt, and this module stays importable
without it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, TextIO

APP_NAME = "kiosk"
#: Small files, a few of them: days of logs fit, a full disk never comes from us.
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5

_FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_STDERR_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_JOURNAL_FORMAT = "%(syslog_prefix)s%(levelname)s %(name)s: %(message)s"

#: Handlers this module added, so a second call replaces them instead of doubling every line.
_OUR_HANDLERS: list[logging.Handler] = []

log = logging.getLogger("kiosk")


def log_dir() -> Path:
    """Where the kiosk writes its log files: ``$KIOSK_LOG_DIR`` or the platform's user log folder."""
    override = os.environ.get("KIOSK_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs  # light, but only needed here

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file(name: str = APP_NAME) -> Path:
    """The current log file (older ones carry .1, .2, ... suffixes)."""
    return log_dir() / f"{name}.log"


class _SyslogPrefix(logging.Filter):
    """Adds ``record.syslog_prefix`` ("<3>" for errors...) that journald reads as the priority."""

    _PRIORITY: ClassVar[dict[int, int]] = {
        logging.CRITICAL: 2,
        logging.ERROR: 3,
        logging.WARNING: 4,
        logging.INFO: 6,
        logging.DEBUG: 7,
    }

    def filter(self, record: logging.LogRecord) -> bool:
        level = max((lvl for lvl in self._PRIORITY if lvl <= record.levelno), default=logging.DEBUG)
        record.syslog_prefix = f"<{self._PRIORITY[level]}>"
        return True


def stderr_is_journal(stream: TextIO | None = None) -> bool:
    """True when stderr is connected to journald (systemd sets ``JOURNAL_STREAM=dev:inode``)."""
    stream = stream if stream is not None else sys.stderr
    value = os.environ.get("JOURNAL_STREAM", "")
    if not value or stream is None:
        return False
    try:
        device, inode = (int(part) for part in value.split(":", 1))
        info = os.fstat(stream.fileno())
    except (ValueError, OSError, AttributeError):
        return False
    return (info.st_dev, info.st_ino) == (device, inode)


def setup_logging(
    level: int | str = logging.INFO,
    *,
    directory: Path | None = None,
    stderr: bool = True,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
    install_hooks: bool = True,
    name: str = APP_NAME,
) -> Path | None:
    """Configure the root logger once for a kiosk process; return the log file, or None.

    When the log folder cannot be written (read-only disk, wrong owner) the kiosk still runs:
    it logs to stderr only and says why, because a missing log must never stop an exhibition.
    Calling it again replaces the handlers it added before (tests, ``doctor --smoke`` after
    ``run``), so lines are never doubled. ``name`` names the file: a second long-running process
    (the supervisor) should use its own, because two processes rotating one file lose lines.
    """
    root = logging.getLogger()
    for handler in _OUR_HANDLERS:
        root.removeHandler(handler)
        handler.close()
    _OUR_HANDLERS.clear()
    root.setLevel(level)

    if stderr and sys.stderr is not None:  # None in a Windows windowed bundle
        stream_handler = logging.StreamHandler(sys.stderr)
        if stderr_is_journal():
            stream_handler.addFilter(_SyslogPrefix())
            stream_handler.setFormatter(logging.Formatter(_JOURNAL_FORMAT))
        else:
            stream_handler.setFormatter(logging.Formatter(_STDERR_FORMAT))
        _add(root, stream_handler)

    wanted = (directory if directory is not None else log_dir()) / f"{name}.log"
    path: Path | None = wanted
    file_problem = ""
    try:
        wanted.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RoomAwareFileHandler(wanted, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    except OSError as error:
        file_problem = f"cannot write the log file {wanted}: {error.strerror or error}"
        path = None
    else:
        file_handler.setFormatter(logging.Formatter(_FILE_FORMAT))
        _add(root, file_handler)

    if install_hooks:
        install_exception_hooks()
    if file_problem:
        log.warning("%s; logging to stderr only", file_problem)
    return path


class RoomAwareFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that a full disk silences instead of flooding stderr.

    The standard handler prints a traceback to stderr for every line it cannot write; on a
    full disk that is every line, into a journal that is short of room too. This one says
    once that the file is paused (the lines still reach stderr, hence the journal), counts
    what it could not write, and notes how many lines are missing once it writes again.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lost = 0
        self._full = False

    def emit(self, record: logging.LogRecord) -> None:
        lost_before = self.lost
        super().emit(record)
        if self._full and self.lost == lost_before:
            self._full = False
            super().emit(
                logging.makeLogRecord(
                    {
                        "name": "kiosk.logs",
                        "levelno": logging.WARNING,
                        "levelname": "WARNING",
                        "msg": "the log file is written again; %d line(s) before this one are missing"
                        " (the disk was full)",
                        "args": (self.lost,),
                    }
                )
            )

    def handleError(self, record: logging.LogRecord) -> None:
        from kiosk.disk_guard import is_disk_full

        error = sys.exc_info()[1]
        if error is None or not is_disk_full(error):
            super().handleError(record)
            return
        self.lost += 1
        # What the stream could not write stays in its buffer: drop it, or every later line fails too.
        with contextlib.suppress(Exception):
            if self.stream is not None:
                self.stream.close()
        self.stream = None  # reopened at the next line (FileHandler.emit)
        if not self._full:
            self._full = True
            if sys.stderr is not None:
                with contextlib.suppress(Exception):
                    sys.stderr.write(
                        f"kiosk: the disk is full: {self.baseFilename} is not written until there "
                        "is room again (these lines still reach stderr)\n"
                    )


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    root.addHandler(handler)
    _OUR_HANDLERS.append(handler)


def _log_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str) -> None:
    log.critical("uncaught exception %s", where, exc_info=(exc_type, exc, tb))
    for handler in _OUR_HANDLERS:
        handler.flush()


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)  # Ctrl+C in a terminal: no alarm in the log
        return
    _log_uncaught(exc_type, exc, tb, "in the main thread")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:  # SystemExit in a thread carries no value worth logging
        return
    name = args.thread.name if args.thread is not None else "?"
    _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, f"in thread {name}")


def install_exception_hooks() -> None:
    """Log every uncaught exception with its traceback; dump native crashes' Python stacks.

    PySide6 reports an exception raised in a slot through ``sys.excepthook`` too, so those
    land in the log as well. ``faulthandler`` writes the Python stack of a segfault (a native
    library dying) to stderr, which journald keeps.
    """
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
    if sys.stderr is not None and not faulthandler.is_enabled():
        # stderr without a real file descriptor (captured, redirected to a StringIO): no dump.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            faulthandler.enable(file=sys.stderr)


QtMessageHandler = Callable[[Any, Any, str], Any]


def install_qt_message_handler() -> QtMessageHandler | None:
    """Route Qt's messages (QML warnings, platform notes) into the ``qt`` logger.

    Returns the handler it replaced. It chains to that handler, so pytest-qt (which installs
    its own to fail tests on QML warnings) still sees every message.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("kiosk.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    previous: QtMessageHandler | None = None

    from kiosk.display_wait import leave_if_display_lost

    def handler(msg_type: Any, context: Any, message: str) -> None:
        leave_if_display_lost(message)  # Qt would exit(1) under live threads next
        where = ""
        if getattr(context, "file", None):
            where = f" ({context.file}:{context.line})"
        qt_log.log(levels.get(msg_type, logging.WARNING), "%s%s", message, where)
        if previous is not None:
            previous(msg_type, context, message)

    previous = qInstallMessageHandler(handler)
    return previous
