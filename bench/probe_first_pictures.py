"""Every picture libVLC displays right after an opening, and the frame the kiosk names first.

    .venv/bin/python bench/probe_first_pictures.py --frame 12 --runs 80 [--tap] [--busy-thread]

Not a benchmark with a target (run_all does not run it): the measurement behind decision 0073.
It opens a numbered 320x180 clip (30 fps, a key frame every 30, x264's B-frames) at ``--frame``
as the kiosk does: prepared and held, as the excerpt picker shows a frame below the lead-in's
reach, or ``--tap``, played at once. Each run prints the pictures libVLC displayed (ms after the
first, the frame number read from the pixels) and the first frame shown: the number the kiosk
gave it and the number in its pixels. ``--busy-thread`` keeps a Python thread busy beside, as a
busy UI thread is: libVLC's callbacks then wait for the interpreter.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "video")]

from clips import Clip, frame_number, make_clip  # noqa: E402
from runner import Runner, Seen  # noqa: E402

from bench.video_rig import libvlc_and_clip_folder  # noqa: E402
from kiosk.video import mp4_samples, vlc_engine  # noqa: E402
from kiosk.video.engine import Excerpt, Frame  # noqa: E402
from kiosk.video.playback import PlayerState  # noqa: E402


def busy(stop: threading.Event) -> None:
    count = 0
    while not stop.is_set():
        count += 1


def one_start(engine: vlc_engine.VlcEngine, clip: Clip, frame: int, *, tap: bool) -> tuple[list[str], Seen]:
    """Open ``clip`` at ``frame`` as the kiosk does; the pictures libVLC displayed first, and what was shown."""
    start = int((frame + 0.5) * 1000 / clip.fps)
    seen = Seen(clip)
    runner = Runner(engine, Excerpt(clip.path, start, start + 500, audio=False), seen)
    playback = runner.playback
    pictures: list[tuple[float, int]] = []
    displayed = playback.frame_displayed

    def recorded(at: float, read: Callable[[], Frame]) -> None:
        displayed(at, read)
        if len(pictures) < 5:
            pictures.append((at, frame_number(read())))

    playback.frame_displayed = recorded  # type: ignore[method-assign]
    if tap:
        playback.play()
        runner.run_until(runner.settled, timeout=15)
    else:
        playback.prepare()
        runner.run_until(lambda: playback.state in (PlayerState.READY, PlayerState.ERROR), timeout=15)
    playback.stop()
    first_at = pictures[0][0] if pictures else 0.0
    return [f"{(at - first_at) * 1000:.1f} ms: {number}" for at, number in pictures], seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frame", type=int, default=12, help="the excerpt's first frame")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--tap", action="store_true", help="played at once, as a tap on a film not prepared")
    parser.add_argument("--busy-thread", action="store_true", help="a Python thread busy beside")
    args = parser.parse_args()
    media = libvlc_and_clip_folder()
    if media is None:
        return 2
    clip = make_clip(media, seconds=8.0, gop=30)
    mp4_samples.samples_for(clip.path)  # read ahead, as the kiosk does when a panel is made
    stop = threading.Event()
    if args.busy_thread:
        threading.Thread(target=busy, args=(stop,), daemon=True).start()
    engine = vlc_engine.VlcEngine()
    wrong: dict[str, int] = {}
    try:
        for run in range(args.runs):
            pictures, seen = one_start(engine, clip, args.frame, tap=args.tap)
            film_ms, pixels = seen.frames[0] if seen.frames else (-1.0, -1)
            named = round(film_ms * clip.fps / 1000)
            verdict = "exact" if named == pixels == args.frame else f"named {named}, showed {pixels}"
            if verdict != "exact":
                wrong[verdict] = wrong.get(verdict, 0) + 1
            print(f"run {run:3d}: {verdict:22s} pictures {', '.join(pictures)}", flush=True)
    finally:
        stop.set()
        engine.release()
        engine.wait_stopped()
    how = "tap-started" if args.tap else "prepared"
    exact = args.runs - sum(wrong.values())
    print(f"{how} at frame {args.frame}: {exact} of {args.runs} exact; others: {wrong or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
