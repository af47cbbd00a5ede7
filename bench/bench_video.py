"""Video benchmark: excerpt boundaries, tap to first frame, attract gaps, CPU/memory at 1080p30.

    .venv/bin/python bench/bench_video.py [--quick] [--starts-only [--large | --4k]] [--runs N]

Real libVLC (dummy audio output) on clips made by ffmpeg with the frame number drawn
in, a real Qt Quick scene offscreen (software scene graph, like the kiosk without GPU).
Prints a table, then one JSON line for bench/run_all.py.

* boundaries: where excerpts at seeded random starts really begin and end, read from the
  pixels, prepared first (the attract loop, a settled panel) and started straight by a tap,
  reported apart, with each run's count (``--runs N`` plays the same starts N times;
  ``--starts-only`` measures nothing else; ``--large`` with it: 24 starts on 1080p and 720p films,
  ``--4k``: 12 on 2160p and 1440p films, shown on a 2160p screen);
* tap -> first frame: from a mouse click on the poster to the first window frame swapped
  with an excerpt picture painted in it (median, p95; target 150 ms), at once and on a
  panel whose excerpt waits prepared behind its poster;
* attract gaps: excerpts played back to back the way the attract loop does (prepare N+1
  hidden, switch when it is ready); counts swapped window frames in which the visible
  player had no picture (black/poster: target 0) and the longest time the picture stood
  still across a switch;
* 1080p30 in a 1920x1080 window: CPU (% of one core) and RSS while playing;
* prepare time (open to the exact first frame held) and how long a stop while preparing
  holds the UI thread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "video")]
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A 1920x1080 screen, as a booth has: the offscreen platform's own is 800x800, and the kiosk
    # sizes frames to the screen, so "1080p in a 1080p window" measured 800x450 frames.
    import tempfile

    from bench.bench_video_sizes import offscreen_screen

    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(Path(tempfile.mkdtemp(prefix="kiosk-bench-screen-")), (1920, 1080))

import psutil  # noqa: E402
from clips import frame_number, make_clip  # noqa: E402
from harness import exhibition_with, find, make_poster, make_store, open_player, video_panel  # noqa: E402
from PySide6.QtCore import QEventLoop, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQml import QQmlComponent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from bench.stats import percentile  # noqa: E402
from bench.video_rig import libvlc_and_clip_folder, play_excerpt  # noqa: E402
from kiosk import paths  # noqa: E402
from kiosk.ui.video.excerpt_player import SETTLE_MS  # noqa: E402
from kiosk.video import vlc_engine  # noqa: E402


def wait(predicate: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return True


def pause(seconds: float) -> None:
    wait(lambda: False, seconds)


def bench_boundaries(
    media: Path, starts: int, *, prepared: bool, large: bool = False, four_k: bool = False
) -> dict[str, list[float]]:
    """Where excerpts really start and end, read from the pixels, in frames (+ late, - early).

    Starts anywhere in the film (seeded), so some fall a few frames before a key frame, where
    libVLC's own start is latest. ``prepared``: the attract loop's way (prepare, then play);
    otherwise a tap on a poster (play at once).
    """
    import random

    engine = vlc_engine.VlcEngine()
    start_err: list[float] = []
    end_err: list[float] = []
    prepare_ms: list[float] = []
    if four_k:  # a 4K booth: shown at their own size, decoded on every core
        engine.set_max_size(3840, 2160)
        clips = [
            make_clip(media, width=3840, height=2160, seconds=8.0, gop=60, audio=False),
            make_clip(media, width=2560, height=1440, seconds=8.0, gop=60, audio=False),
        ]
    elif large:  # the films a booth shows: libVLC's decoder and converter need time per picture
        clips = [
            make_clip(media, width=1920, height=1080, seconds=9.0, gop=60),
            make_clip(media, width=1280, height=720, seconds=12.0, gop=60),
        ]
    else:
        clips = [make_clip(media, seconds=8.0, gop=30), make_clip(media, seconds=8.0, gop=250)]
    chooser = random.Random(7)
    for index in range(starts):
        clip = clips[index % len(clips)]
        start = chooser.randrange(1000, 6000)
        end = start + chooser.randrange(700, 1500)
        shown = play_excerpt(engine, clip, start, end, prepared=prepared)
        if shown.prepare_ms is not None:
            prepare_ms.append(shown.prepare_ms)
        numbers = shown.numbers
        if not numbers:
            raise RuntimeError("no frame shown")
        frame_ms = 1000 / clip.fps
        # The first picture covers [n, n+1) frames: 0 when it is the one showing at the start.
        start_err.append(numbers[0] - int(start / frame_ms + 1e-6))
        end_err.append((numbers[-1] + 1) - round(end / frame_ms + 1e-6))
    engine.release()
    return {"start": start_err, "end": end_err, "prepare": prepare_ms}


def bench_stop_while_preparing(clip: Any, runs: int) -> list[float]:
    """How long ``stop()`` holds the UI thread when the visitor leaves a panel that is preparing,
    on a 1080p film, at seeded moments of the lead-in (ms). libVLC's own stop joins its threads
    (12-40 ms); the engine leaves that to a thread of its own (docs/video.md, decision 13)."""
    import random

    from runner import Runner, Seen

    from kiosk.video.engine import Excerpt

    engine = vlc_engine.VlcEngine()
    chooser = random.Random(3)
    stops = []
    for _ in range(runs):
        start = chooser.randrange(1500, 5000)
        runner = Runner(engine, Excerpt(clip.path, start, start + 1000), Seen(clip))
        runner.playback.prepare()
        runner.run_until(lambda: False, chooser.uniform(0.1, 0.6))
        began = time.monotonic()
        runner.playback.stop()
        stops.append((time.monotonic() - began) * 1000)
    engine.release()
    return stops


def bench_tap(clip_path: Path, media: Path, runs: int, *, prepared: bool = False) -> list[float]:
    """Tap on the poster -> first excerpt frame swapped to the window (ms); ``prepared``: a
    settled panel, its first frame held behind the poster."""
    poster = make_poster(media, "#304050", (1280, 720))
    store = make_store(exhibition_with(video_panel(clip_path, poster, 4000, 9000)))
    view = open_player(store, "excerpt", size=(1280, 720))
    view.show()
    player = find(view, "excerptPlayer")
    frame = find(view, "videoFrame")
    swapped: list[float] = []
    view.frameSwapped.connect(lambda: swapped.append(time.monotonic()) if player.property("showsFrame") else None)
    times = []
    for _ in range(runs):
        player.stop()
        wait(lambda: player.property("state") == "idle" and not frame.isVisible(), 3)
        pause(0.3)
        if prepared:  # a settled panel: the first frame held, behind the poster, before the tap
            player.prepare()
            if not wait(lambda: player.property("state") == "ready", 5):
                raise RuntimeError("never ready")
            pause(0.2)
        swapped.clear()
        painted = frame.frames_painted
        tap = time.monotonic()
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 200))
        if not wait(lambda p=painted: frame.frames_painted > p and swapped, 5):
            raise RuntimeError("no frame after the tap")
        times.append((swapped[0] - tap) * 1000)
    player.release()
    view.close()
    return times


def bench_arrival(clip: Any, media: Path, chapters: int) -> dict[str, list[float]]:
    """The whole kiosk: a visitor opens a chapter on a text panel, a film next to it. How long
    until the film next door waits prepared (ms); then they swipe to it and tap the moment the
    slide ends: where the excerpt begins (frames, + late) and the tap to its first frame (ms)."""
    import random

    from PySide6.QtCore import QSize

    from kiosk.model import Attract, Chapter, Exhibition, ExhibitionInfo, Localized, TextPanel
    from kiosk.navigation import Timeouts
    from kiosk.ui.app import KioskApp

    chooser = random.Random(11)
    poster = make_poster(media, "#503040", (1280, 720))
    starts = [chooser.randrange(1000, int(clip.seconds * 1000) - 2500) for _ in range(chapters)]
    exhibition = Exhibition(
        exhibition=ExhibitionInfo(id="bench", title=Localized.of("Bench"), languages=("en",)),
        attract=Attract(items=("read0",), invitation=Localized.of("Touch")),
        chapters=tuple(
            Chapter(
                id=f"c{i}",
                title=Localized.of(f"Chapter {i}"),
                panels=(
                    TextPanel(id=f"read{i}", title=Localized.of("Read"), body=Localized.of("A panel to read.")),
                    video_panel(clip.path, poster, start, start + 1500, panel_id=f"film{i}"),
                ),
            )
            for i, start in enumerate(starts)
        ),
    )
    kiosk = KioskApp(exhibition, timeouts=Timeouts(idle=600, countdown=10, tap_gap=0.05), size=(1920, 1080))
    kiosk.show(fullscreen=False, size=QSize(1920, 1080))
    window, nav = kiosk.window, kiosk.navigator
    swapped: list[float] = []
    window.frameSwapped.connect(lambda: swapped.append(time.monotonic()))
    ready_ms, start_err, tap_ms = [], [], []
    nav.wake()
    for index, start in enumerate(starts):
        ready, first, tap = _arrive_and_tap(window, nav, index, swapped)
        ready_ms.append(ready)
        start_err.append(first - int(start / (1000 / clip.fps) + 1e-6))
        tap_ms.append(tap)
        wait(lambda: nav.goHome(), 5)
        wait(lambda: nav.screen == "home", 3)
    kiosk.close()
    return {"ready": ready_ms, "start": start_err, "tap": tap_ms}


def _named(root: Any, name: str) -> Any:
    """The first item called ``name`` under ``root``."""
    from bench.soak import walk_items  # here: importing it sets Qt's and libVLC's environment defaults

    return next(item for item in walk_items(root) if item.objectName() == name)


def _film_player(window: Any, panel_id: str) -> tuple[Any, Any] | None:
    """The VideoPlayer item of ``panel_id`` in the kiosk's window, and its ExcerptPlayer."""
    from PySide6.QtCore import QObject

    from bench.soak import walk_items

    for item in walk_items(window.contentItem()):
        if item.objectName() == "videoPlayer":
            player = item.findChild(QObject, "excerptPlayer")
            if player is not None and player.property("panelId") == panel_id:
                return item, player
    return None


def _shown_number(player: Any) -> int:
    frame = player.current_frame()
    return frame_number(frame)


def _arrive_and_tap(window: Any, nav: Any, index: int, swapped: list[float]) -> tuple[float, int, float]:
    """Open chapter ``index`` on its text panel, wait for the film next door to be prepared, swipe
    to it and tap as the slide ends: (ms until prepared, first frame number shown, tap ms)."""
    if not wait(lambda: nav.openChapter(index), 5):
        raise RuntimeError("the chapter did not open")
    rested = time.monotonic()

    def prepared() -> bool:
        found = _film_player(window, f"film{index}")
        return found is not None and found[1].property("state") == "ready"

    if not wait(prepared, 10):
        raise RuntimeError("the film next door never got ready")
    ready = (time.monotonic() - rested) * 1000
    found = _film_player(window, f"film{index}")
    assert found is not None
    host, player = found
    nav.next()
    strip = _named(window.contentItem(), "panelStrip")
    wait(lambda: not strip.property("moving"), 3)
    area = _named(host, "videoTapArea")
    centre = area.mapToScene(area.boundingRect().center()).toPoint()
    first: list[int] = []
    player.showsFrameChanged.connect(
        lambda: first.append(_shown_number(player)) if player.property("showsFrame") and not first else None
    )
    swapped.clear()
    tap = time.monotonic()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    if not wait(lambda: bool(first) and any(t > tap for t in swapped), 5):
        raise RuntimeError("no frame after the tap")
    return ready, first[0], (next(t for t in swapped if t > tap) - tap) * 1000


ATTRACT_HOST = b"""
import QtQuick
Item { width: 1280; height: 720 }
"""


def bench_attract(clip_path: Path, media: Path, excerpts: int) -> dict[str, float]:
    """The attract loop's protocol: N+1 prepared hidden, shown when ready, started on N's end."""
    poster = make_poster(media, "#000000", (1280, 720))
    ranges = [(1000, 3000), (5000, 7000), (2500, 4200), (8000, 9500)]
    panels = [video_panel(clip_path, poster, a, b, panel_id=f"clip{i}") for i, (a, b) in enumerate(ranges)]
    store = make_store(exhibition_with(*panels))
    view = open_player(store, "clip0", size=(1280, 720), attract=True)
    engine = view.engine()
    component = QQmlComponent(engine, QUrl.fromLocalFile(str(paths.qml_import_dir() / "Kiosk" / "VideoPlayer.qml")))
    host = view.rootObject()
    view.show()
    players: list[Any] = [host]
    black = 0
    frozen_ms: list[float] = []
    last_number = [-1]
    last_change = [time.monotonic()]
    current = [host]
    started = [False]

    def on_swap() -> None:
        nonlocal black
        if not started[0]:
            return
        excerpt = find_player(current[0])
        frame = excerpt.current_frame()
        if not excerpt.property("hasFrame") or frame is None:
            black += 1
            return
        number = frame_number(frame)
        now = time.monotonic()
        if number != last_number[0]:
            last_number[0] = number
            last_change[0] = now

    def find_player(item: Any) -> Any:
        from PySide6.QtCore import QObject

        return item.findChild(QObject, "excerptPlayer")

    view.frameSwapped.connect(on_swap)
    wait(lambda: host.property("ready"), 10)
    host.start()
    started[0] = True
    for index in range(1, excerpts):
        nxt = component.createWithInitialProperties(
            {"store": store, "panelId": f"clip{index % len(ranges)}", "language": "en", "attract": True}
        )
        nxt.setParentItem(host.parentItem() or host)
        nxt.setVisible(False)
        players.append(nxt)
        if not wait(lambda n=nxt: n.property("ready"), 10):
            raise RuntimeError("next excerpt never ready")
        done = [False]
        current[0].finished.connect(lambda d=done: d.__setitem__(0, True))
        if not wait(lambda d=done: d[0], 15):
            raise RuntimeError("excerpt never finished")
        # Switch as the presentation's loop does: show N+1 (holding its first frame), start it.
        before = last_change[0]
        nxt.setVisible(True)
        nxt.start()
        previous, current[0] = current[0], nxt
        previous.stop()
        if previous is not host:
            previous.setVisible(False)
        wait(lambda b=before: last_change[0] > b + 0.001 and last_number[0] >= 0, 5)
        frozen_ms.append((last_change[0] - before) * 1000)
    done = [False]
    current[0].finished.connect(lambda: done.__setitem__(0, True))
    wait(lambda: done[0], 15)
    for item in players:
        find_player(item).release()
    view.close()
    print("still across switches (ms):", [round(v) for v in frozen_ms])
    return {"black": black, "still_median": statistics.median(frozen_ms), "still_max": max(frozen_ms)}


def bench_1080p(clip_path: Path, media: Path, seconds: float) -> dict[str, float]:
    poster = make_poster(media, "#203040", (1920, 1080))
    store = make_store(exhibition_with(video_panel(clip_path, poster, 500, 500 + int(seconds * 1000) + 2000)))
    view = open_player(store, "excerpt", size=(1920, 1080))
    view.show()
    frame = find(view, "videoFrame")
    player = find(view, "excerptPlayer")
    swaps = [0]
    view.frameSwapped.connect(lambda: swaps.__setitem__(0, swaps[0] + 1))
    process = psutil.Process()
    rss_before = process.memory_info().rss / 2**20
    view.rootObject().start()
    wait(lambda: frame.frames_painted > 5, 10)
    pause(1.0)
    process.cpu_percent(None)
    painted, swaps[0] = frame.frames_painted, 0
    start = time.monotonic()
    pause(seconds)
    elapsed = time.monotonic() - start
    cpu = process.cpu_percent(None)
    rss = process.memory_info().rss / 2**20
    fps = (frame.frames_painted - painted) / elapsed
    player.release()
    view.close()
    return {"cpu": cpu, "rss": rss, "fps": fps, "rss_growth": rss - rss_before}


def frames_row(name: str, unit: str, errors: list[float], ok: Any, note: str, after: str = "") -> dict[str, Any]:
    """Starts or ends read from the pixels, in frames: the share that is ``ok``; the worst in the p95
    column; the histogram between ``note`` and ``after``."""
    return {
        "name": name,
        "unit": unit,
        "median": 100.0 * sum(1 for v in errors if ok(v)) / len(errors),
        "p95": max(errors, key=abs),
        "target": 100,
        "better": "higher",
        "n": len(errors),
        "note": f"{note}histogram {dict(sorted(Counter(errors).items()))}; p95 column holds the worst{after}",
    }


def ms_row(name: str, values: list[float], target: float | None, note: str = "") -> dict[str, Any]:
    """Median and p95 of ``values`` in ms."""
    row: dict[str, Any] = {
        "name": name,
        "unit": "ms",
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "target": target,
        "n": len(values),
    }
    if note:
        row["note"] = note
    return row


Errors = dict[str, list[float]]


def starts_runs(
    media: Path, starts: int, runs: int, *, large: bool = False, four_k: bool = False
) -> tuple[Errors, Errors, list[str]]:
    """The seeded starts played ``runs`` times each way, tap-started then prepared: the errors of
    all runs together, and each run's counts of tap-started starts (within one frame / exact)."""
    taps: Errors = {"start": [], "end": [], "prepare": []}
    prepared: Errors = {"start": [], "end": [], "prepare": []}
    counts = []
    for run in range(1, runs + 1):
        tap = bench_boundaries(media, starts, prepared=False, large=large, four_k=four_k)
        held = bench_boundaries(media, starts, prepared=True, large=large, four_k=four_k)
        for into, found in ((taps, tap), (prepared, held)):
            for key, values in found.items():
                into[key].extend(values)
        line = (
            f"run {run}: tap-started {count(tap['start'], lambda v: abs(v) <= 1)} within one frame "
            f"({count(tap['start'], lambda v: v == 0)} exact, {count(tap['start'], lambda v: v < 0)} early), "
            f"prepared {count(held['start'], lambda v: v == 0)} exact, "
            f"ends {count(tap['end'] + held['end'], lambda v: abs(v) <= 1)} within one frame"
        )
        print(line, flush=True)
        counts.append(f"{count(tap['start'], lambda v: abs(v) <= 1)} ({count(tap['start'], lambda v: v == 0)} exact)")
    return taps, prepared, counts


def count(errors: list[float], ok: Any) -> str:
    return f"{sum(1 for v in errors if ok(v))}/{len(errors)}"


def starts_rows(taps: Errors, prepared: Errors, counts: list[str]) -> list[dict[str, Any]]:
    per_run = ", ".join(counts)
    return [
        frames_row(
            "prepared excerpt start on its exact frame",
            "% of starts",
            prepared["start"],
            lambda v: v == 0,
            "attract loop, settled panels; error in frames, ",
        ),
        frames_row(
            "tap-started excerpt start within one frame",
            "% of starts",
            taps["start"],
            lambda v: abs(v) <= 1,
            f"no time to prepare; each run: {per_run}; error in frames, ",
            " (negative = before the start)",
        ),
        {
            **frames_row(
                "tap-started excerpt start on its exact frame",
                "% of starts",
                taps["start"],
                lambda v: v == 0,
                "the same starts; error in frames, ",
            ),
            "target": None,
        },
        frames_row(
            "excerpt end within one frame",
            "% of ends",
            taps["end"] + prepared["end"],
            lambda v: abs(v) <= 1,
            "end error in frames, ",
        ),
    ]


def print_rows(results: list[dict[str, Any]]) -> None:
    for row in results:
        print(
            f"{row['name']:45s} median {row['median']:8.1f} p95 {row['p95']:8.1f} {row['unit']}"
            f"  (target {row['target']})" + (f"  {row['note']}" if "histogram" in row.get("note", "") else "")
        )
    print(json.dumps({"bench": "video", "results": results}))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--starts-only", action="store_true", help="only where excerpts begin and end")
    parser.add_argument("--runs", type=int, default=1, help="play the seeded starts this many times")
    parser.add_argument("--large", action="store_true", help="with --starts-only: 24 starts on 1080p and 720p films")
    parser.add_argument("--4k", dest="four_k", action="store_true", help="with --starts-only: 12 on 2160p and 1440p")
    args = parser.parse_args()
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()  # as kiosk run does: its CPU and memory, not the allocator's defaults
    app = QGuiApplication(sys.argv)
    media = libvlc_and_clip_folder()
    if media is None:
        return 2
    large = args.large and args.starts_only
    four_k = args.four_k and args.starts_only
    starts = 12 if four_k else 24 if large else 16 if args.quick else 48
    bounds, prepared, lines = starts_runs(media, starts, max(1, args.runs), large=large, four_k=four_k)
    if args.starts_only:
        print_rows(starts_rows(bounds, prepared, lines))
        return 0
    clip720 = make_clip(media, width=1280, height=720, seconds=12.0, gop=60)
    clip1080 = make_clip(media, width=1920, height=1080, seconds=14.0 if not args.quick else 9.0, gop=60)
    taps = bench_tap(clip720.path, media, 8 if args.quick else 20)
    taps_prepared = bench_tap(clip720.path, media, 8 if args.quick else 20, prepared=True)
    attract = bench_attract(clip720.path, media, 4 if args.quick else 8)
    arrival = bench_arrival(clip720, media, 6 if args.quick else 16)
    stops = bench_stop_while_preparing(clip1080, 8 if args.quick else 20)
    play = bench_1080p(clip1080.path, media, 4.0 if args.quick else 10.0)
    app.processEvents()
    results = [
        *starts_rows(bounds, prepared, lines),
        ms_row("tap to first excerpt frame, at once", taps, 150),
        ms_row(
            "tap to first excerpt frame, panel settled",
            taps_prepared,
            150,
            f"after {SETTLE_MS / 1000:g} s on a panel its excerpt waits prepared behind the poster",
        ),
        frames_row(
            "tap on arrival at a film: exact first frame",
            "% of starts",
            arrival["start"],
            lambda v: v == 0,
            "whole kiosk: swipe from the panel before it, tap as the slide ends; error in frames, ",
        ),
        ms_row(
            "tap on arrival at a film: tap to first frame",
            arrival["tap"],
            150,
            "1920x1080 window, 720p film prepared next door",
        ),
        ms_row(
            "film next door ready after coming to rest",
            arrival["ready"],
            None,
            "chapter opened on the panel before the film: how long a visitor must stay there "
            "for a tap on arrival to be exact",
        ),
        ms_row(
            "prepare: open to the exact first frame held",
            prepared["prepare"],
            None,
            "the lead-in: a tap before this (and the settle time) starts straight at the excerpt",
        ),
        ms_row(
            "stop while preparing (UI thread held), 1080p",
            stops,
            33,
            "a panel dropped while its excerpt prepares; libVLC winds down on a thread of its own",
        ),
        {
            "name": "attract: window frames without a picture",
            "unit": "frames",
            "median": attract["black"],
            "p95": attract["black"],
            "target": 0,
            "n": 1,
            "note": "sum over all switches; target zero black frames",
        },
        {
            "name": "attract: picture still across a switch",
            "unit": "ms",
            "median": attract["still_median"],
            "p95": attract["still_max"],
            "target": 100,
            "n": (4 if args.quick else 8) - 1,
            "note": "p95 column holds the worst switch",
        },
        {
            "name": "1080p30 in 1080p window: CPU",
            "unit": "% of a core",
            "median": play["cpu"],
            "p95": play["cpu"],
            "target": 100,
            "n": 1,
        },
        {
            "name": "1080p30 in 1080p window: RSS added by playing",
            "unit": "MiB",
            "median": play["rss_growth"],
            "p95": play["rss_growth"],
            "target": 150,
            "n": 1,
            "note": f"whole bench process RSS {play['rss']:.0f} MiB",
        },
        {
            "name": "1080p30 in 1080p window: frames painted",
            "unit": "fps",
            "median": play["fps"],
            "p95": play["fps"],
            "target": 29,
            "better": "higher",
            "n": 1,
        },
    ]
    print_rows(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
