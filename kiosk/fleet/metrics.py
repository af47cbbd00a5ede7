"""The Prometheus endpoint of ``kiosk run --metrics ADDRESS:PORT`` (off by default).

With the official client library, in its own registry: the process collector gives resident
memory, CPU time and start time; the kiosk adds what only it knows. The HTTP server runs in
the client's own thread, so a frozen UI thread still answers scrapes, and
``kiosk_seconds_since_last_frame`` then grows: that is the frozen-screen detector. No Qt here:
:mod:`kiosk.fleet.qt_hook` feeds it. Alert rules: packaging/prometheus/kiosk-alerts.yml.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SYNC_STATES = ("no-publish", "current", "waiting", "refused")


class MetricsUnavailable(RuntimeError):
    """The endpoint cannot serve (library missing, port taken); the kiosk runs on without it."""


def parse_address(text: str) -> tuple[str, int]:
    """``127.0.0.1:9310``, ``[::1]:9310`` or ``:9310`` (all addresses) -> (host, port)."""
    host, sep, port_text = text.rpartition(":")
    if not sep or not port_text.isdigit() or not 0 <= int(port_text) < 65536:
        raise ValueError(f"{text!r}: write ADDRESS:PORT, e.g. 127.0.0.1:9310 or 0.0.0.0:9310")
    host = host.strip("[]") or "0.0.0.0"
    return host, int(port_text)


class KioskMetrics:
    """Every kiosk metric in one registry; ``frame_painted()`` and the setters are cheap and thread-safe."""

    def __init__(self, *, disk: Path | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        from prometheus_client import CollectorRegistry, Counter, Enum, Gauge, Info
        from prometheus_client.platform_collector import PlatformCollector
        from prometheus_client.process_collector import ProcessCollector

        self._clock = clock
        self._last_frame = clock()
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        r = self.registry
        self.up = Gauge("kiosk_up", "1 while the kiosk runs and serves metrics.", registry=r)
        self.up.set(1)
        self.exhibition = Info(
            "kiosk_exhibition", "The exhibition on screen: its id, publish id and content hash.", registry=r
        )
        self.exhibition.info({"exhibition_id": "", "publish_id": "", "content_sha256": ""})
        Gauge(
            "kiosk_seconds_since_last_frame",
            "Seconds since the window last painted a frame (grows when the screen is frozen).",
            registry=r,
        ).set_function(lambda: self._clock() - self._last_frame)
        self.visits = Counter("kiosk_visits", "Visits started (a touch on the attract loop).", registry=r)
        self.excerpt_failures = Counter("kiosk_excerpt_failures", "Film excerpts that could not be played.", registry=r)
        self.restarts = Gauge(
            "kiosk_restarts", "Times the kiosk started again since its state folder was made.", registry=r
        )
        self.schedule_open = Gauge(
            "kiosk_schedule_open", "1 in opening hours, 0 while the closed screen shows.", registry=r
        )
        self.schedule_open.set(1)
        self.sync = Enum(
            "kiosk_sync_state",
            "What the kiosk made of the last publish it received.",
            states=list(SYNC_STATES),
            registry=r,
        )
        self.shown_publish = Gauge(
            "kiosk_shown_publish_timestamp_seconds",
            "When the exhibition on screen was published (0: not a publish).",
            registry=r,
        )
        self.received_publish = Gauge(
            "kiosk_received_publish_timestamp_seconds",
            "When the newest publish that reached this kiosk was made.",
            registry=r,
        )
        self.content_intact = Gauge(
            "kiosk_content_intact",
            "0 when a file of the shown release was changed by hand and could not be taken again.",
            registry=r,
        )
        self.content_intact.set(1)
        self.repairs = Counter(
            "kiosk_content_repairs",
            "Times files of the shown release, changed by hand, were taken again from the publish.",
            registry=r,
        )
        self.announcement = Gauge("kiosk_announcement_showing", "1 while an announcement shows.", registry=r)
        if disk is not None:
            folder = Path(disk)
            Gauge("kiosk_disk_free_bytes", "Free bytes where the kiosk keeps its content.", registry=r).set_function(
                lambda: _disk(folder, "free")
            )
            Gauge(
                "kiosk_disk_size_bytes", "Size of the file system where the kiosk keeps its content.", registry=r
            ).set_function(lambda: _disk(folder, "total"))
        self._server: Any = None
        self.port = 0

    def frame_painted(self) -> None:
        self._last_frame = self._clock()

    def set_exhibition(
        self, exhibition_id: str, publish_id: str = "", content_sha256: str = "", published_at: float = 0.0
    ) -> None:
        self.exhibition.info(
            {"exhibition_id": exhibition_id, "publish_id": publish_id, "content_sha256": content_sha256}
        )
        self.shown_publish.set(published_at)

    def serve(self, address: str) -> tuple[str, int]:
        """Start the HTTP endpoint; MetricsUnavailable (with a message for the log) when it cannot."""
        from prometheus_client import start_http_server

        host, port = parse_address(address)
        try:
            self._server, _thread = start_http_server(port, addr=host, registry=self.registry)
        except OSError as error:
            raise MetricsUnavailable(f"metrics cannot listen on {address}: {error.strerror or error}") from None
        self.port = int(self._server.server_address[1])
        return host, self.port

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def _disk(folder: Path, which: str) -> float:
    try:
        return float(getattr(shutil.disk_usage(folder), which))
    except OSError:
        return float("nan")


def count_start(state: Path) -> int:
    """Count this start in ``state/starts``; the restarts so far (starts - 1)."""
    path = Path(state) / "starts"
    try:
        starts = int(path.read_text().strip() or 0)
    except (OSError, ValueError):
        starts = 0
    starts += 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{starts}\n")
    except OSError as error:
        log.warning("cannot count this start in %s: %s", path, error)
    return starts - 1


class ExcerptFailureCounter(logging.Handler):
    """Counts the film player's warnings: each is a film or excerpt that could not play.

    The player reports each broken file once per process (kiosk/ui/problems.py), so this counts
    distinct failures, not every pass of the attract loop over the same broken film.
    """

    def __init__(self, metrics: KioskMetrics) -> None:
        super().__init__(level=logging.WARNING)
        self._metrics = metrics

    def emit(self, record: logging.LogRecord) -> None:
        self._metrics.excerpt_failures.inc()
