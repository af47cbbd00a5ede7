"""The staff exit quits a locked-down kiosk, end to end, in a process of its own (it runs app.exec)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("exit_probe.py")


def run(wiring: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, str(PROBE), "--wiring", wiring], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout


@pytest.mark.parametrize("wiring", ["lockdown", "app-quit", "both"])
def test_right_pin_then_exit_quits_the_locked_down_kiosk(wiring: str) -> None:
    code, out = run(wiring)
    assert code == 0
    assert "VISIBLE 0" in out


def test_a_quit_without_the_staff_exit_is_refused() -> None:
    # Qt 6 quits by closing windows, and the lock-down refuses them until staff authorise it.
    code, out = run("no-staff")
    assert code == 3
    assert "VISIBLE 1" in out
