"""The fleet's parts in a real kiosk window: taking a publish through live reload, the announcement
banner, and the metrics endpoint scraped over loopback."""

from __future__ import annotations

import logging
import os
import re
import socket
import threading
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputDevice, QPointingDevice
from PySide6.QtQml import QQmlExpression, qmlContext
from PySide6.QtTest import QTest
from ui.driver import KioskDriver, make_kiosk

from kiosk.fleet import qt_hook
from kiosk.fleet.announcements import ANNOUNCEMENT_NAME, withdraw, write_announcement
from kiosk.fleet.metrics import KioskMetrics, MetricsUnavailable
from kiosk.fleet.publish import publish
from kiosk.fleet.qt_hook import AnnouncementModel, FleetHook, prepare
from kiosk.fleet.take import Taker
from kiosk.loader import load_exhibition
from kiosk.navigation import Timeouts
from kiosk.ui.staff_tools.closed_guard import find_item

from .helpers import break_publish, make_exhibition, sync

pytestmark = pytest.mark.qt_log_ignore(r"kiosk/qml/Kiosk/\w+PanelView\.qml:\d+")

_DEVICE: list[QPointingDevice] = []
TEXTS = {"en": "The booth closes at 6 pm", "fr": "Le stand ferme à 18 h", "ar": "يغلق الجناح الساعة السادسة مساءً"}


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        return str(response.read().decode())


def value(text: str, name: str) -> float:
    match = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    assert match, f"{name} not in the metrics"
    return float(match.group(1))


@pytest.fixture
def device(qapp: Any) -> QPointingDevice:
    if not _DEVICE:
        _DEVICE.append(QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen))
    return _DEVICE[0]


def test_the_announcement_model_follows_its_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = [datetime.now().astimezone().timestamp()]
    model = AnnouncementModel(tmp_path, languages=("fr", "en", "ar"), poll_ms=20, now=lambda: now[0])
    assert not model.property("showing")
    write_announcement(tmp_path, TEXTS, datetime.now().astimezone() + timedelta(hours=1), level="urgent")
    qtbot.waitUntil(lambda: model.property("showing"), timeout=3000)
    lines = model.property("lines")
    assert [line["language"] for line in lines] == ["fr", "en", "ar"]  # the exhibition's order
    assert [line["rtl"] for line in lines] == [False, False, True]
    assert model.property("level") == "urgent"
    now[0] += 2 * 3600  # past its expiry
    qtbot.waitUntil(lambda: not model.property("showing"), timeout=3000)
    now[0] -= 2 * 3600
    qtbot.waitUntil(lambda: model.property("showing"), timeout=3000)
    withdraw(tmp_path)
    qtbot.waitUntil(lambda: not model.property("showing"), timeout=3000)
    (tmp_path / ANNOUNCEMENT_NAME).write_text('{"format": 1, "texts": {}}')
    qtbot.waitUntil(lambda: bool(model.problem), timeout=3000)
    assert not model.property("showing")


def test_a_look_that_cannot_start_is_tried_again_at_the_next_tick(qtbot, tmp_path: Path, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    """No thread to be had for one look (memory short, a thread limit): the next tick looks and takes the
    publish. The look's lock used to stay taken, and the kiosk never looked at its folder again."""
    source, folder, received, state = (tmp_path / name for name in ("source", "publish", "received", "state"))
    publish(make_exhibition(source), folder)
    sync(folder, received)
    taker = Taker(received, state)
    hook = FleetHook(taker=taker, metrics=None, poll_ms=50)

    class NoThreadOnce(threading.Thread):
        refusals = 1

        def start(self) -> None:
            if NoThreadOnce.refusals:
                NoThreadOnce.refusals -= 1
                raise RuntimeError("can't start new thread")
            super().start()

    monkeypatch.setattr(qt_hook, "threading", SimpleNamespace(Thread=NoThreadOnce))
    try:
        hook.check_soon()  # as the poll timer calls it: the thread is refused
        assert NoThreadOnce.refusals == 0 and taker.current() is None
        qtbot.waitUntil(lambda: hook.check_soon() or taker.current() is not None, timeout=5000)
    finally:
        hook.close()
    assert "cannot look at the received folder now: can't start new thread" in caplog.text


def test_metrics_say_so_when_their_port_is_taken(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(MetricsUnavailable, match=f"127.0.0.1:{port}"):
            KioskMetrics().serve(f"127.0.0.1:{port}")
        config = make_exhibition(tmp_path / "source")
        shown, hook = prepare(config, fleet=None, state=tmp_path / "state", metrics_address=f"127.0.0.1:{port}")
    assert shown == config and hook.metrics is None  # the kiosk runs on, without metrics
    assert "the kiosk runs without metrics" in capsys.readouterr().err


def test_the_frame_age_grows_while_no_frame_is_painted(tmp_path: Path) -> None:
    clock = [100.0]
    metrics = KioskMetrics(disk=tmp_path, clock=lambda: clock[0])
    _host, port = metrics.serve("127.0.0.1:0")
    try:
        clock[0] += 42
        text = scrape(port)
        assert value(text, "kiosk_seconds_since_last_frame") == 42
        metrics.frame_painted()
        assert value(scrape(port), "kiosk_seconds_since_last_frame") == 0
        assert value(text, "kiosk_up") == 1
        assert value(text, "kiosk_disk_size_bytes") > value(text, "kiosk_disk_free_bytes") > 0
        assert value(text, "process_resident_memory_bytes") > 10e6
    finally:
        metrics.close()


def test_a_kiosk_takes_publishes_shows_announcements_and_serves_metrics(  # type: ignore[no-untyped-def]
    qtbot, device, tmp_path: Path, monkeypatch
) -> None:
    from kiosk.ui.staff_tools.attach import StaffTools

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    source, folder, received, state = (tmp_path / name for name in ("source", "publish", "received", "state"))
    config = make_exhibition(source)
    publish(config, folder)
    sync(folder, received)
    shown, hook = prepare(
        Path("unused.yaml"),
        fleet=received,
        state=state,
        metrics_address="127.0.0.1:0",
        poll_ms=50,
        announcement_poll_ms=50,
    )
    assert shown == state / "current/exhibition/exhibition.yaml"
    result = load_exhibition(shown)
    tools = StaffTools(shown, result, preview=False, analytics=False)
    driver: KioskDriver = make_kiosk(qtbot, device, result, timeouts=Timeouts(idle=60, countdown=10, tap_gap=0.05))
    try:
        tools.attach(driver.app)
        hook.attach(driver.app, tools)
        assert hook.metrics is not None
        port = hook.metrics.port
        assert driver.app.navigator.exhibitionTitle["text"] == "First title"

        # A new publish arrives whole: taken, and applied (the kiosk is at rest on its attract loop).
        make_exhibition(source, "Second title", colour="blue")
        second = publish(config, folder).manifest
        with qtbot.waitSignal(tools.reload.applied, timeout=10000):
            sync(folder, received)
        assert driver.app.navigator.exhibitionTitle["text"] == "Second title"
        metrics = scrape(port)
        assert f'publish_id="{second.publish_id}"' in metrics
        assert value(metrics, "kiosk_shown_publish_timestamp_seconds") == pytest.approx(second.published_at)
        assert value(metrics, 'kiosk_sync_state{kiosk_sync_state="current"}') == 1
        assert value(metrics, "kiosk_seconds_since_last_frame") < 5
        assert value(metrics, "kiosk_content_intact") == 1

        # A picture of the shown release changed by hand: found at the next look and taken again from the
        # publish; the screen reads the repaired release.
        hook.verify_every = 1
        picture = state / "current/exhibition/media/images/photo.png"
        os.chmod(picture, 0o644)
        picture.write_bytes(picture.read_bytes()[:-10])
        with qtbot.waitSignal(tools.reload.applied, timeout=10000):
            pass
        assert value(scrape(port), "kiosk_content_repairs_total") == 1
        assert value(scrape(port), "kiosk_content_intact") == 1
        assert picture.read_bytes() == (folder / "exhibition/media/images/photo.png").read_bytes()
        assert driver.app.store.exhibition.media_root == (state / "current/exhibition/media").resolve()
        hook.verify_every = 1000

        # An announcement, in every language, over the window.
        write_announcement(folder, TEXTS, datetime.now().astimezone() + timedelta(hours=1))
        sync(folder, received)
        root = driver.window.contentItem()
        banner = find_item(root, "announcementBanner")
        assert banner is not None
        qtbot.waitUntil(lambda: banner.property("opacity") == 1.0, timeout=5000)
        for language, text in TEXTS.items():
            line = find_item(root, f"announcementLine_{language}")
            assert line is not None and line.property("text") == text and line.isVisible()
            # Right-to-left text ends at the right edge; the others start at the left one.
            expected = "Text.AlignRight" if language == "ar" else "Text.AlignLeft"
            check = QQmlExpression(qmlContext(line), line, f"effectiveHorizontalAlignment === {expected}")
            assert check.evaluate()[0] is True, language
        qtbot.waitUntil(lambda: value(scrape(port), "kiosk_announcement_showing") == 1, timeout=3000)
        staff_overlay = find_item(root, "staffOverlayLoader")
        assert staff_overlay is not None and banner.z() < staff_overlay.z()  # staff can always reach their panel
        shots = os.environ.get("KIOSK_SHOT_DIR")
        if shots:
            driver.grab().save(str(Path(shots) / "fleet-announcement.png"))

        # A publish that does not load here is refused; the screen keeps the second one.
        make_exhibition(source, "Third title")
        publish(config, folder)
        break_publish(folder)
        sync(folder, received)
        qtbot.waitUntil(lambda: value(scrape(port), 'kiosk_sync_state{kiosk_sync_state="refused"}') == 1, timeout=10000)
        assert driver.app.navigator.exhibitionTitle["text"] == "Second title"

        withdraw(folder)
        sync(folder, received)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)

        # A visitor touches the screen: one visit counted.
        assert value(scrape(port), "kiosk_visits_total") == 0
        driver.tap_at(QPoint(driver.window.width() // 2, driver.window.height() // 2))
        driver.wait_screen("home")
        assert value(scrape(port), "kiosk_visits_total") == 1
        # A film that cannot play, as the player reports it: one failure counted.
        logging.getLogger("kiosk.ui.video.excerpt_player").warning("video panel x (x.mp4): cannot be played")
        assert value(scrape(port), "kiosk_excerpt_failures_total") == 1

        # A publish arriving during the visit is taken at once but shown only when the visit ends.
        make_exhibition(source, "Fourth title")
        fourth = publish(config, folder).manifest
        sync(folder, received)
        qtbot.waitUntil(lambda: tools.reload.pending, timeout=10000)
        assert (state / "current").resolve().name == fourth.publish_id
        assert driver.app.navigator.exhibitionTitle["text"] == "Second title"
        assert f'publish_id="{second.publish_id}"' in scrape(port)
        with qtbot.waitSignal(tools.reload.applied, timeout=5000):
            driver.app.visit.end("idle")
        assert driver.app.navigator.exhibitionTitle["text"] == "Fourth title"
        assert f'publish_id="{fourth.publish_id}"' in scrape(port)
    finally:
        hook.close()
        tools.close()
        driver.app.close()
        qtbot.wait(10)


def test_metrics_without_a_fleet_name_the_exhibition_shown(qtbot, device, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.staff_tools.attach import StaffTools

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    config = make_exhibition(tmp_path / "source")
    shown, hook = prepare(config, fleet=None, state=tmp_path / "state", metrics_address="127.0.0.1:0")
    assert shown == config and hook.metrics is not None
    result = load_exhibition(shown)
    tools = StaffTools(shown, result, preview=False, analytics=False)
    driver = make_kiosk(qtbot, device, result)
    try:
        tools.attach(driver.app)
        hook.attach(driver.app, tools)
        text = scrape(hook.metrics.port)
        assert 'exhibition_id="fleet-test"' in text and 'publish_id=""' in text
        assert value(text, 'kiosk_sync_state{kiosk_sync_state="no-publish"}') == 1
        assert value(text, "kiosk_restarts") == 0
    finally:
        hook.close()
        tools.close()
        driver.app.close()
        qtbot.wait(10)
