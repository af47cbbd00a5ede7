"""The MP4 sample tables name every frame: their times, the key frames, and where libVLC's
demuxer lands when asked to start at a time (checked against real libVLC below)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from clips import Clip, make_clip
from runner import Runner, Seen

from kiosk.video import mp4_samples, vlc_engine
from kiosk.video.engine import Excerpt, Frame
from kiosk.video.mp4_samples import read_samples
from kiosk.video.playback import PlayerState


def test_every_frame_of_a_film_with_b_frames_is_named(clip: Clip) -> None:
    samples = read_samples(clip.path)
    assert samples is not None
    assert samples.frame_count == 240  # 8 s at 30 fps
    assert samples.key_frames[:4] == (0, 30, 60, 90)  # a key frame every 30 (gop=30)
    for index in (0, 1, 29, 30, 31, 239):
        assert samples.shown_ms[index] == pytest.approx(index * 1000 / 30, abs=0.01)
        assert samples.frame_at(index * 1000 / 30 + 10) == index
    # B-frames: a key frame is decoded before it is shown, and never after.
    assert samples.decoded_ms[60] < samples.shown_ms[60]
    assert all(d <= s + 1e-6 for d, s in zip(samples.decoded_ms, samples.shown_ms, strict=True))


def test_a_start_lands_late_just_before_a_key_frame_decoded_early(clip: Clip) -> None:
    samples = read_samples(clip.path)
    assert samples is not None
    frame = 1000 / 30
    late = [before for before in range(6) if samples.lands_late((90 - before + 0.5) * frame)]
    assert late == [1, 2]  # as measured on libVLC (bench/probe_keyframe_starts.py)
    for before in (1, 2):
        target = (90 - before + 0.5) * frame
        start = samples.safe_start_ms(target)
        assert start < target and not samples.lands_late(start)
        assert samples.key_frame_for_seek(start) == 60
    assert samples.safe_start_ms(40.0) == 40.0


def test_without_b_frames_no_start_lands_late(media_dir: Path) -> None:
    plain = make_clip(media_dir, seconds=4.0, gop=30, bframes=0)
    samples = read_samples(plain.path)
    assert samples is not None and samples.frame_count == 120
    assert not any(samples.lands_late(t) for t in range(0, 4000, 7))


def test_what_is_not_a_whole_mp4_gives_nothing(tmp_path: Path, clip: Clip) -> None:
    data = clip.path.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 3])  # faststart: the moov is whole, the media cut short
    assert read_samples(cut) is not None  # the tables alone are enough
    header_cut = tmp_path / "header-cut.mp4"
    header_cut.write_bytes(data[:600])  # in the middle of the moov
    assert read_samples(header_cut) is None
    text = tmp_path / "text.mp4"
    text.write_text("not a film")
    assert read_samples(text) is None
    assert read_samples(tmp_path / "absent.mp4") is None
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(data[:32] + bytes(range(256)) * 40)
    assert read_samples(garbage) is None


def test_a_fragmented_mp4_gives_nothing(tmp_path: Path, clip: Clip) -> None:
    fragmented = tmp_path / "fragmented.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-i",
            str(clip.path),
            "-c",
            "copy",
            "-movflags",
            "frag_keyframe+empty_moov",
            str(fragmented),
        ],
        check=True,
    )
    assert read_samples(fragmented) is None
    assert mp4_samples.landing_start_ms(fragmented, 2950.0) == 2950.0


@pytest.mark.vlc
@pytest.mark.parametrize("before", [1, 2])
def test_a_tap_start_just_before_a_key_frame_opens_before_it_and_is_not_late(
    vlc_ready: None, clip: Clip, before: int
) -> None:
    """Straight at such a start libVLC began 2-3 frames late, every time; opened before the key
    frame's decoding time, the excerpt begins on its first frame, or the next when libVLC's first
    picture was the first frame due (known_start.py)."""
    engine = vlc_engine.VlcEngine()
    opened: list[int] = []
    real_open = engine.open

    def open_logged(excerpt: Excerpt, listener: object, from_ms: int, **options: int) -> None:
        opened.append(from_ms)
        real_open(excerpt, listener, from_ms, **options)  # type: ignore[arg-type]

    engine.open = open_logged  # type: ignore[method-assign]
    samples = mp4_samples.samples_for(clip.path)  # read ahead, as the kiosk does when a panel is made
    assert samples is not None
    late = []
    try:
        for key in (60, 90, 120):
            target = key - before
            start = int((target + 0.5) * 1000 / clip.fps)
            seen = Seen(clip)
            runner = Runner(engine, Excerpt(clip.path, start, start + 500), seen)
            runner.playback.play()
            assert runner.run_until(runner.settled, timeout=15)
            assert runner.playback.state is PlayerState.ENDED, seen.failures
            assert opened[-1] <= samples.decoded_ms[key] - 1 and samples.key_frame_for_seek(opened[-1]) < key
            numbers = [number for _, number in seen.frames]
            assert numbers, "no frame shown"
            late.append(numbers[0] - target)
    finally:
        engine.release()
        engine.wait_stopped()
    # Never early, never more than a frame late.
    assert min(late) >= 0 and max(late) <= 1, late


class SizeSeen(Seen):
    """Also the size of each frame delivered."""

    sizes: list[tuple[int, int]]

    def frame_ready(self, frame: Frame) -> None:
        self.sizes.append((frame.width, frame.height))
        super().frame_ready(frame)


@pytest.mark.vlc
@pytest.mark.parametrize(("max_size", "expected"), [((1920, 1080), (320, 180)), ((160, 160), (160, 90))])
def test_frames_come_at_the_films_visible_size_or_the_size_shown(
    vlc_ready: None, clip: Clip, max_size: tuple[int, int], expected: tuple[int, int]
) -> None:
    """Not the decoder's padded size (180 lines are decoded as 194): asked for that, libVLC
    scaled every frame a little, and a picture scaled to fit it came out squashed."""
    engine = vlc_engine.VlcEngine()
    engine.set_max_size(*max_size)
    seen = SizeSeen(clip)
    seen.sizes = []
    try:
        runner = Runner(engine, Excerpt(clip.path, 1000, 1400), seen)
        runner.playback.play()
        assert runner.run_until(runner.settled, timeout=15)
    finally:
        engine.release()
        engine.wait_stopped()
    assert seen.sizes and set(seen.sizes) == {expected}


def test_the_ui_thread_never_waits_for_the_tables(tmp_path: Path, clip: Clip) -> None:
    """known_samples only answers from what was read; read_ahead reads on a thread."""
    import shutil
    import time

    copy = tmp_path / "fresh.mp4"
    shutil.copyfile(clip.path, copy)
    assert mp4_samples.known_samples(copy) is None
    assert mp4_samples.landing_start_ms(copy, 2950.0) == 2950.0  # not read yet: as before
    mp4_samples.read_ahead(copy)
    deadline = time.monotonic() + 10
    while mp4_samples.known_samples(copy) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert mp4_samples.landing_start_ms(copy, 2950.0) < 2950.0  # 88.5 frames: two before key frame 90
