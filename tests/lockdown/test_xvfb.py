"""The lock-down on a real X server with no window manager (a kiosk started by xinit).

Starts its own Xvfb (``-displayfd``), runs the locked-down harness window in a child process
on it, and checks with the X tools, not with Qt's word: the window covers the whole screen,
real key presses (xdotool, through XTEST) of every exit shortcut leave it open, and the X
screensaver is off while the kiosk runs and back as it was after the staff exit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from xvfb_server import xvfb

PROBE = Path(__file__).with_name("xvfb_probe.py")
WIDTH, HEIGHT = 1280, 720
XDOTOOL_EXIT_KEYS = ["Escape", "alt+F4", "ctrl+q", "ctrl+w", "alt+Tab", "ctrl+alt+BackSpace", "ctrl+F4"]

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xwininfo") and shutil.which("xdotool")),
    reason="needs Xvfb, xwininfo and xdotool",
)


@pytest.fixture
def display() -> Iterator[str]:
    # No reset when the last client leaves: else the server's own defaults would come back by
    # themselves and the restore check below would prove nothing.
    with xvfb(f"{WIDTH}x{HEIGHT}", "-noreset") as name:
        if name is None:
            pytest.skip("Xvfb did not start")
        yield name


def x_env(display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_QUICK_BACKEND="software")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no desktop: the X screensaver path is the one tested
    return env


def start_probe(display: str, stop: Path, *extra: str) -> tuple[subprocess.Popen[str], int]:
    probe = subprocess.Popen(
        [sys.executable, str(PROBE), "--stop", str(stop), *extra],
        env=x_env(display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert probe.stdout is not None
    line = probe.stdout.readline()  # blocks until READY, or "" if the probe died
    if not line.startswith("READY"):
        probe.kill()
        _out, err = probe.communicate(timeout=10)
        pytest.fail(f"the probe did not start: {line!r}\n{err}")
    return probe, int(line.split()[1])


def finish(probe: subprocess.Popen[str], stop: Path) -> tuple[int, str, str]:
    stop.touch()
    out, err = probe.communicate(timeout=20)
    return probe.returncode, out, err


def xwininfo(display: str, *args: str) -> dict[str, str]:
    text = subprocess.run(["xwininfo", *args], env=x_env(display), capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, value in re.findall(r"^\s*([^:\n]+):\s*(.*)$", text, re.M)}


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=x_env(display), check=True, timeout=10)


def screensaver_timeout(display: str) -> int | None:
    """The X screensaver timeout, as ``xdpyinfo`` would not say it: read through our own Xlib call."""
    code = (
        "from kiosk.ui.lockdown.blanking import x11_screensaver_settings as s; v = s(); print(v.timeout if v else -1)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=x_env(display),
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    return int(out.strip())


def test_without_lockdown_xdotool_keys_close_the_window(display: str, tmp_path: Path) -> None:
    # The control: the same real key presses do reach and close the harness when not locked down.
    probe, _window = start_probe(display, tmp_path / "stop", "--no-lockdown")
    xdotool(display, "mousemove", "100", "100")
    xdotool(display, "key", "ctrl+w")
    _code, out, err = finish(probe, tmp_path / "stop")
    assert "FIRED Ctrl+W" in out, err


def test_locked_down_window_covers_the_screen_and_stays(display: str, tmp_path: Path) -> None:
    stop = tmp_path / "stop"
    before = screensaver_timeout(display)
    probe, window = start_probe(display, stop)
    try:
        root = xwininfo(display, "-root")
        info = xwininfo(display, "-id", str(window))
        assert (root["Width"], root["Height"]) == (str(WIDTH), str(HEIGHT))
        assert info["Map State"] == "IsViewable"
        assert (info["Absolute upper-left X"], info["Absolute upper-left Y"]) == ("0", "0")
        assert (info["Width"], info["Height"]) == (str(WIDTH), str(HEIGHT))
        # No window manager, yet the screen saver is off while the kiosk runs.
        assert screensaver_timeout(display) == 0

        xdotool(display, "mousemove", str(WIDTH // 2), str(HEIGHT // 2))
        for keys in XDOTOOL_EXIT_KEYS:
            xdotool(display, "key", keys)
        assert probe.poll() is None, "the kiosk process ended"
        assert xwininfo(display, "-id", str(window))["Map State"] == "IsViewable"
    finally:
        code, out, err = finish(probe, stop)
    assert code == 0, err
    lines = out.splitlines()
    assert "FIRED " in lines, out  # no shortcut fired
    # The staff exit put the server's screensaver back as it found it.
    assert before == 600
    assert screensaver_timeout(display) == before
