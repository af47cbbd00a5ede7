"""Live reload: read the exhibition again when staff change it, and apply it at the right moment.

- A valid change applies at once in the windowed preview, and in kiosk mode at the next
  return to the attract loop: never in the middle of somebody's visit.
- An invalid change (any error) keeps the last good exhibition on screen; its problems,
  as FILE:LINE:COLUMN: key.path: message, go to ``errors`` for the ReloadErrors overlay,
  which Main.qml shows in the preview, and in kiosk mode only while the staff panel is open.

The controller knows the app only through three callables, so tests drive it without a
window: ``load(path)`` (the loader), ``apply(result) -> bool`` (KioskApp.apply_exhibition),
and ``at_rest()`` (True while the attract loop shows). The app calls :meth:`visitor_left`
when the visit returns to the loop.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement

from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable
from kiosk.ui.staff_tools.fingerprint import fingerprint
from kiosk.ui.staff_tools.watcher import ExhibitionWatcher

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "ReloadController"]

log = logging.getLogger(__name__)


class ResultLike(Protocol):
    @property
    def exhibition(self) -> Any: ...

    @property
    def problems(self) -> tuple[Any, ...]: ...

    @property
    def ok(self) -> bool: ...


def _default_load(path: Path) -> ResultLike:
    from kiosk.loader import load_exhibition

    return load_exhibition(path).packed()  # held as a start holds it: panels packed until shown


@QmlElement
@QmlUncreatable("ReloadController is made by kiosk run and passed to Main.qml")
class ReloadController(QObject):
    """Reloads the exhibition on file changes or on staff request; see the module docstring."""

    stateChanged = Signal()
    #: A result was applied to the screen (valid, and at a moment it could be).
    applied = Signal(object)
    #: A result was read (valid or not): for the staff panel's problem list.
    loaded = Signal(object)

    def __init__(
        self,
        source: Path,
        *,
        apply: Callable[[Any], bool],
        at_rest: Callable[[], bool],
        preview: bool,
        load: Callable[[Path], ResultLike] = _default_load,
        media_root: Path | None = None,
        watch: bool = True,
        debounce_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = Path(source)
        self._apply = apply
        self._at_rest = at_rest
        self._preview = preview
        self._load = load
        self._media_root = media_root
        self._errors: list[str] = []
        self._pending: ResultLike | None = None
        self._last_print = fingerprint(self._source, media_root)
        self._checked_at = ""
        self._reloads = 0
        self._dismissed = False
        self.watcher: ExhibitionWatcher | None = None
        if watch:
            kwargs = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
            self.watcher = ExhibitionWatcher(self._source, media_root, parent=self, **kwargs)
            self.watcher.changed.connect(self._files_changed)

    # -- what the app tells us ---------------------------------------------------------------
    def show_initial(self, result: ResultLike) -> None:
        """The first load's problems: staff should see them too (the screen shows what it can)."""
        self._set_errors(result)
        if result.exhibition is not None:
            self._media_root = getattr(result.exhibition, "media_root", None) or self._media_root
            if self.watcher is not None:
                self.watcher.set_media_root(self._media_root)
        self._last_print = fingerprint(self._source, self._media_root)

    def visitor_left(self) -> None:
        """The visit went back to the attract loop: the moment a waiting reload may apply.

        Deferred to the event loop: this is called from inside the visit's state change, and
        applying an exhibition changes the visit again.
        """
        if self._pending is not None:
            QTimer.singleShot(0, self._apply_pending)

    def _apply_pending(self) -> None:
        if self._pending is not None and self._at_rest():
            result, self._pending = self._pending, None
            self._do_apply(result)
            self.stateChanged.emit()

    # -- what QML and the staff panel call ----------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Read the exhibition again now, changed or not (the staff panel's Reload button)."""
        self._reload()

    @Slot()
    def dismiss(self) -> None:
        """Staff hid the overlay; it comes back with the next reload that has errors."""
        self._dismissed = True
        self.stateChanged.emit()

    # -- internals -------------------------------------------------------------------------
    def _files_changed(self) -> None:
        now_print = fingerprint(self._source, self._media_root)
        if now_print == self._last_print:
            log.debug("exhibition files touched but unchanged: no reload")
            return
        self._reload()

    def _reload(self) -> None:
        started = time.monotonic()
        self._last_print = fingerprint(self._source, self._media_root)
        result = self._load(self._source)
        self._reloads += 1
        self._checked_at = datetime.now().strftime("%H:%M:%S")
        self._set_errors(result)
        self.loaded.emit(result)
        if not result.ok or result.exhibition is None:
            log.warning(
                "reload of %s refused, %d error(s); the last good exhibition stays on screen",
                self._source,
                len(self._errors),
            )
            self._pending = None  # an invalid file cancels an older valid change still waiting
        elif self._preview or self._at_rest():
            self._pending = None
            self._do_apply(result)
        else:
            log.info("reload of %s waits for the visit to end", self._source)
            self._pending = result
        log.info("reload took %.0f ms", (time.monotonic() - started) * 1000)
        self.stateChanged.emit()

    def _do_apply(self, result: ResultLike) -> None:
        if self._apply(result):
            media_root = getattr(result.exhibition, "media_root", None)
            if media_root and self.watcher is not None:
                self._media_root = media_root
                self.watcher.set_media_root(media_root)
            self.applied.emit(result)

    def _set_errors(self, result: ResultLike) -> None:
        self._dismissed = False
        # Relative to the exhibition's folder: the overlay has room for the message, not the path.
        folder = f"{self._source.parent}{os.sep}"
        self._errors = [
            str(p).removeprefix(folder) for p in result.problems if getattr(p, "severity", "error") == "error"
        ]
        if result.exhibition is None and not self._errors:
            self._errors = [f"{self._source}: the exhibition could not be read"]

    # -- properties ------------------------------------------------------------------------
    def _get_errors(self) -> list[str]:
        return list(self._errors)

    def _get_has_errors(self) -> bool:
        return bool(self._errors)

    def _get_show(self) -> bool:
        return not self._dismissed and (bool(self._errors) or self._pending is not None)

    def _get_pending(self) -> bool:
        return self._pending is not None

    def _get_preview(self) -> bool:
        return self._preview

    def _get_checked_at(self) -> str:
        return self._checked_at

    def _get_source(self) -> str:
        return str(self._source)

    def _get_reloads(self) -> int:
        return self._reloads

    errors = Property(list, _get_errors, notify=stateChanged)
    hasErrors = Property(bool, _get_has_errors, notify=stateChanged)
    pending = Property(bool, _get_pending, notify=stateChanged)
    #: Something for staff to see: errors, or a valid change waiting for the visit to end.
    worthShowing = Property(bool, _get_show, notify=stateChanged)
    preview = Property(bool, _get_preview, constant=True)
    checkedAt = Property(str, _get_checked_at, notify=stateChanged)
    source = Property(str, _get_source, constant=True)
    reloads = Property(int, _get_reloads, notify=stateChanged)
