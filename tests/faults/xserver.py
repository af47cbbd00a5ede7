"""A real Xvfb on a display number chosen before it starts, so a kiosk can be pointed at it first."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest


def free_display() -> int:
    """A display number with no server, no socket and no lock file."""
    for number in range(150, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("every X display number here is taken")


class Xvfb:
    """``start()`` and ``stop()`` a real Xvfb on one display number, as often as a test likes."""

    def __init__(self, number: int, size: str = "1280x720") -> None:
        if shutil.which("Xvfb") is None:
            pytest.skip("needs Xvfb (scripts/setup.sh installs it)")
        self.number = number
        self.size = size
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def name(self) -> str:
        return f":{self.number}"

    def start(self, *extra: str) -> float:
        """Start the server and return the monotonic time it began answering."""
        self.process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", f"{self.size}x24", "-nolisten", "tcp", "+extension", "RANDR",
             *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        from kiosk.display_wait import _x11, is_up

        display = _x11(self.name)
        assert display is not None
        deadline = time.monotonic() + 15
        while not is_up(display, timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {self.name} did not start")
            time.sleep(0.02)
        return time.monotonic()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        # A killed server may leave its lock and socket; the next start must not trip on them.
        for leftover in (Path(f"/tmp/.X{self.number}-lock"), Path(f"/tmp/.X11-unix/X{self.number}")):
            leftover.unlink(missing_ok=True)


@pytest.fixture
def xvfb():
    server = Xvfb(free_display())
    yield server
    server.stop()
