"""libVLC draws each picture straight into a pooled buffer, and the frame shown is that very buffer:
no copy on its way to the screen (33 MB a frame at 2160p), and never a buffer still held, nor the
buffer of another picture."""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clips import frame_number, make_clip

from kiosk.video import vlc_engine
from kiosk.video.engine import EngineEvent, Excerpt, Frame

pytestmark = pytest.mark.vlc


class SlowScreen:
    """Takes every frame libVLC displays and holds the last ``hold`` (as the mailbox, the player and
    the picture on screen do), reading each frame's number when it comes and again when let go."""

    def __init__(self, hold: int, wanted: int) -> None:
        self.hold = hold
        self.wanted = wanted
        self.held: list[tuple[Frame, int]] = []
        self.numbers: list[int] = []  # as displayed
        self.overwritten: list[tuple[int, int]] = []  # (number when shown, number when let go)
        self.buffers: list[int] = []  # id() of each frame's pixels
        self.enough = threading.Event()

    def frame_displayed(self, at: float, read: Callable[[], Frame]) -> None:
        if self.enough.is_set():
            return
        frame = read()
        number = frame_number(frame)
        self.numbers.append(number)
        self.buffers.append(id(frame.data))
        self.held.append((frame, number))
        if len(self.held) > self.hold:
            old, shown = self.held.pop(0)
            again = frame_number(old)
            if again != shown:
                self.overwritten.append((shown, again))
        if len(self.numbers) >= self.wanted:
            self.enough.set()

    def time_reported(self, film_ms: int, at: float) -> None:
        pass

    def engine_event(self, event: EngineEvent, detail: str) -> None:
        pass


@pytest.mark.parametrize("hold", [1, 3])
def test_frames_are_the_buffers_libvlc_drew_and_none_is_drawn_over_while_held(
    vlc_ready: None, media_dir: Path, hold: int
) -> None:
    clip = make_clip(media_dir, width=640, height=360, seconds=4.0, gop=30, audio=False)
    engine = vlc_engine.VlcEngine(max_size=(640, 360))
    screen = SlowScreen(hold, wanted=45)
    try:
        engine.open(Excerpt(clip.path, 500, 3500, audio=False), screen, 500)
        assert screen.enough.wait(20), f"only {len(screen.numbers)} frames displayed"
        pool = engine._pool
        assert pool is not None
        pooled = {id(buffer) for buffer in pool._buffers}
    finally:
        engine.stop()
        engine.release()
        engine.wait_stopped()
    assert screen.overwritten == []  # no held frame was drawn over
    # Each picture once, in order: never the buffer of an earlier picture shown again (libVLC may
    # drop a late picture, so a step of 2 can happen; a step of 0 or less is a stale frame).
    assert all(b > a for a, b in zip(screen.numbers, screen.numbers[1:], strict=False)), screen.numbers
    # No copy: every frame's pixels are a buffer of the pool, and the pool held enough of them.
    assert set(screen.buffers) <= pooled
    assert pool.overflows == 0 and pool.buffers <= hold + 2


def test_the_decoder_gets_a_thread_per_core_and_a_technicians_count_wins(monkeypatch: Any) -> None:
    cores = len(os.sched_getaffinity(0))
    monkeypatch.delenv("KIOSK_VLC_OPTIONS", raising=False)
    assert vlc_engine.decoder_threads() == cores
    options = vlc_engine.instance_options()
    assert f"--avcodec-threads={cores}" in options
    monkeypatch.setenv("KIOSK_VLC_OPTIONS", "--avcodec-threads=5")
    options = vlc_engine.instance_options()
    threads = [option for option in options if option.startswith("--avcodec-threads=")]
    assert threads[-1] == "--avcodec-threads=5"  # libVLC takes the last of an option given twice


def test_a_picture_displayed_after_the_next_was_drawn_is_still_its_own(vlc_ready: None) -> None:
    """The callbacks as libVLC would call them if it drew a picture ahead of the one it displays
    next (a hold, a late picture dropped): each display shows the buffer drawn for its own id."""
    engine = vlc_engine.VlcEngine(max_size=(64, 32))
    screen = SlowScreen(hold=8, wanted=1000)
    engine._listener = screen  # as open() sets it, without a film
    try:
        unsigned = ctypes.c_uint
        width, height, pitch, lines = unsigned(64), unsigned(32), unsigned(0), unsigned(0)
        chroma = ctypes.create_string_buffer(4)
        ok = engine._on_format(
            None,
            ctypes.addressof(chroma),
            ctypes.pointer(width),
            ctypes.pointer(height),
            ctypes.pointer(pitch),
            ctypes.pointer(lines),
        )
        assert ok == 1 and chroma.raw == b"RV32"
        shown: list[bytes] = []
        screen.frame_displayed = lambda at, read: shown.append(bytes(read().data[:4]))  # type: ignore[method-assign]

        def draw(fill: int) -> int:
            planes = (ctypes.c_void_p * 3)()
            picture = engine._on_lock(None, planes)
            ctypes.memset(planes[0], fill, pitch.value * lines.value)
            engine._on_unlock(None, picture, planes)
            return picture

        first, second = draw(1), draw(2)
        engine._on_display(None, first)
        third = draw(3)
        engine._on_display(None, second)
        engine._on_display(None, third)
        dropped = draw(4)  # drawn, never displayed (late): its buffer goes back at the next display
        engine._on_display(None, draw(5))
        engine._on_display(None, dropped)  # too late: nothing is shown for it
        assert shown == [bytes([n]) * 4 for n in (1, 2, 3, 5)]
    finally:
        engine._listener = None
        engine.release()
        engine.wait_stopped()
