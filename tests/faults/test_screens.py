"""Screens unplugged, plugged and resized: Xorg's dummy driver, real RandR outputs, the real kiosk."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .kiosk_process import kiosk_env, launch
from .xserver import DummyX

pytestmark = [pytest.mark.vlc, pytest.mark.slow]


def _wait_geometry(server: DummyX, wanted: str, timeout: float = 15.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if server.window_geometry() == wanted:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"the kiosk's window is {server.window_geometry()!r}, not {wanted}")


def _lit_rows(picture: Path, box: tuple[int, int, int, int]) -> tuple[int, int]:
    """The first and last rows of ``box`` (left, top, right, bottom) with something bright drawn on them."""
    from PIL import Image

    with Image.open(picture) as image:
        lit = image.convert("L").crop(box).point(lambda value: 255 if value > 60 else 0).getbbox()
    return (lit[1], lit[3]) if lit else (-1, -1)


def test_the_full_screen_window_and_its_layout_follow_the_screens(dummy_x: DummyX, tmp_path, capsys) -> None:
    dummy_x.start()
    dummy_x.output("DUMMY0", "1280x720")
    kiosk = launch(kiosk_env(tmp_path, dummy_x.name), "--size", "1280x720")
    times: dict[str, float] = {}
    try:
        kiosk.next_frame(timeout=60)
        assert dummy_x.window_geometry() == "1280x720+0+0"
        # A new resolution (the screen's own setting, or another screen plugged in its place).
        dummy_x.output("DUMMY0", "1920x1080")
        times["resized to 1920x1080"] = _wait_geometry(dummy_x, "1920x1080+0+0")
        # A second screen appears: the kiosk stays on its own.
        dummy_x.output("DUMMY1", "1280x720", "--right-of", "DUMMY0")
        time.sleep(1.0)
        assert dummy_x.window_geometry() == "1920x1080+0+0"
        # Its screen is unplugged: the kiosk moves to the one left.
        dummy_x.output("DUMMY0", None)
        times["its screen unplugged"] = _wait_geometry(dummy_x, "1280x720+1920+0")
        # Smaller than the kiosk was made for: the layout follows (the invitation at the bottom).
        dummy_x.output("DUMMY1", "1024x768", "--pos", "0x0")
        times["the screen left resized to 1024x768"] = _wait_geometry(dummy_x, "1024x768+0+0")
        time.sleep(1.5)  # a few attract frames at the new size
        shot = dummy_x.screenshot(tmp_path / "screens-1024x768.png")
        top, bottom = _lit_rows(shot, (0, 0, 1024, 768))
        assert bottom > 700, f"nothing drawn near the bottom of a 768-pixel screen (rows {top}-{bottom})"
        assert kiosk.process.poll() is None, "\n".join(kiosk.log[-30:])
    finally:
        code = kiosk.stop()
    with capsys.disabled():
        print("\n" + "; ".join(f"{what}: window followed in {seconds:.2f} s" for what, seconds in times.items()))
    assert code == 0, "\n".join(kiosk.log[-30:])
