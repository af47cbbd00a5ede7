"""Where a start with no time to prepare lands, just before key frames (the unprepared path).

    .venv/bin/python bench/probe_keyframe_starts.py

Not a benchmark with a target (run_all does not run it): the measurement behind the tap-started
row of bench_video and decisions 0053 and 0059. For targets 0-5 frames before key frames 60, 90,
120 and 150 of a 30-frame-GOP clip, it plays an excerpt the way a tap on an unprepared panel does
(the film's sample tables read, as the kiosk reads them when the panel is made) and prints how
many frames late the first picture shown was, once for x264's default encoding (B-frames,
pyramid) and once without B-frames. Straight at the target, before the tables were used, one and
two frames before a key frame with B-frames were 2 and 3 frames late, every time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "video")]

from clips import make_clip  # noqa: E402

from bench.video_rig import libvlc_and_clip_folder, play_excerpt  # noqa: E402
from kiosk.video import vlc_engine  # noqa: E402

KEY_FRAMES = (60, 90, 120, 150)


def main() -> int:
    media = libvlc_and_clip_folder()
    if media is None:
        return 2
    engine = vlc_engine.VlcEngine()
    for label, bframes in (("x264 default (B-frames)", None), ("no B-frames", 0)):
        clip = make_clip(media, seconds=8.0, gop=30, bframes=bframes)
        print(f"{label}: frames late per target, at key frames {KEY_FRAMES}")
        for before in range(5, -1, -1):
            late = []
            for key in KEY_FRAMES:
                target = key - before
                start = int((target + 0.5) * 1000 / clip.fps)  # the middle of the target frame
                numbers = play_excerpt(engine, clip, start, start + 800, prepared=False).numbers
                late.append(numbers[0] - target if numbers else None)
            print(f"  {before} frame(s) before a key frame: {late}")
    engine.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
