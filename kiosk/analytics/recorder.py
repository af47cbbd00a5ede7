"""The visit recorder: a VisitListener that stores events on its own writer thread.

The UI thread only puts the event on a queue (no disk I/O where a touch is handled).
The writer thread owns the SQLite connection, groups events into one transaction and
commits it at most ``commit_interval`` seconds after its first event (0.5 s by default),
so a crash loses at most that much, and a power cut no more (synchronous=FULL, see
:mod:`kiosk.analytics.database`). Analytics must never take the kiosk down: a database
that cannot be opened or written is logged, and events are then dropped.

A full disk only pauses them. Below ``low_space`` bytes free (64 MB, or ``$KIOSK_LOW_SPACE_MB``) the recorder writes
nothing, so it never fills the disk itself; a write that fails for lack of room is rolled
back whole (SQLite's journal keeps the file consistent). While paused, events are counted and
dropped; every ``retry_every`` seconds it looks at the free space again and, once there is
room, starts over with a fresh writer (the visit cut in two is closed as interrupted).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import health
from kiosk.analytics.database import NewerDatabaseError, database_path, open_database
from kiosk.analytics.writer import EventWriter
from kiosk.disk_guard import describe_free, free_bytes, is_disk_full, low_space_bytes
from kiosk.navigation.events import VisitEvent

log = logging.getLogger(__name__)

#: Seconds between the first uncommitted event and its commit: the most a crash can lose.
DEFAULT_COMMIT_INTERVAL = 0.5
#: Seconds between two looks at the free space while paused by a full disk.
DEFAULT_RETRY_EVERY = 10.0


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
        low_space: int | None = None,
        retry_every: float = DEFAULT_RETRY_EVERY,
    ) -> None:
        self._path = path
        self._low_space = low_space_bytes() if low_space is None else low_space
        self._retry_every = retry_every
        self._paused = threading.Event()
        #: Events dropped while the disk was full, since the start.
        self.dropped = 0
        self._exhibition = exhibition
        self._interval = commit_interval
        self._clock = clock
        #: Each event with the monotonic time it arrived at (times stay ordered when the wall clock jumps).
        self._queue: queue.SimpleQueue[tuple[VisitEvent, float] | _Flush | _Stop] = queue.SimpleQueue()
        self._failed = threading.Event()
        self._fail_lock = threading.Lock()  # so no flush can be queued after the drain in _fail
        self._thread = threading.Thread(target=self._run, name="kiosk-analytics", daemon=True)
        self._thread.start()

    @property
    def failed(self) -> bool:
        """True when the database could not be opened or written; events are being dropped."""
        return self._failed.is_set()

    @property
    def paused(self) -> bool:
        """True while the disk is (nearly) full: events are dropped until there is room again."""
        return self._paused.is_set()

    def __call__(self, event: VisitEvent) -> None:
        if not self._failed.is_set():
            self._queue.put((event, self._clock()))

    def flush(self, timeout: float = 5.0) -> bool:
        """Commit everything received so far; True once it is on disk."""
        marker = _Flush()
        with self._fail_lock:
            if self._failed.is_set():
                return False
            self._queue.put(marker)
        return marker.done.wait(timeout) and not self.failed and not self.paused

    def close(self, timeout: float = 5.0) -> None:
        """Commit what is left and stop the writer thread."""
        if self._thread.is_alive():
            self._queue.put(_Stop())
            self._thread.join(timeout)
        if self.paused:
            health.set_note("analytics", None)  # no recorder, nothing paused

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
        next_look = 0.0  # while paused: when to look at the free space again
        batch = 0  # events in the open transaction

        def commit() -> None:
            nonlocal pending_since
            if pending_since is not None:
                db.execute("COMMIT")  # may fail for lack of room: the batch is then rolled back
                pending_since = None

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
                        if self.paused:
                            if self._clock() < next_look:
                                self.dropped += 1
                                continue
                            next_look = self._clock() + self._retry_every
                            if not self._room():
                                self.dropped += 1
                                continue
                            writer = self._resume(db)
                        if pending_since is None:
                            if not self._room():
                                self._pause(f"less than {self._low_space // 1024 // 1024} MB left")
                                next_look = self._clock() + self._retry_every
                                self.dropped += 1
                                continue
                            db.execute("BEGIN")
                            pending_since = self._clock()
                            batch = 0
                        batch += 1
                        event, mono = item
                        writer.write(event, mono)
                        if self._clock() - pending_since >= self._interval:
                            commit()
            except sqlite3.Error as error:
                if pending_since is not None:
                    self.dropped += batch  # the whole batch rolls back
                pending_since = None
                if db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                if is_disk_full(error) or not self._room():
                    # Everything since the last commit is lost, not half of it: the transaction
                    # rolled back whole. Events wait for room; the kiosk goes on.
                    self._pause(str(error))
                    next_look = self._clock() + self._retry_every
                    continue
                # File removed under us, permissions...: keep the kiosk running without analytics.
                log.error("analytics disabled: cannot write the database: %s", error)
                self._fail()
                return

    def _room(self) -> bool:
        free = free_bytes(self._folder())
        return free is None or free >= self._low_space

    def _folder(self) -> Path:
        return Path(self._path).parent if self._path is not None else database_path().parent

    def _pause(self, why: str) -> None:
        if not self.paused:
            self._paused.set()
            health.set_note("analytics", "Visit statistics are paused: the disk is full.")
            log.warning(
                "analytics paused, the disk is full (%s; %s): the exhibition goes on, visits are "
                "not recorded until there is room",
                why,
                describe_free(self._folder()),
            )

    def _resume(self, db: sqlite3.Connection) -> EventWriter:
        """Room again: a fresh writer (its visit was rolled back) and open visits closed."""
        writer = EventWriter(db, self._exhibition)
        db.execute("BEGIN")
        closed = writer.close_interrupted()
        db.execute("COMMIT")
        self._paused.clear()
        health.set_note("analytics", None)
        log.info(
            "analytics resumed: room on the disk again (%s); %d event(s) were not recorded, %d visit(s) "
            "closed as interrupted",
            describe_free(self._folder()),
            self.dropped,
            closed,
        )
        return writer

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
