"""The visit recorder: a VisitListener that stores events on its own writer thread.

The UI thread only puts the event on a queue (no disk I/O where a touch is handled).
The writer thread owns the SQLite connection, groups events into one transaction and
commits it at most ``commit_interval`` seconds after its first event (0.5 s by default),
so a crash loses at most that much, and a power cut no more (synchronous=FULL, see
:mod:`kiosk.analytics.database`). Analytics must never take the kiosk down: a database
that cannot be opened or written is logged, and events are then dropped.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.analytics.database import NewerDatabaseError, open_database
from kiosk.analytics.writer import EventWriter
from kiosk.navigation.events import VisitEvent

log = logging.getLogger(__name__)

#: Seconds between the first uncommitted event and its commit: the most a crash can lose.
DEFAULT_COMMIT_INTERVAL = 0.5


@dataclass(eq=False)
class _Flush:
    done: threading.Event = field(default_factory=threading.Event)


class _Stop:
    pass


class VisitRecorder:
    """Call it with each :data:`~kiosk.navigation.events.VisitEvent`; ``close()`` when done.

    ``path`` None means :func:`~kiosk.analytics.database.database_path` (``$KIOSK_DATA_DIR``
    or the platform data folder).
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        exhibition: str = "",
        commit_interval: float = DEFAULT_COMMIT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._path = path
        self._exhibition = exhibition
        self._interval = commit_interval
        self._clock = clock
        self._queue: queue.SimpleQueue[VisitEvent | _Flush | _Stop] = queue.SimpleQueue()
        self._failed = threading.Event()
        self._fail_lock = threading.Lock()  # so no flush can be queued after the drain in _fail
        self._thread = threading.Thread(target=self._run, name="kiosk-analytics", daemon=True)
        self._thread.start()

    @property
    def failed(self) -> bool:
        """True when the database could not be opened or written; events are being dropped."""
        return self._failed.is_set()

    def __call__(self, event: VisitEvent) -> None:
        if not self._failed.is_set():
            self._queue.put(event)

    def flush(self, timeout: float = 5.0) -> bool:
        """Commit everything received so far; True once it is on disk."""
        marker = _Flush()
        with self._fail_lock:
            if self._failed.is_set():
                return False
            self._queue.put(marker)
        return marker.done.wait(timeout) and not self.failed

    def close(self, timeout: float = 5.0) -> None:
        """Commit what is left and stop the writer thread."""
        if self._thread.is_alive():
            self._queue.put(_Stop())
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            db = open_database(self._path)
            writer = EventWriter(db, self._exhibition)
            closed = writer.close_interrupted()
            if closed:
                log.info("analytics: closed %d visit(s) interrupted by the last stop", closed)
        except (sqlite3.Error, OSError, NewerDatabaseError) as error:
            log.error("analytics disabled: cannot open the database: %s", error)
            self._fail()
            return
        try:
            self._loop(db, writer)
        finally:
            db.close()

    def _loop(self, db: sqlite3.Connection, writer: EventWriter) -> None:
        pending_since: float | None = None

        def commit() -> None:
            nonlocal pending_since
            if pending_since is not None:
                pending_since = None
                db.execute("COMMIT")

        while True:
            timeout = None
            if pending_since is not None:
                timeout = max(0.0, pending_since + self._interval - self._clock())
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            try:
                match item:
                    case None:
                        commit()
                    case _Stop():
                        commit()
                        return
                    case _Flush(done=done):
                        commit()
                        done.set()
                    case _:
                        if pending_since is None:
                            db.execute("BEGIN")
                            pending_since = self._clock()
                        writer.write(item)
                        if self._clock() - pending_since >= self._interval:
                            commit()
            except sqlite3.Error as error:
                # Disk full, file removed under us...: keep the kiosk running without analytics.
                log.error("analytics disabled: cannot write the database: %s", error)
                if db.in_transaction:
                    db.execute("ROLLBACK")
                self._fail()
                return

    def _fail(self) -> None:
        with self._fail_lock:
            self._failed.set()
            # Release anyone waiting on a flush.
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    return
                if isinstance(item, _Flush):
                    item.done.set()
