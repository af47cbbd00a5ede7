"""Remembering media checks across starts: a file whose size, times and inode are unchanged is
not read again.

Checking a PNG inflates all its pixel data (media_check.py says why): for the bundled exhibition
that is most of a load, at every start of the kiosk, although the files never change between
starts. The cache keeps each content check's answer (the problem, or none, and a film's length)
under the file's resolved path and kind, with the file's fingerprint: size, modification and
status-change times in nanoseconds, inode and device. Any change to the file changes one of them
(a copy over it, an edit, a move of another file into its place); the answer is then worked out
again. A file changed in the last two seconds is not remembered: a file system whose times are
coarse could otherwise keep the answer of a file still being written.

The cache is a small JSON file in the platform's cache folder (``$KIOSK_CACHE_DIR`` to choose
another, ``KIOSK_MEDIA_CACHE=off`` to check every file at every load). It is only a shortcut:
a cache file that is missing, unreadable, damaged or of another version is ignored and written
again, and a cache that cannot be written is not an error. No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_DIR_ENV = "KIOSK_CACHE_DIR"
SWITCH_ENV = "KIOSK_MEDIA_CACHE"
CACHE_NAME = "media-checks.json"
#: Raise when a check changes what it finds: answers remembered by older checks are dropped.
CHECKS_VERSION = 1
#: Files changed this recently are checked but not remembered (coarse file-system clocks).
SETTLE_SECONDS = 2.0
#: Beyond this many entries, those not used by the last load are dropped when saving.
MAX_ENTRIES = 5000

Fingerprint = tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Remembered:
    """A content check's answer: the problem (None when the file is fine), a film's length."""

    problem: str | None
    duration_ms: int | None


def fingerprint(status: os.stat_result) -> Fingerprint:
    """What changes when a file's content may have changed."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


def cache_dir() -> Path:
    """``$KIOSK_CACHE_DIR``, else the platform's per-user cache folder (~/.cache/kiosk)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # light, but only needed here

    return Path(platformdirs.user_cache_dir("kiosk", appauthor=False))


class MediaCheckCache:
    """Content-check answers keyed on path and kind, valid while the file's fingerprint holds."""

    def __init__(self, file: Path | None, *, settle_seconds: float = SETTLE_SECONDS) -> None:
        #: Where the answers are kept; None: remember within this process only.
        self.file = file
        self.settle_seconds = settle_seconds
        self._entries: dict[str, list[object]] = self._read(file) if file is not None else {}
        self._used: set[str] = set()
        self._changed = False

    @classmethod
    def default(cls) -> MediaCheckCache:
        """The cache of this user, or one that remembers nothing on disk when switched off."""
        if os.environ.get(SWITCH_ENV, "").strip().lower() in ("0", "off", "no", "false"):
            return cls(None)
        return cls(cache_dir() / CACHE_NAME)

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _key(path: Path, kind: str) -> str:
        return f"{kind}:{path}"

    def lookup(self, path: Path, kind: str, status: os.stat_result) -> Remembered | None:
        """The answer remembered for this file as it is now, or None."""
        key = self._key(path, kind)
        entry = self._entries.get(key)
        if entry is None:
            return None
        try:
            stored, problem, duration = entry
            if not isinstance(stored, list) or tuple(stored) != fingerprint(status):
                return None
            if problem is not None and not isinstance(problem, str):
                return None
            if duration is not None and (not isinstance(duration, int) or isinstance(duration, bool)):
                return None
        except (TypeError, ValueError):  # an entry of the wrong shape: as if absent
            return None
        self._used.add(key)
        return Remembered(problem, duration)

    def remember(self, path: Path, kind: str, status: os.stat_result, answer: Remembered) -> None:
        """Keep ``answer`` for this file, unless the file changed too recently to trust its times."""
        now = time.time()
        if now - status.st_mtime < self.settle_seconds or now - status.st_ctime < self.settle_seconds:
            return
        key = self._key(path, kind)
        self._entries[key] = [list(fingerprint(status)), answer.problem, answer.duration_ms]
        self._used.add(key)
        self._changed = True

    def save(self) -> None:
        """Write the answers if they changed (atomically: a reader never sees half a file)."""
        if self.file is None or not self._changed:
            return
        if len(self._entries) > MAX_ENTRIES:
            self._entries = {key: value for key, value in self._entries.items() if key in self._used}
        payload = json.dumps({"version": CHECKS_VERSION, "entries": self._entries}, separators=(",", ":"))
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            # A name of this process's own (not tempfile: its import alone costs a start more
            # than writing this file does).
            temporary = self.file.with_name(f".{self.file.name}.{os.getpid()}.{threading.get_ident()}")
            try:
                with open(temporary, "w", encoding="utf-8") as stream:
                    stream.write(payload)
                os.replace(temporary, self.file)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        except OSError as error:  # a read-only home, a full disk: the next load checks again
            log.info("media check cache not written to %s: %s", self.file, error)
            return
        self._changed = False

    @staticmethod
    def _read(file: Path) -> dict[str, list[object]]:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:  # unreadable or damaged: start again
            log.info("media check cache %s ignored: %s", file, error)
            return {}
        if not isinstance(data, dict) or data.get("version") != CHECKS_VERSION:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {key: value for key, value in entries.items() if isinstance(key, str) and isinstance(value, list)}
