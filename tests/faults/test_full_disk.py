"""A full disk: a real 2 MB tmpfs filled to the last byte under the logs, the analytics and the kiosk."""

from __future__ import annotations

import logging
import sqlite3
import time

import pytest

from kiosk import logs
from kiosk.analytics import VisitRecorder
from kiosk.doctor import machine
from kiosk.doctor.findings import Status
from kiosk.navigation.events import PanelShown, VisitEnded, VisitStarted
from tests.recovery.measure import PROBE, Supervised

from .small_disk import SmallDisk


def _visit(recorder: VisitRecorder, at: float, panels: int = 3) -> None:
    recorder(VisitStarted(at=at, language="fr"))
    for n in range(panels):
        recorder(PanelShown(at=at + n + 1, chapter_id="story", panel_id=f"panel-{n}"))
    recorder(VisitEnded(at=at + panels + 1, reason="idle"))


def _until(condition, timeout: float = 10.0, every: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True


def test_analytics_pause_on_a_full_disk_and_resume_with_a_whole_database(small_disk: SmallDisk, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.analytics")
    path = small_disk.root / "analytics.sqlite3"
    recorder = VisitRecorder(path, exhibition="forum", commit_interval=0.02, low_space=0, retry_every=0.2)
    try:
        _visit(recorder, 1000.0)
        assert recorder.flush()
        small_disk.fill()
        at = 2000.0
        while not recorder.paused:  # visitors go on; the writes fail for lack of room
            _visit(recorder, at, panels=20)
            at += 100
            recorder.flush(timeout=2)
            assert at < 2000 + 100 * 2000, "the disk never filled up"
        assert not recorder.failed
        small_disk.make_room()

        def back() -> bool:
            nonlocal at
            _visit(recorder, at)
            at += 100
            return recorder.flush(timeout=2)

        assert _until(back, timeout=10, every=0.05), "analytics did not resume once there was room"
        assert recorder.dropped > 0
    finally:
        recorder.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    starts = [row[0] for row in db.execute("SELECT started_at FROM visits ORDER BY id")]
    assert starts[0] == 1000.0 and starts[-1] >= 2000.0  # the first visit kept, visits after the pause
    views = db.execute("SELECT count(*) FROM panel_views WHERE visit_id = 1").fetchone()[0]
    assert views == 3
    messages = [r.getMessage() for r in caplog.records]
    assert sum("analytics paused, the disk is full" in m for m in messages) == 1, messages
    assert any("analytics resumed" in m for m in messages), messages


def test_analytics_never_fill_the_disk_themselves(small_disk: SmallDisk) -> None:
    path = small_disk.root / "analytics.sqlite3"
    recorder = VisitRecorder(path, commit_interval=0.02, low_space=small_disk.free() + 1, retry_every=60)
    try:
        assert recorder.flush()  # opened, schema written
        used = small_disk.used()
        for n in range(50):
            _visit(recorder, 1000.0 + 100 * n)
        assert not recorder.flush()
        assert recorder.paused and not recorder.failed and recorder.dropped == 50 * 5
    finally:
        recorder.close()
    assert small_disk.used() <= used  # the checkpoint at close moved the journal in, nothing more
    assert sqlite3.connect(path).execute("SELECT count(*) FROM visits").fetchone() == (0,)


@pytest.fixture
def restore_logging():
    yield
    root = logging.getLogger()
    for handler in list(logs._OUR_HANDLERS):
        root.removeHandler(handler)
        handler.close()
    logs._OUR_HANDLERS.clear()


def test_the_log_file_on_a_full_disk_goes_quiet_then_says_what_is_missing(
    small_disk: SmallDisk, capfd, restore_logging
) -> None:
    path = logs.setup_logging(directory=small_disk.root, max_bytes=256 * 1024, backup_count=2, install_hooks=False)
    assert path is not None
    log = logging.getLogger("kiosk.test")
    log.info("before the disk filled")
    small_disk.fill()
    for n in range(300):
        log.info("line %d while the disk is full %s", n, "x" * 100)
    err = capfd.readouterr().err
    assert "--- Logging error ---" not in err and "Traceback" not in err, err[-2000:]
    assert err.count("kiosk: the disk is full:") == 1
    assert "line 299 while the disk is full" in err  # stderr (the journal) still has every line
    small_disk.make_room()
    log.info("after room came back")
    text = path.read_text()
    assert "before the disk filled" in text and "after room came back" in text
    assert "line(s) before this one are missing (the disk was full)" in text


def test_logs_stay_within_their_files(tmp_path, restore_logging) -> None:
    folder = tmp_path / "logs"
    logs.setup_logging(directory=folder, max_bytes=64 * 1024, backup_count=2, install_hooks=False, stderr=False)
    log = logging.getLogger("kiosk.test")
    for n in range(5000):
        log.info("line %d %s", n, "y" * 100)
    sizes = sorted(p.stat().st_size for p in folder.iterdir())
    assert len(sizes) == 3 and sum(sizes) <= 3 * 64 * 1024, sizes


def test_the_doctor_says_the_disk_is_full(small_disk: SmallDisk) -> None:
    small_disk.fill()
    finding = machine.check_disk([small_disk.root / "logs", small_disk.root / "data"])
    assert finding.status is Status.FAIL
    assert str(small_disk.root) in finding.summary and finding.summary.startswith("0 ")


@pytest.mark.slow
@pytest.mark.vlc
def test_the_kiosk_shows_the_exhibition_on_a_full_disk(small_disk: SmallDisk, tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys

    from tests.recovery.measure import environment

    env = environment(tmp_path)
    env.update(KIOSK_LOG_DIR=str(small_disk.root / "logs"), KIOSK_DATA_DIR=str(small_disk.root / "data"))
    (small_disk.root / "logs").mkdir()
    small_disk.fill()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), "run", "--size", "1280x720"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    running = Supervised(process)
    import threading

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            running.log.append(line.rstrip("\n"))
            running.lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    try:
        running.next_frame(timeout=90)
        time.sleep(2.0)  # the attract loop runs on, logging and recording where it can
        assert process.poll() is None, "\n".join(running.log[-30:])
        os.kill(process.pid, signal.SIGTERM)
        assert process.wait(timeout=30) == 0, "\n".join(running.log[-30:])
    finally:
        if process.poll() is None:
            process.kill()
    text = "\n".join(running.log)
    assert "Traceback" not in text, text[-3000:]
