"""Broken media files the running kiosk has met: each is logged once per process, not per visit.

A booth cycles through its attract loop for ten hours a day: a broken film or picture would
otherwise be logged at every pass (thousands of identical lines that push the one useful line
out of the rotating log). Both the film player and the pictures report here; the first report
of a file logs it, later ones are silent. No Qt here: the registry is a set behind a lock
(libVLC's threads may report too).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["forget", "is_known", "mark", "report", "url_path"]

_lock = threading.Lock()
_seen: set[str] = set()


def _key(file: str | Path) -> str:
    return str(file)


def url_path(url: str) -> str:
    """The local path of a ``file://`` URL (QML hands URLs), else the string itself."""
    if url.startswith("file:"):
        return unquote(urlparse(url).path)
    return url


def report(logger: logging.Logger, file: str | Path, message: str, *args: object) -> bool:
    """Log ``message % args`` as a warning if ``file`` has not been reported before; True if it was logged."""
    key = _key(file)
    with _lock:
        if key in _seen:
            return False
        _seen.add(key)
    logger.warning(message, *args)
    return True


def mark(file: str | Path) -> None:
    """Note ``file`` as reported without logging (someone else, Qt for instance, has logged it)."""
    with _lock:
        _seen.add(_key(file))


def is_known(file: str | Path) -> bool:
    with _lock:
        return _key(file) in _seen


def forget() -> None:
    """Start afresh (tests; a process runs one kiosk)."""
    with _lock:
        _seen.clear()
