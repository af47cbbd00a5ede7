"""Recovery of the real kiosk: kill -9 it under the supervisor, time the new one's first attract frame.

The kiosk must be back in its attract loop within 5 s. That is a functional requirement, so it is
asserted here (the measured figure, usually about a second here, is also printed and is
a row of bench/run_all.py through measure.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .measure import TARGET_S, measure, start

pytestmark = [pytest.mark.slow, pytest.mark.vlc]


def test_kill_9_brings_the_attract_loop_back_within_5_s(tmp_path, capsys) -> None:
    # The shipped command line, default policy: two kills are two isolated deaths (a loop is three).
    result = measure(kills=2, scratch=tmp_path, real=True)
    recoveries = result.recoveries_s
    with capsys.disabled():
        print(
            f"\nrecovery after kill -9: {', '.join(f'{r:.2f} s' for r in recoveries)}; "
            f"cold start {result.cold_start_s:.2f} s"
        )
    assert all(r < TARGET_S for r in recoveries), recoveries
    log = "\n".join(result.log)
    assert log.count("was killed by SIGKILL") == 2, log[-3000:]
    assert result.supervisor_exit == 0, log[-3000:]


def test_a_stopped_supervisor_leaves_no_kiosk_behind(tmp_path) -> None:
    import psutil

    supervised = start(None, tmp_path)
    frame = supervised.next_frame(timeout=90)
    assert supervised.stop() == 0
    assert not psutil.pid_exists(frame.pid) or psutil.Process(frame.pid).status() == psutil.STATUS_ZOMBIE
    assert any("SIGTERM received: stopping kiosk" in line for line in supervised.log)


def test_the_systemd_unit_restarts_the_kiosk() -> None:
    """With systemd as supervisor instead: needs a running systemd (PID 1) and the packaging unit."""
    from pathlib import Path

    units = sorted(Path(__file__).resolve().parents[2].glob("packaging/**/*.service"))
    if not units:
        pytest.skip("no systemd unit in packaging/ yet (packaging helper)")
    if shutil.which("systemctl") is None or not Path("/run/systemd/system").is_dir():
        pytest.skip(
            "systemd is not running here (a container without an init system): the unit's "
            "Restart= setting cannot be exercised; see docs/reliability.md for the manual check"
        )
    done = subprocess.run(["systemd-analyze", "verify", str(units[0])], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = units[0].read_text()
    assert "Restart=always" in text or "Restart=on-failure" in text
    assert sys.platform.startswith("linux")


def test_sigterm_quits_the_kiosk_cleanly(tmp_path) -> None:
    """systemd stops the kiosk with SIGTERM: it must leave its event loop and close in order
    (analytics committed, libVLC stopped), exiting 0, not die where it stands (-15)."""
    import os
    import signal

    from .measure import FRAME, PROBE, environment

    process = subprocess.Popen(
        [sys.executable, str(PROBE), "run", "--windowed", "--size", "640x360"],
        env=environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output: list[str] = []
    try:
        for line in process.stdout:
            output.append(line)
            if FRAME.search(line):
                break
        assert process.poll() is None, "".join(output[-30:])
        os.kill(process.pid, signal.SIGTERM)
        rest, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = "".join(output) + rest
    assert process.returncode == 0, text[-3000:]
    assert "SIGTERM received: quitting" in text, text[-3000:]
