"""On Wayland: an excerpt's frames reach the compositor's screen, read back from its screenshot.

A real compositor (weston, headless, CPU renderer, desktop shell) serves a Wayland display; the
kiosk's VideoPlayer plays the numbered clip full screen on it as a Wayland client, and weston's
own screenshooter captures the output. Nothing here is offscreen: the picture the test reads is
the one the compositor would put on a panel.
(weston's kiosk shell is not used: in weston 10 its headless screenshots are black for every
client, Qt or not.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from clips import Clip, read_frame_number
from PIL import Image

pytestmark = pytest.mark.vlc

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


@pytest.fixture
def wayland(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A headless weston; yields the environment of a client of it."""
    if shutil.which("weston") is None or shutil.which("weston-screenshooter") is None:
        pytest.fail("weston is needed for the Wayland test (bash scripts/setup.sh test installs it)")
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    socket = f"kiosk-test-{os.getpid()}"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": socket}
    env.pop("DISPLAY", None)
    log = (tmp_path / "weston.log").open("w")
    # --debug lets weston-screenshooter capture the output.
    compositor = subprocess.Popen(
        [
            "weston",
            "--backend=headless-backend.so",
            "--use-pixman",
            f"--socket={socket}",
            "--width=1280",
            "--height=720",
            "--idle-time=0",
            "--debug",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while not (runtime / socket).exists():  # weston has no readiness signal: watch for its socket
        if compositor.poll() is not None or time.monotonic() > deadline:
            log.close()
            pytest.fail("weston did not start: " + (tmp_path / "weston.log").read_text()[-2000:])
        time.sleep(0.05)
    yield env
    compositor.terminate()
    compositor.wait(10)
    log.close()


def test_excerpt_frames_reach_a_wayland_compositor(wayland: dict[str, str], clip: Clip, tmp_path: Path) -> None:
    env = {**wayland, "QT_QPA_PLATFORM": "wayland", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(HERE / "wayland_child.py"), str(clip.path), str(tmp_path)],
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()
        assert line, f"the player exited early: {child.stderr.read() if child.stderr else ''}"[-3000:]
        shown = json.loads(line)
        assert "error" not in shown, shown
        assert shown["platform"] == "wayland"
        assert 60 <= shown["number"] <= 150, shown  # a frame of the excerpt (2 s to 5 s at 30 fps)

        shot_dir = tmp_path / "shots"
        shot_dir.mkdir()
        subprocess.run(
            ["weston-screenshooter"], env=wayland, cwd=shot_dir, timeout=30, check=True, stdin=subprocess.DEVNULL
        )
        [shot] = shot_dir.glob("*.png")
        screen = Image.open(shot).convert("RGBA")
        pixels = screen.tobytes("raw", "BGRA")
        assert read_frame_number(pixels, screen.width, screen.height) == shown["number"], (
            f"the compositor shows another picture than the player's paused frame ({shown})"
        )
        child.stdin.write("done\n")
        child.stdin.flush()
        assert child.wait(20) == 0, child.stderr.read() if child.stderr else ""
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
