"""A publisher and two kiosks on loopback, with the real engines: Syncthing carries the publishes,
each kiosk is a real ``kiosk run`` process (offscreen), Debian's Prometheus scrapes them.

Shows: a publish reaches both kiosks and each switches once it is complete; an interrupted
publish is never shown; a publish that does not load is refused with the kiosk on the last good
exhibition; with one kiosk killed, the shipped "kiosk down" alert fires. The time from publish
to both kiosks showing a one-line text change is printed (bench/bench_fleet.py measures it with
a 200 MB film too).
"""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.fleet.announcements import withdraw, write_announcement
from kiosk.fleet.manifest import file_sha256
from kiosk.fleet.publish import publish

from .engines import Fleet, wait_for
from .helpers import break_publish, make_exhibition

pytestmark = [
    pytest.mark.slow,
    pytest.mark.no_qt_log,
    pytest.mark.timeout(300),
    pytest.mark.skipif(
        not (shutil.which("syncthing") and shutil.which("prometheus")),
        reason="syncthing and prometheus missing (scripts/setup.sh test installs them)",
    ),
]


class Interrupted(Exception):
    pass


def interrupt() -> None:
    raise Interrupted


def test_a_fleet_of_two_kiosks_on_loopback(tmp_path: Path) -> None:
    fleet = Fleet(tmp_path)
    try:
        fleet.start()
        # Before any publish, each kiosk shows its own copy of the local exhibition.
        assert all(k.shown_publish().startswith("local-") for k in fleet.kiosks)

        _first, seconds = fleet.publish_and_wait()
        make_exhibition(fleet.source, "Second title")  # a one-line text change
        second, text_seconds = fleet.publish_and_wait()
        print(f"\npublish to both kiosks showing it: first {seconds:.1f} s, one-line text change {text_seconds:.1f} s")
        assert all(k.sync_state() == "current" for k in fleet.kiosks)

        # An announcement reaches both screens within seconds, and is withdrawn the same way.
        started = time.monotonic()
        write_announcement(
            fleet.folder,
            {"en": "The booth closes at 6 pm", "fr": "Le stand ferme à 18 h"},
            datetime.now().astimezone() + timedelta(hours=1),
        )
        fleet.publisher.scan()
        wait_for(
            lambda: all(k.metric("kiosk_announcement_showing") == 1 for k in fleet.kiosks),
            60,
            "the announcement on both kiosks",
            explain=fleet.describe,
        )
        print(f"announcement on both kiosks after {time.monotonic() - started:.1f} s")
        withdraw(fleet.folder)
        fleet.publisher.scan()
        wait_for(
            lambda: all(k.metric("kiosk_announcement_showing") == 0 for k in fleet.kiosks),
            60,
            "the announcement withdrawn",
            explain=fleet.describe,
        )

        # An interrupted publish: its files travel, its manifest never comes. Not shown.
        make_exhibition(fleet.source, "Interrupted title", colour="blue")
        with pytest.raises(Interrupted):
            publish(fleet.config, fleet.folder, before_manifest=interrupt)
        fleet.publisher.scan()
        published_yaml = fleet.folder / "exhibition/exhibition.yaml"
        for kiosk in fleet.kiosks:
            arrived = kiosk.received / "exhibition/exhibition.yaml"
            wait_for(
                lambda a=arrived: a.exists() and file_sha256(a) == file_sha256(published_yaml),
                60,
                f"the interrupted files on {kiosk.name}",
                explain=fleet.describe,
            )
        time.sleep(3)  # more than a poll of the taker: it looked, and kept what it shows
        assert [k.shown_publish() for k in fleet.kiosks] == [second, second]

        # A publish that does not load on the kiosks (valid manifest, broken YAML): refused.
        break_publish(fleet.folder, new_id=True)
        fleet.publisher.scan()
        wait_for(
            lambda: all(k.sync_state() == "refused" for k in fleet.kiosks),
            60,
            "both kiosks refusing",
            explain=fleet.describe,
        )
        assert [k.shown_publish() for k in fleet.kiosks] == [second, second]
        assert all("hologram" in k.log() for k in fleet.kiosks)

        # Prometheus scrapes both; one killed, "kiosk down" fires for it alone.
        wait_for(
            lambda: len(fleet.prometheus.api("query", query='up{job="kiosk"} == 1')["result"]) == 2,
            60,
            "Prometheus scraping both kiosks",
            explain=fleet.describe,
        )
        killed = fleet.kiosks[1]
        killed.kill()
        firing = wait_for(lambda: fleet.prometheus.firing("KioskDown"), 60, "KioskDown firing")
        assert [alert["labels"]["instance"] for alert in firing] == [f"127.0.0.1:{killed.port}"]
        assert fleet.kiosks[0].shown_publish() == second
    finally:
        fleet.stop()
