"""``kiosk run --fleet FOLDER`` and ``--metrics ADDRESS:PORT``: the fleet's parts wired into a running kiosk.

- The taker looks at the received folder every ``poll_ms`` on a worker thread (hashing a film
  must not stall the screen); when it has switched ``current`` to a new release, the existing
  live-reload path (ReloadController, whose source is the exhibition through ``current``)
  reads it again and applies it at the next return to the attract loop.
- The announcement view model reads ``announcement.json`` every second; AnnouncementBanner.qml
  shows it over everything, in every language.
- Metrics are fed from the window (frames), the visit (visits), the opening hours, the film
  player's warnings and the taker.

``kiosk run`` calls :func:`prepare` before the window exists and :meth:`FleetHook.attach` after.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, QUrl, Signal, Slot

from kiosk.fleet.announcements import RIGHT_TO_LEFT, Announcement, AnnouncementError, read_announcement
from kiosk.fleet.metrics import ExcerptFailureCounter, KioskMetrics, MetricsUnavailable, count_start
from kiosk.fleet.publish import PublishRefused
from kiosk.fleet.take import Outcome, Taker

log = logging.getLogger(__name__)

BANNER_QML = Path(__file__).with_name("AnnouncementBanner.qml")
#: Every this many looks (about 5 minutes), the shown release's files are hashed again.
VERIFY_EVERY = 150
SYNC_STATE = {
    "taken": "current",
    "unchanged": "current",
    "waiting": "waiting",
    "refused": "refused",
    "no-publish": "no-publish",
}


def default_state_dir() -> Path:
    from kiosk.analytics.database import data_dir

    return data_dir() / "fleet"


class AnnouncementModel(QObject):
    """The announcement to show now, as lines of (language, text, right-to-left); polls its file."""

    changed = Signal()

    def __init__(
        self,
        folder: Path | None,
        *,
        languages: tuple[str, ...] = (),
        poll_ms: int = 1000,
        now: Any = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = Path(folder) if folder else None
        self._languages = languages
        self._now = now
        self._seen: tuple[float, int] | None = None
        self._announcement: Announcement | None = None
        self._showing = False
        self.problem = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        if self._folder is not None:
            self._timer.start()
            self.poll()

    def set_languages(self, languages: tuple[str, ...]) -> None:
        if languages != self._languages:
            self._languages = languages
            self.changed.emit()

    @Slot()
    def poll(self) -> None:
        if self._folder is None:
            return
        path = self._folder / "announcement.json"
        try:
            info = path.stat()
            seen: tuple[float, int] | None = (info.st_mtime, info.st_size)
        except OSError:
            seen = None
        if seen != self._seen:
            self._seen = seen
            try:
                self._announcement = read_announcement(self._folder) if seen else None
                self.problem = ""
            except AnnouncementError as error:
                if str(error) != self.problem:
                    log.warning("announcement not shown: %s", error)
                self.problem = str(error)
                self._announcement = None
            self._update(force=True)
        else:
            self._update()

    def _update(self, *, force: bool = False) -> None:
        showing = self._announcement is not None and self._announcement.active(self._now())
        if showing != self._showing or force:
            if showing != self._showing:
                log.info(
                    "announcement %s %s",
                    self._announcement.id if self._announcement else "",
                    "shown" if showing else "ended",
                )
            self._showing = showing
            self.changed.emit()

    def _get_showing(self) -> bool:
        return self._showing

    def _get_lines(self) -> list[dict[str, Any]]:
        if not self._showing or self._announcement is None:
            return []
        return [
            {"language": lang, "text": text, "rtl": lang.split("-")[0] in RIGHT_TO_LEFT}
            for lang, text in self._announcement.in_order(self._languages)
        ]

    def _get_level(self) -> str:
        return self._announcement.level if self._announcement else "info"

    def _get_id(self) -> str:
        return self._announcement.id if self._showing and self._announcement else ""

    showing = Property(bool, _get_showing, notify=changed)
    lines = Property(list, _get_lines, notify=changed)
    level = Property(str, _get_level, notify=changed)
    announcementId = Property(str, _get_id, notify=changed)


class FleetHook(QObject):
    """Taker, announcements and metrics of one running kiosk; see the module doc."""

    _checked = Signal(object)

    def __init__(
        self,
        *,
        taker: Taker | None,
        metrics: KioskMetrics | None,
        poll_ms: int = 2000,
        announcement_poll_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.taker = taker
        self.metrics = metrics
        self.announcements = AnnouncementModel(
            taker.received if taker else None, poll_ms=announcement_poll_ms, parent=self
        )
        self._reload: Any = None
        self._checks = 0
        self.verify_every = VERIFY_EVERY
        self._busy = threading.Lock()
        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check_soon)
        self._banner: Any = None
        self._excerpt_counter: logging.Handler | None = None
        if metrics is not None:
            self.announcements.changed.connect(
                lambda: metrics.announcement.set(1 if self.announcements.property("showing") else 0)
            )

    # -- wiring -------------------------------------------------------------------------------
    def attach(self, kiosk_app: Any, tools: Any) -> None:
        """After the window exists: the reload path, the banner, the metrics' sources; then start polling."""
        self._reload = tools.reload
        exhibition = kiosk_app.store.exhibition
        if exhibition is not None:
            self.announcements.set_languages(tuple(exhibition.languages))
        tools.reload.applied.connect(self._applied)
        self._banner = host_banner(kiosk_app, self.announcements)
        if self.metrics is not None:
            metrics = self.metrics
            kiosk_app.window.frameSwapped.connect(metrics.frame_painted, Qt.ConnectionType.DirectConnection)
            from kiosk.navigation.events import VisitStarted

            kiosk_app.add_listener(lambda event: metrics.visits.inc() if isinstance(event, VisitStarted) else None)
            schedule = tools.schedule
            schedule.openChanged.connect(lambda: metrics.schedule_open.set(1 if schedule.property("isOpen") else 0))
            metrics.schedule_open.set(1 if schedule.property("isOpen") else 0)
            self._excerpt_counter = ExcerptFailureCounter(metrics)
            logging.getLogger("kiosk.ui.video").addHandler(self._excerpt_counter)
        self._shown(exhibition)
        if self.taker is not None:
            self._timer.start()
            self.check_soon()

    def close(self, timeout_s: float = 10.0) -> None:
        """Stop looking; wait for a look in progress (a copy of a film) to finish, ``timeout_s`` at most."""
        self._timer.stop()
        if self._busy.acquire(timeout=timeout_s):
            self._busy.release()
        else:
            log.warning("a look at the received folder was still running at exit; its stage is cleared at next start")
        if self._excerpt_counter is not None:
            logging.getLogger("kiosk.ui.video").removeHandler(self._excerpt_counter)
        if self.metrics is not None:
            self.metrics.close()

    # -- taking publishes ---------------------------------------------------------------------
    @Slot()
    def check_soon(self) -> None:
        """Look at the received folder on a worker thread, unless a look is still running."""
        if self.taker is None or not self._busy.acquire(blocking=False):
            return
        taker = self.taker
        verify = self._checks % self.verify_every == 0
        self._checks += 1

        def work() -> None:
            try:  # whatever happens, the lock goes back: a look that never ends would be the last one
                self._checked.emit(self._look(taker, verify))  # queued to the UI thread
            finally:
                self._busy.release()

        try:
            threading.Thread(target=work, name="kiosk-fleet-take", daemon=True).start()
        except RuntimeError as error:  # no thread to be had (memory, a thread limit): the next tick tries again
            self._busy.release()
            log.warning("cannot look at the received folder now: %s", error)

    @staticmethod
    def _look(taker: Taker, verify: bool) -> Outcome:
        """One look (and, every ``verify_every`` looks, a check of the shown release); never raises."""
        try:
            outcome = taker.check()
            if outcome.kind == "taken":
                outcome.changed_by_hand = []  # just hashed while it was copied
            elif verify:  # files of the shown release changed by hand: the publish is taken again
                repaired = taker.repair()
                if repaired is None:
                    outcome.changed_by_hand = []
                else:
                    outcome = repaired
        except Exception as error:  # a fault here must not stop the polling for good
            log.exception("looking at the received folder failed")
            outcome = Outcome("waiting", reasons=[f"internal error: {error}"])
        return outcome

    def _on_checked(self, outcome: Outcome) -> None:
        if self.metrics is not None:
            self.metrics.sync.state(SYNC_STATE[outcome.kind])
            if outcome.manifest is not None:
                self.metrics.received_publish.set(outcome.manifest.published_at)
            if outcome.changed_by_hand is not None:
                repaired = outcome.kind == "taken"
                self.metrics.content_intact.set(0 if outcome.changed_by_hand and not repaired else 1)
                if outcome.changed_by_hand and repaired:
                    self.metrics.repairs.inc()
        if outcome.changed_by_hand and outcome.kind != "taken":
            log.warning(
                "files on screen changed by hand, and the publish cannot be taken again: %s",
                "; ".join(outcome.reasons[:5]),
            )
        if outcome.kind == "taken" and self._reload is not None:
            log.info("publish %s staged; it shows at the next return to the attract loop", outcome.publish_id)
            self._reload.reload()

    def _applied(self, result: Any) -> None:
        exhibition = getattr(result, "exhibition", None)
        if exhibition is not None:
            self.announcements.set_languages(tuple(exhibition.languages))
        self._shown(exhibition)

    def _shown(self, exhibition: Any = None) -> None:
        """Note the release on screen (kept while shown) and tell the metrics what it is."""
        manifest = None
        source = getattr(exhibition, "source", None)
        if self.taker is not None:
            release = self.taker.release_of(source) if source else self.taker.current_link.resolve()
            self.taker.shown = release
            manifest = self.taker.release_manifest(release) if release else None
        if self.metrics is None:
            return
        if manifest is not None:
            self.metrics.set_exhibition(
                manifest.exhibition_id,
                manifest.publish_id,
                manifest.content_sha256,
                0.0 if manifest.publish_id.startswith("local-") else manifest.published_at,
            )
        else:  # not a fleet kiosk (--metrics alone), or a file the kiosk could not make a release of
            self.metrics.set_exhibition(exhibition.info.id if exhibition is not None else "")


def host_banner(kiosk_app: Any, model: AnnouncementModel) -> Any:
    """AnnouncementBanner.qml over everything in the kiosk's window (touches pass through it)."""
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuick import QQuickItem

    window = kiosk_app.window
    root = window.contentItem()
    component = QQmlComponent(kiosk_app.engine, QUrl.fromLocalFile(str(BANNER_QML)))
    item = component.createWithInitialProperties({"announcements": model})
    if not isinstance(item, QQuickItem):
        log.error("cannot show announcements: %s", component.errorString())
        return None
    item.setParent(window)
    item.setParentItem(root)
    item.setSize(root.size())
    item.setZ(80)  # over the stage and the closed screen; under reload errors (90) and the staff overlay (100)
    root.widthChanged.connect(lambda: item.setWidth(root.width()))
    root.heightChanged.connect(lambda: item.setHeight(root.height()))
    return item


def prepare(
    config: Path,
    *,
    fleet: Path | None,
    state: Path | None,
    metrics_address: str | None,
    poll_ms: int = 2000,
    announcement_poll_ms: int = 1000,
) -> tuple[Path, FleetHook]:
    """Before the window: take what has arrived, seed the state with ``config`` if nothing has; start metrics.

    Returns the exhibition file to run (through the ``current`` link when a fleet folder is given).
    """
    state = Path(state) if state else default_state_dir()
    taker = None
    if fleet is not None:
        taker = Taker(fleet, state)
        first = taker.check()
        if taker.current() is None:
            log.info("nothing taken from %s yet (%s): showing %s until a publish arrives", fleet, first.kind, config)
            try:
                taker.seed(config)
            except PublishRefused as refused:
                log.warning("%s: shown as it is", refused)
        exhibition_file = taker.exhibition_file()
        config = exhibition_file if exhibition_file is not None else config
    metrics = None
    if metrics_address:
        try:
            metrics = KioskMetrics(disk=state if state.exists() else Path(os.sep))
            metrics.restarts.set(count_start(state))
            host, port = metrics.serve(metrics_address)
            log.info("metrics on http://%s:%d/metrics", host, port)
        except ImportError:
            log.error("metrics need the prometheus-client package (pip install 'kiosk[fleet]'): running without")
            metrics = None
        except (MetricsUnavailable, ValueError) as error:
            log.error("%s: the kiosk runs without metrics", error)
            print(f"kiosk run: {error}; the kiosk runs without metrics", file=sys.stderr, flush=True)
            metrics = None
    hook = FleetHook(taker=taker, metrics=metrics, poll_ms=poll_ms, announcement_poll_ms=announcement_poll_ms)
    hook._shown()  # the metrics name what is about to show from their first scrape, not from the first frame
    return config, hook
