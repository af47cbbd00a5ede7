"""Checking the document as staff type, off the UI thread, and autosaving what was checked.

A check writes the whole tree out as YAML and runs the loader on it: a second on a 1,000-panel
exhibition, so it runs on a worker thread, one at a time, the latest request winning. The document is
only read there; if staff edited it meanwhile (its generation moved on), the result is thrown away and
the check runs again, so a result never describes a tree half old and half new.
"""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.editor import autosave
from kiosk.editor.document import Document
from kiosk.editor.opening import check_text
from kiosk.editor.saving import SaveError
from kiosk.loader import LoadResult
from kiosk.switch_interval import at_most_while

log = logging.getLogger(__name__)
#: While a check runs the UI thread gets the interpreter back within this many seconds (default 5 ms).
_SWITCH_INTERVAL_S = 0.001


@dataclass(frozen=True, slots=True)
class Checked:
    generation: int
    result: LoadResult
    text: str


class Checker(QObject):
    """``request()`` after edits; ``checked`` comes back on the UI thread with the loader's result."""

    checked = Signal(object)
    autosave_failed = Signal(str)

    def __init__(self, document: Document, *, autosave_enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.autosave_enabled = autosave_enabled
        self._lock = threading.Lock()
        self._wanted = False
        self._thread: threading.Thread | None = None
        self._closed = False

    def request(self) -> None:
        with self._lock:
            self._wanted = True
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self._run, name="kiosk-edit-check", daemon=True)
            self._thread.start()

    def close(self) -> None:
        self._closed = True
        thread = self._thread
        if thread is not None:
            thread.join(timeout=30)

    def _run(self) -> None:
        with at_most_while(_SWITCH_INTERVAL_S):
            while not self._closed:
                with self._lock:
                    if not self._wanted:
                        self._thread = None
                        return
                    self._wanted = False
                self._check_once()

    def _check_once(self) -> None:
        # Writing out and reading back a large tree makes millions of short-lived objects without
        # cycles; a collection started among them holds the interpreter (and so the window) for
        # 100-200 ms at 1,000 panels. The loader itself works the same way (kiosk/loader/load.py).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._check_with_collector_off()
        finally:
            if collecting:
                gc.enable()

    def _check_with_collector_off(self) -> None:
        document = self.document
        generation = document.generation
        path: Path = document.path
        try:
            text = document.text()
        except (RuntimeError, ValueError, KeyError, IndexError):
            # The tree changed under the writer (staff typed meanwhile): check again.
            log.debug("check interrupted by an edit", exc_info=True)
            self._wanted = True
            return
        if document.generation != generation:
            self._wanted = True
            return
        if self.autosave_enabled and generation != document.saved_generation:
            try:
                autosave.write(path, text)
            except SaveError as error:
                self.autosave_failed.emit(str(error))
        result = check_text(path, text)
        if not self._closed:
            self.checked.emit(Checked(generation, result, text))
