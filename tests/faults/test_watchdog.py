"""Frozen picture: the watchdog's rules on an injected clock, then the real kiosk frozen under the real supervisor."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from kiosk.watchdog import FROZEN_CODE, Watchdog, sd_notify
from tests.recovery.measure import start

from .kiosk_process import wait_for_line

HERE = Path(__file__).resolve().parent


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_ui_rule_and_the_frame_rule() -> None:
    clock = Clock()
    dog = Watchdog(ui_timeout=15, frame_timeout=30, clock=clock)
    dog.ui_beat(animating=False)
    clock.now += 60  # a visitor reads a still panel for a minute: no frame, beats go on
    dog.ui_beat(animating=False)
    assert dog.check() == ""
    dog.ui_beat(animating=True)  # back on the loop: the frame rule starts now, not a minute ago
    assert dog.check() == ""
    clock.now += 20
    dog.ui_beat(animating=True)
    dog.frame()
    clock.now += 29
    dog.ui_beat(animating=True)
    assert dog.check() == ""
    clock.now += 2
    dog.ui_beat(animating=True)
    assert dog.check().startswith("no frame painted for 31 s")
    dog.frame()
    clock.now += 16  # no beat: the UI thread is stuck, frames or not
    dog.frame()
    assert dog.check() == "the UI thread has not run for 16 s"
    assert Watchdog(ui_timeout=0, frame_timeout=0, clock=clock).check() == ""
    assert Watchdog(ui_timeout=2, frame_timeout=30).check_every == 0.5


def test_systemd_hears_the_watchdog_on_its_notify_socket(tmp_path) -> None:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(path)})
        assert server.recv(64) == b"WATCHDOG=1"
    assert not sd_notify("WATCHDOG=1", {})


@pytest.mark.slow
@pytest.mark.vlc
@pytest.mark.parametrize(
    ("how", "reason"),
    [("ui", "the UI thread has not run for"), ("hide", "no frame painted for")],
)
def test_a_frozen_kiosk_is_restarted_by_its_watchdog(tmp_path, capsys, how: str, reason: str) -> None:
    supervised = start(
        None,
        tmp_path,
        real=True,
        env_extra={
            "KIOSK_PROBE_EXTRA": "freezer",
            "PYTHONPATH_EXTRA": str(HERE),
            "KIOSK_TEST_FREEZE": how,
            "KIOSK_WATCHDOG_UI_S": "2",
            "KIOSK_WATCHDOG_FRAME_S": "3",
        },
    )
    try:
        first = supervised.next_frame(timeout=90)
        wait_for_line(supervised, "KIOSK-TEST-FROZEN", timeout=30)
        frozen_at = float(re.search(r"KIOSK-TEST-FROZEN \w+ pid=\d+ mono=([\d.]+)", "\n".join(supervised.log)).group(1))  # type: ignore[union-attr]
        frame = supervised.next_frame(timeout=60, not_pid=first.pid)
    finally:
        code = supervised.stop()
    log = "\n".join(supervised.log)
    with capsys.disabled():
        print(f"\nfrozen ({how}) to the new kiosk's first frame: {frame.mono - frozen_at:.2f} s")
    assert f"the kiosk is frozen ({reason}" in log, log[-3000:]
    assert f"was ended by its watchdog, frozen (code {FROZEN_CODE})" in log, log[-3000:]
    if how == "ui":
        assert re.search(r'freezer\.py", line \d+ in freeze', log), "the stack of the stuck UI thread is logged"
    assert code == 0
