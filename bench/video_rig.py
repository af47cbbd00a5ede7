"""What the video benchmarks share (no Qt): libVLC set up as the tests use it, the folder of
generated clips, and one excerpt played on real libVLC with the frames it showed read back.

The caller puts the project root and tests/video on ``sys.path`` first (both scripts do).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from clips import Clip
from runner import Runner, Seen

from kiosk.video import mp4_samples, vlc_engine
from kiosk.video.engine import Excerpt
from kiosk.video.playback import PlayerState


def libvlc_and_clip_folder() -> Path | None:
    """libVLC with a silent audio output, and the folder the clips are made in; None, after
    printing why, when libVLC cannot play here."""
    vlc_engine.configure(["--aout=adummy"])
    if not vlc_engine.probe().available:
        print(vlc_engine.probe().summary())
        return None
    media = Path(tempfile.gettempdir()) / "kiosk-bench-video"
    media.mkdir(exist_ok=True)
    return media


@dataclass(frozen=True)
class Shown:
    numbers: list[int]  # the frame numbers read from the pictures shown, in order
    prepare_ms: float | None  # opening to the first frame held, when prepared


def play_excerpt(engine: vlc_engine.VlcEngine, clip: Clip, start: int, end: int, *, prepared: bool) -> Shown:
    """Play ``clip`` from ``start`` to ``end`` ms to its end. ``prepared``: the attract loop's way
    (prepare, then play); otherwise a tap on a poster (play at once)."""
    seen = Seen(clip)
    # The film's sample tables, read as the kiosk reads them when a film's panel is made, well
    # before a visitor can tap it (docs/decisions/0053).
    mp4_samples.samples_for(clip.path)
    runner = Runner(engine, Excerpt(clip.path, start, end), seen)
    prepare_ms = None
    if prepared:
        began = time.monotonic()
        runner.playback.prepare()
        runner.run_until(lambda: runner.playback.state is not PlayerState.PREPARING, 15)
        prepare_ms = (time.monotonic() - began) * 1000
    runner.playback.play()
    runner.run_until(runner.settled, 15)
    return Shown([number for _, number in seen.frames], prepare_ms)
