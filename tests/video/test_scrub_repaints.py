"""A seek while paused shows the picture it brings, not libVLC repainting the one before.

The unit tests play the pictures by hand; the real-libVLC ones let repaints of the held picture
come between the seek asked for and libVLC's seek, as they did on a busy machine.
"""

from __future__ import annotations

from typing import Any

import pytest
from clips import Clip
from runner import Runner, Seen

from kiosk.video import vlc_engine
from kiosk.video.engine import Excerpt, Frame, PixelFormat
from kiosk.video.playback import PlayerState
from kiosk.video.repaints import ROW_STEP, Repaints, fingerprint


def picture(value: int, *, row: int = 0, width: int = 8, height: int = 40) -> Frame:
    """A grey picture, one of its rows ``row`` set to ``value`` (stride: 4 spare bytes a row)."""
    stride = width * 4 + 4
    data = bytearray(stride * height)
    data[row * stride : row * stride + width * 4] = bytes([value]) * (width * 4)
    return Frame(data, width, height, stride)


def test_the_fingerprint_reads_the_sampled_rows_and_only_the_visible_pixels() -> None:
    assert fingerprint(picture(1)) == fingerprint(picture(1))
    assert fingerprint(picture(1)) != fingerprint(picture(2))
    assert fingerprint(picture(1, row=ROW_STEP)) != fingerprint(picture(2, row=ROW_STEP))
    # The spare bytes at the end of each row are not the picture's.
    padded = picture(1)
    padded.data[padded.width * 4] = 99  # type: ignore[index]
    assert fingerprint(padded) == fingerprint(picture(1))
    # Nor is a picture of another size the same one.
    assert fingerprint(picture(0, width=8)) != fingerprint(picture(0, width=4))


def i420(value: int, *, spare: int = 0) -> Frame:
    """An I420 picture 8x32, its brightness ``value``, ``spare`` in the 8 spare bytes of each row."""
    width, height, stride = 8, 32, 16
    data = bytearray([spare]) * (stride * height * 3 // 2)
    for line in range(height):
        data[line * stride : line * stride + width] = bytes([value]) * width
    u = stride * height
    offsets, strides = (0, u, u + stride // 2 * height // 2), (stride, stride // 2, stride // 2)
    return Frame(
        data, width, height, stride, pixel_format=PixelFormat.I420, plane_offsets=offsets, plane_strides=strides
    )


def test_an_i420_pictures_fingerprint_is_its_brightness_not_its_spare_bytes() -> None:
    # A repaint lands in another pooled buffer, whose spare bytes an earlier picture left.
    assert fingerprint(i420(61, spare=0)) == fingerprint(i420(61, spare=200))
    assert fingerprint(i420(61)) != fingerprint(i420(133))


def test_a_repaint_of_the_picture_before_the_seek_is_not_the_seeks() -> None:
    repaints = Repaints()
    repaints.paused()
    held = picture(61)
    repaints.painted(held)  # libVLC repaints what it holds while paused
    repaints.seek_asked()
    assert not repaints.is_new(picture(61))  # a repaint came before the seek's picture
    assert repaints.is_new(picture(133))  # the seek's picture
    assert not repaints.is_new(picture(133))  # and its repaints
    # A second seek: the first one's picture is now the one repainted until it lands.
    repaints.seek_asked()
    assert not repaints.is_new(picture(133))
    assert repaints.is_new(picture(90))
    # Back to where the first seek went: new again.
    repaints.seek_asked()
    assert repaints.is_new(picture(133))


def test_two_seeks_before_either_picture_came_show_both_in_turn() -> None:
    repaints = Repaints()
    repaints.paused()
    repaints.painted(picture(61))
    repaints.seek_asked()
    repaints.seek_asked()  # the visitor's finger moved on: nothing painted in between
    assert not repaints.is_new(picture(61))
    assert repaints.is_new(picture(100))  # the first seek's picture, shown under the second's time
    assert repaints.is_new(picture(133))  # then the second's


def test_a_new_pause_forgets_what_was_painted_in_the_last() -> None:
    repaints = Repaints()
    repaints.paused()
    repaints.painted(picture(61))
    repaints.seek_asked()
    assert repaints.is_new(picture(133))
    repaints.paused()  # played on, paused again somewhere else: nothing is stale yet
    repaints.seek_asked()
    assert repaints.is_new(picture(61))


# --- real libVLC, real clips ----------------------------------------------------------------


class Painted:
    """The real engine, with every picture libVLC paints counted (shown or not), and its seeks
    held back until ``hold_seeks`` pictures more were painted: repaints of the held picture come
    between the seek asked for and libVLC's, as they do when the machine is busy."""

    def __init__(self, engine: vlc_engine.VlcEngine) -> None:
        self.engine = engine
        self.painted: list[int] = []
        self.hold_seeks = 0
        self._held_seek: tuple[int, int] | None = None  # (film time, pictures painted when asked)
        self.jobs: Any = None  # the runner's queue: a held seek goes to libVLC on the owner thread

    def open(self, excerpt: Excerpt, listener: Any, from_ms: int, **options: int) -> None:
        from clips import frame_number

        painted = self.painted
        outer = self

        class Spy:
            def frame_displayed(self, at: float, read: Any) -> None:
                frame = read()
                painted.append(frame_number(frame))
                held = outer._held_seek
                if held is not None and len(painted) >= held[1] + outer.hold_seeks:
                    outer._held_seek = None
                    outer.jobs.put(lambda: outer.engine.seek(held[0]))  # on the owner thread
                listener.frame_displayed(at, read)

            def time_reported(self, film_ms: int, at: float) -> None:
                listener.time_reported(film_ms, at)

            def engine_event(self, event: Any, detail: str) -> None:
                listener.engine_event(event, detail)

        self.engine.open(excerpt, Spy(), from_ms, **options)

    def seek(self, film_ms: int) -> None:
        if self.hold_seeks:
            self._held_seek = (film_ms, len(self.painted))
        else:
            self.engine.seek(film_ms)

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)


def paused_runner(clip: Clip, engine: vlc_engine.VlcEngine) -> tuple[Runner, Seen, Painted]:
    """An excerpt from 2 s, played until a frame is shown, then paused."""
    painted = Painted(engine)
    seen = Seen(clip)
    runner = Runner(painted, Excerpt(clip.path, 2000, 6000), seen)
    painted.jobs = runner.jobs
    runner.playback.play()
    assert runner.run_until(lambda: runner.playback.state is PlayerState.PLAYING and bool(seen.frames), 10)
    runner.playback.pause()
    return runner, seen, painted


@pytest.mark.vlc
@pytest.mark.parametrize("held_back", [0, 3])
def test_a_seek_while_paused_shows_the_frame_it_lands_on(vlc_ready: None, clip: Clip, held_back: int) -> None:
    engine = vlc_engine.VlcEngine()
    try:
        runner, seen, painted = paused_runner(clip, engine)
        # libVLC repaints what it holds, paused: several pictures within 0.4 s, none of them shown.
        shown_at_pause = len(seen.frames)
        count = len(painted.painted)
        assert runner.run_until(lambda: len(painted.painted) >= count + 3, timeout=5), painted.painted[-5:]
        assert len(seen.frames) == shown_at_pause
        painted.hold_seeks = held_back
        before = len(painted.painted)
        runner.playback.seek(2500)  # film 4.5 s: frame 135
        # libVLC lands (it paints a frame near 4.5 s), then repaints it a few times.
        assert runner.run_until(lambda: any(n >= 120 for n in painted.painted[before:]), timeout=10)
        count = len(painted.painted)
        assert runner.run_until(lambda: len(painted.painted) >= count + 3, timeout=5)
        if held_back:  # the case this is about: repaints of the old picture came after the seek was asked
            assert painted.painted[before:][:held_back] == [painted.painted[before - 1]] * held_back
    finally:
        engine.release()
        engine.wait_stopped()
    after = [number for _, number in seen.frames[shown_at_pause:]]
    # libVLC lands near the time asked (it decodes from the key frame before it), and the
    # picture from before the seek is never shown under the new time.
    assert after and abs(after[-1] - 135) <= 4, (after, painted.painted[-12:])
    assert all(number >= 120 for number in after), (after, painted.painted[-12:])
    assert seen.frames[-1][0] == pytest.approx(4500)
