"""A decoder that stops sending pictures mid-excerpt: real libVLC, a real clip, the fault injected
between libVLC's picture callback and the playback."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "video"))

from clips import Clip, make_clip
from runner import Runner, Seen

from kiosk.video import vlc_engine
from kiosk.video.engine import Excerpt
from kiosk.video.playback import PlayerState

pytestmark = pytest.mark.vlc


class Stalling:
    """The real engine, whose pictures stop reaching the playback after ``pictures`` of them,
    as when libVLC's decoder hangs: no error, no end, just nothing more."""

    def __init__(self, engine: vlc_engine.VlcEngine, pictures: int) -> None:
        self.engine = engine
        self.left = pictures
        self.stalled_at: float | None = None

    def open(self, excerpt: Excerpt, listener: object, from_ms: int, **options: Any) -> None:
        outer = self

        class Listener:
            def frame_displayed(self, at: float, read: object) -> None:
                if outer.left <= 0:
                    if outer.stalled_at is None:
                        outer.stalled_at = time.monotonic()
                    return
                outer.left -= 1
                listener.frame_displayed(at, read)  # type: ignore[attr-defined]

            def __getattr__(self, name: str) -> object:
                return getattr(listener, name)

        self.engine.open(excerpt, Listener(), from_ms, **options)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)


@pytest.fixture
def engine():
    vlc_engine.configure(["--aout=adummy"])
    if not vlc_engine.probe().available:
        pytest.fail("needs libVLC")
    engine = vlc_engine.VlcEngine()
    yield engine
    engine.release()
    engine.wait_stopped()


@pytest.fixture
def long_clip(tmp_path_factory) -> Clip:
    return make_clip(tmp_path_factory.mktemp("stall"), seconds=12.0, gop=30)


def test_a_decoder_that_stalls_mid_excerpt_is_abandoned_for_the_poster(engine, long_clip, capsys) -> None:
    stalling = Stalling(engine, pictures=20)
    seen = Seen(long_clip)
    runner = Runner(stalling, Excerpt(long_clip.path, 1000, 11000), seen, stall_timeout=1.0)
    runner.playback.play()
    assert runner.run_until(runner.settled, timeout=8), f"still {runner.playback.state} after the stall"
    gave_up = time.monotonic()
    assert runner.playback.state is PlayerState.ERROR
    assert seen.failures == ["the film stopped sending pictures"]
    assert seen.finished_count == 1  # what moves the attract loop on
    assert stalling.stalled_at is not None
    with capsys.disabled():
        print(f"\nstalled decoder given up {gave_up - stalling.stalled_at:.2f} s after its last picture")
    # The same engine plays the next film: the loop goes on.
    nxt = Runner(engine, Excerpt(long_clip.path, 2000, 2600), Seen(long_clip))
    nxt.playback.play()
    assert nxt.run_until(nxt.settled) and nxt.playback.state is PlayerState.ENDED and nxt.seen.frames


def test_a_paused_film_is_not_a_stalled_one(engine, long_clip) -> None:
    seen = Seen(long_clip)
    # A second, and paused for two: at half a second this failed once, with the suite in two
    # processes beside four busy ones on two cores.
    runner = Runner(engine, Excerpt(long_clip.path, 1000, 6000), seen, stall_timeout=1.0)
    runner.playback.play()
    assert runner.run_until(lambda: runner.playback.state is PlayerState.PLAYING)
    runner.playback.pause()
    runner.run_until(lambda: False, timeout=2.0)
    assert runner.playback.state is PlayerState.PAUSED
    runner.playback.play()
    assert runner.run_until(runner.settled, timeout=10)
    assert runner.playback.state is PlayerState.ENDED, seen.failures
