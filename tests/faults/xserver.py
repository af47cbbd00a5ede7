"""A real Xvfb on a display number chosen before it starts, so a kiosk can be pointed at it first."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest


def free_display() -> int:
    """A display number with no server, no socket and no lock file; where the search starts depends
    on the process, so two test runs on one machine rarely reach for the same number."""
    first = 150 + os.getpid() % 200
    for number in [*range(first, 400), *range(150, first)]:
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
            ["Xvfb", self.name, "-screen", "0", f"{self.size}x24", "-nolisten", "tcp", "+extension", "RANDR", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
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


_DUMMY_CONF = """
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0 - 1000.0
    VertRefresh 5.0 - 200.0
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 4096 2160
    EndSubSection
EndSection
"""


class DummyX(Xvfb):
    """Xorg with the dummy video driver: real RandR outputs (DUMMY0, DUMMY1...) that a test turns
    on, off and resizes with xrandr, as an HDMI cable or a touchscreen switched off would."""

    def __init__(self, number: int, folder: Path) -> None:
        if (
            shutil.which("Xorg") is None
            or shutil.which("xrandr") is None
            or not any(Path(p).is_file() for p in ("/usr/lib/xorg/modules/drivers/dummy_drv.so",))
        ):
            pytest.skip("needs Xorg, xrandr and the dummy video driver (scripts/setup.sh installs them)")
        self.number = number
        self.folder = folder
        self.process = None
        (folder / "xorg.conf").write_text(_DUMMY_CONF)

    def start(self, *extra: str) -> float:
        self.process = subprocess.Popen(
            [
                "Xorg",
                self.name,
                "-config",
                str(self.folder / "xorg.conf"),
                "-noreset",
                "-nolisten",
                "tcp",
                "-logfile",
                str(self.folder / "xorg.log"),
                *extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        from kiosk.display_wait import _x11, is_up

        display = _x11(self.name)
        assert display is not None
        deadline = time.monotonic() + 20
        while not is_up(display, timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xorg {self.name} did not start: {(self.folder / 'xorg.log').read_text()[-2000:]}")
            time.sleep(0.05)
        return time.monotonic()

    def xrandr(self, *arguments: str) -> str:
        done = subprocess.run(
            ["xrandr", "--display", self.name, *arguments], capture_output=True, text=True, timeout=20
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def output(self, name: str, size: str | None, *placement: str) -> None:
        """Turn an output on at ``size`` (``--right-of DUMMY0``...), or off with None."""
        if size is None:
            self.xrandr("--output", name, "--off")
            return
        modes = self.xrandr("--query")
        block = modes.split(name + " ", 1)[1].split("\nDUMMY", 1)[0]
        if f"   {size} " not in block:
            self.xrandr("--addmode", name, size)
        self.xrandr("--output", name, "--mode", size, *placement)

    def window_geometry(self, title: str = "Kiosk") -> str:
        """The top-level window's geometry as xwininfo says it: '1280x720+0+0'."""
        done = subprocess.run(
            ["xwininfo", "-display", self.name, "-root", "-children"], capture_output=True, text=True, timeout=20
        )
        for line in done.stdout.splitlines():
            if f'"{title}":' in line:
                return line.split(")")[-1].split()[0]
        return ""

    def screenshot(self, path: Path) -> Path:
        subprocess.run(["import", "-display", self.name, "-window", "root", str(path)], check=True, timeout=30)
        return path


@pytest.fixture
def dummy_x(tmp_path):
    server = DummyX(free_display(), tmp_path)
    yield server
    server.stop()
