"""What a film costs by its size and the screen's: one table of 720p, 1080p, 1440p and 2160p films
on 1920x1080 and 3840x2160 windows, as a kiosk plays an excerpt full screen.

    .venv/bin/python bench/bench_video_sizes.py [--quick] [--one-core] [--gl]

For each film and window, a fresh process (so that resident memory is that one film's) opens
VideoPlayer.qml full window on a screen of the window's size (the offscreen platform configured
with that screen, or Xvfb's with --gl), plays the film, and measures over the last seconds:
frames painted per second (target 29 for a 30 fps film), CPU of the whole process in % of one
core, resident memory (RSS, MiB; target 450 for a 2160p window), and the size of the frames
libVLC delivers (they should be no larger than the picture shown).

The films are H.264 30 fps with the frame number drawn in (tests/video/clips.py), made by ffmpeg
the first time into the benchmarks' clip folder and kept there.

``--one-core`` pins each child to CPU 0 (as ``taskset -c 0``) and plays only the 1080p film on
the 1080p window: the row a small one-core booth machine cares about.
``--gl`` runs on Xvfb with the OpenGL scene graph (Mesa's llvmpipe: the path of a kiosk with a
graphics card, here on the CPU) instead of the software scene graph offscreen. llvmpipe is a renderer
on the processor, so the kiosk sends it RGB textures; ``--card-i420`` sends it each film's I420
planes instead, as the kiosk does to a graphics card (kiosk/ui/video/i420_rhi_node.py), to measure
that path here.
``--prepared`` prepares each excerpt before playing it, as the attract loop does (opened ahead of
the excerpt, held on its first frame, then played), instead of starting it as a tap does; the
two read the film differently far ahead (kiosk/video/playback.py), so their memory differs.
``--map`` runs each child under strace and says where its memory is while the film plays: every
block of 1 MiB or more mapped (glibc's mmap threshold is pinned at 1 MiB, so each big block is a
mapping of its own), grouped by size, with the pages resident in it (``/proc/self/pagemap``).
By size they tell apart libVLC's decoded pictures (I420 at the decoder's padded size), its vmem
picture, our frame buffers (RV32 plus 4 lines) and the window's backing store. Slower: for
memory, not for frame rates.

``--attract`` measures the whole kiosk instead (``kiosk run``, offscreen, a screen of the window's
size): an exhibition whose attract loop is two excerpts of the film, each the only film of its
panel, as a booth would loop two scenes of one 2160p film. The next excerpt prepares (paused on
its first frame) in the last 1.5 s of the one playing: two decoders at once, near each switch. It
samples the process's resident memory for the run and reports its peak, its median after the
first 10 s, and its low tenth there (between switches: one excerpt decodes).

Prints a table, then one JSON line for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "video")]

from bench.stats import summary_row  # noqa: E402

FILMS = {"720p": (1280, 720), "1080p": (1920, 1080), "1440p": (2560, 1440), "2160p": (3840, 2160)}
WINDOWS = {"1080p": (1920, 1080), "2160p": (3840, 2160)}
FPS_TARGET = 29.0
RSS_TARGET_4K = 450.0


def child(args: argparse.Namespace) -> int:
    """Play one film full window; print what it cost as one JSON line."""
    import psutil
    from harness import exhibition_with, find, make_poster, make_store, open_player, video_panel
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QGuiApplication

    from kiosk.malloc import tune_for_long_runs
    from kiosk.video import vlc_engine

    tune_for_long_runs()
    app = QGuiApplication(sys.argv[:1])
    vlc_engine.configure(["--aout=adummy"])
    width, height = args.window
    film = Path(args.film)
    media = film.parent
    poster = make_poster(media, "#203040", (640, 360))
    seconds = args.seconds
    # Tapped: played at once, as a tap on a film not prepared yet (up to 1080p straight at the
    # excerpt, which libVLC needs to read 300 ms ahead for; larger films with a lead-in). Prepared
    # (as the attract loop plays its films): opened ahead of it, held, then played. Both a second
    # into the film, where a lead-in fits, as it does for most excerpts.
    start_ms = 1000
    store = make_store(exhibition_with(video_panel(film, poster, start_ms, start_ms + int((seconds + 3) * 1000))))
    view = open_player(store, "excerpt", size=(width, height))
    view.show()
    frame_item = find(view, "videoFrame")
    player = find(view, "excerptPlayer")
    swaps = [0]
    view.frameSwapped.connect(lambda: swaps.__setitem__(0, swaps[0] + 1))

    def wait(predicate: Any, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                return False
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)
        return True

    process = psutil.Process()
    wait(lambda: False, 1.0)
    rss_before = process.memory_info().rss / 2**20  # the scene on screen, no film yet
    if args.prepared:
        player.prepare()
        if not wait(lambda: player.property("state") == "ready", 20):
            print(json.dumps({"error": "never ready", "state": player.property("state")}))
            return 1
        asked = time.monotonic()
        player.play()
    else:
        asked = time.monotonic()
        view.rootObject().start()
    wait(lambda: frame_item.frames_painted > 0, 20)
    first_frame_ms = (time.monotonic() - asked) * 1000  # to the first picture painted, the poster gone
    if not wait(lambda: frame_item.frames_painted > 5, 20):
        print(json.dumps({"error": "no frame painted", "state": player.property("state")}))
        return 1
    wait(lambda: False, 1.0)
    process.cpu_percent(None)
    threads_before = thread_cpu()
    painted, swaps[0] = frame_item.frames_painted, 0
    rss_peak = 0.0
    start = time.monotonic()

    end = start + seconds
    while time.monotonic() < end:
        rss_peak = max(rss_peak, process.memory_info().rss / 2**20)
        wait(lambda: False, min(0.25, max(0.0, end - time.monotonic())))
    elapsed = time.monotonic() - start
    cpu = process.cpu_percent(None)
    threads_after = thread_cpu()
    fps = (frame_item.frames_painted - painted) / elapsed
    # CPU of every thread but the software renderer's own (llvmpipe's rasterizing threads): what a
    # kiosk spends on the processor when a graphics card draws (the render thread's uploads stay in).
    ours = sum(
        seconds - threads_before.get(tid, (name, 0.0))[1]
        for tid, (name, seconds) in threads_after.items()
        if not name.startswith("llvmpipe")
    )
    if args.map_file:
        write_resident_pages(Path(args.map_file))
    delivered = player.current_frame()
    # The frames alive: libVLC draws into pooled buffers, each held by whatever still shows or
    # waits to show its picture (kiosk/video/frame_pool.py). Read through the player's engine.
    pool = getattr(getattr(player, "_engine", None), "_pool", None)
    result = {
        "fps": fps,
        "swaps": swaps[0] / elapsed,
        "cpu": cpu,
        "cpu_ours_ms_per_frame": 1000 * ours / max(1, frame_item.frames_painted - painted),
        "rss": rss_peak,
        "rss_before": rss_before,
        "first_frame_ms": first_frame_ms,
        "buffers": pool.buffers + pool.overflows if pool is not None else None,
        "delivered": [delivered.width, delivered.height] if delivered is not None else None,
        "draws": [frame_item.yuv_draws.direct, frame_item.yuv_draws.painter, frame_item.yuv_draws.uploads],
        "platform": QGuiApplication.platformName(),
        "backend": view.rendererInterface().graphicsApi().name,
    }
    player.release()
    view.close()
    vlc_engine.shutdown()
    app.processEvents()
    print(json.dumps(result))
    return 0


def write_resident_pages(path: Path) -> None:
    """Which pages of each anonymous mapping of 1 MiB or more are resident now, for --map; then
    an open() of ``path`` + ".mark", which strace records: the mappings live at that moment are
    the ones mapped before it and not unmapped."""
    page = os.sysconf("SC_PAGE_SIZE")
    regions = []
    with open("/proc/self/maps") as maps, open("/proc/self/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split()
            start, end = (int(value, 16) for value in fields[0].split("-"))
            if len(fields) > 5 or end - start < 1 << 20:
                continue
            pagemap.seek(start // page * 8)
            entries = pagemap.read((end - start) // page * 8)
            present = "".join(
                "1" if entries[i * 8 + 7] & 0x80 else "0" for i in range(len(entries) // 8)
            )  # bit 63 of each little-endian entry: the page is in memory
            regions.append([start, end, present])
    path.write_text(json.dumps({"page": page, "regions": regions}))
    with contextlib.suppress(OSError):
        open(str(path) + ".mark").close()


def memory_map(trace: Path, pages: Path) -> list[tuple[float, int, float]]:
    """(MiB per block, blocks live, MiB resident in them) for each size of big block mapped."""
    mapped = re.compile(r"mmap\(NULL, (\d+), [^)]*MAP_ANONYMOUS[^)]*\) = (0x[0-9a-f]+)")
    unmapped = re.compile(r"munmap\((0x[0-9a-f]+), \d+\)")
    live: dict[int, int] = {}
    for line in trace.read_text().splitlines():
        if str(pages) + ".mark" in line:
            break
        if found := mapped.search(line):
            if int(found.group(1)) >= 1 << 20:
                live[int(found.group(2), 16)] = int(found.group(1))
        elif found := unmapped.search(line):
            live.pop(int(found.group(1), 16), None)
    snapshot = json.loads(pages.read_text())
    page = snapshot["page"]

    def resident(address: int, size: int) -> int:
        count = 0
        for start, end, present in snapshot["regions"]:
            low, high = max(start, address), min(end, address + size)
            if low < high:
                count += present[(low - start) // page : (high - start) // page].count("1")
        return count * page

    groups: dict[float, list[int]] = {}
    for address, size in live.items():
        groups.setdefault(round(size / 2**20, 1), []).append(resident(address, size))
    return sorted(((mib, len(r), sum(r) / 2**20) for mib, r in groups.items()), reverse=True)


ATTRACT_EXHIBITION = """\
version: 1
exhibition:
  id: bench-attract
  title: {en: Attract loop, fr: Boucle}
  languages: [en, fr]
  media: media
attract:
  items: [first, second]
  invitation: {en: Touch the screen, fr: Touchez}
chapters:
  - id: films
    title: {en: Films, fr: Films}
    panels:
      - {id: first, type: video, title: {en: One, fr: Un}, src: FILM, start: "00:01", end: "00:04", poster: POSTER}
      - {id: second, type: video, title: {en: Two, fr: Deux}, src: FILM, start: "00:05", end: "00:08", poster: POSTER}
"""


def attract_memory(film: Path, env: dict[str, str], folder: Path, seconds: float) -> dict[str, Any]:
    """Run ``kiosk run`` on an attract loop of two excerpts of ``film``; its RSS over ``seconds``."""
    import psutil

    media = folder / "media"
    media.mkdir(exist_ok=True)
    shutil.copy(film, media / film.name)
    poster = media / "poster.png"
    if not poster.exists():
        from harness import make_poster  # Qt: only in the parent of the kiosk here, never in its process

        shutil.copy(make_poster(media, "#203040", (640, 360)), poster)
    exhibition = folder / "exhibition.yaml"
    exhibition.write_text(ATTRACT_EXHIBITION.replace("FILM", film.name).replace("POSTER", poster.name))
    state = {name: str(folder / "xdg" / name) for name in ("data", "state", "cache", "config")}
    env = dict(
        env,
        KIOSK_VLC_OPTIONS=(env.get("KIOSK_VLC_OPTIONS", "") + " --aout=adummy").strip(),
        XDG_DATA_HOME=state["data"],
        XDG_STATE_HOME=state["state"],
        XDG_CACHE_HOME=state["cache"],
        XDG_CONFIG_HOME=state["config"],
        KIOSK_LOG_DIR=str(folder / "logs"),
    )
    size = env["KIOSK_BENCH_SIZE"]
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--size", size, str(exhibition)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    samples: list[tuple[float, float]] = []
    try:
        process = psutil.Process(kiosk.pid)
        began = time.monotonic()
        while time.monotonic() - began < seconds and kiosk.poll() is None:
            samples.append((time.monotonic() - began, process.memory_info().rss / 2**20))
            time.sleep(0.2)
    finally:
        kiosk.terminate()
        kiosk.wait(30)
    settled = sorted(rss for at, rss in samples if at > 10) or [0.0]
    if not samples:
        return {"error": "the kiosk did not start"}
    # Between switches one film decodes; near each switch the next prepares beside it (its
    # decoder's pictures on top, docs/decisions/0068): the low tenth is the first, the peak the second.
    return {
        "peak": max(rss for _, rss in samples),
        "settled": settled[len(settled) // 2],
        "between": settled[len(settled) // 10],
    }


def offscreen_screen(folder: Path, size: tuple[int, int]) -> str:
    """QT_QPA_PLATFORM for an offscreen screen of ``size`` (its default screen is 800x800: the
    kiosk sizes frames to the screen, so a benchmark on it would measure small frames)."""
    config = folder / f"screen-{size[0]}x{size[1]}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "bench",
                        "x": 0,
                        "y": 0,
                        "width": size[0],
                        "height": size[1],
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    return f"offscreen:configfile={config}"


class Xvfb:
    """An Xvfb server of one screen size, for --gl."""

    def __init__(self, size: tuple[int, int]) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as stream:
            self.display = ":" + stream.readline().strip()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def thread_cpu() -> dict[int, tuple[str, float]]:
    """Each thread of this process: its name and the CPU seconds it used (Linux's /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[int, tuple[str, float]] = {}
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            found[int(task.name)] = (name, (int(fields[11]) + int(fields[12])) / ticks)  # utime, stime
    return found


def drawn(got: dict[str, Any]) -> str:
    """How the frames were drawn: RGB textures, I420 planes converted by the graphics card
    ("I420 card"), or I420 converted straight into the window's image (direct) or through an RGB
    image of its own (painter), as a percentage of the I420 repaints."""
    direct, painter, uploads = [*(got.get("draws") or ()), 0, 0, 0][:3]
    if uploads:
        return "I420 card"
    return "RGB" if direct + painter == 0 else f"I420 {round(100 * direct / (direct + painter))}%"


def run_child(
    film: Path,
    window: tuple[int, int],
    seconds: float,
    env: dict[str, str],
    one_core: bool,
    map_in: Path | None = None,
    prepared: bool = False,
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        "--film",
        str(film),
        "--window",
        str(window[0]),
        str(window[1]),
        "--seconds",
        str(seconds),
    ]
    if prepared:
        command.append("--prepared")
    if one_core:
        command = ["taskset", "-c", "0", *command]
    if map_in is not None:
        trace, pages = map_in / "trace.txt", map_in / "pages.json"
        command = ["strace", "-f", "-qq", "-e", "trace=mmap,munmap,openat", "-o", str(trace), *command]
        command += ["--map-file", str(pages)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    result: dict[str, Any] = json.loads(lines[-1])
    if map_in is not None and pages.exists():
        result["map"] = memory_map(trace, pages)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--one-core", action="store_true")
    parser.add_argument("--gl", action="store_true", help="Xvfb and the OpenGL scene graph (llvmpipe)")
    parser.add_argument("--card-i420", action="store_true", help="with --gl: I420 planes, as to a graphics card")
    parser.add_argument("--films", nargs="+", choices=list(FILMS), help="only these films")
    parser.add_argument("--windows", nargs="+", choices=list(WINDOWS), help="only these windows")
    parser.add_argument("--map", action="store_true", help="where the memory is, by mapping (strace)")
    parser.add_argument("--attract", action="store_true", help="the whole kiosk: an attract loop of two excerpts")
    parser.add_argument("--prepared", action="store_true", help="prepare, then play (as the attract loop)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--map-file", help=argparse.SUPPRESS)
    parser.add_argument("--film", help=argparse.SUPPRESS)
    parser.add_argument("--window", type=int, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=6.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    from clips import make_clip

    media = Path(tempfile.gettempdir()) / "kiosk-bench-video"
    media.mkdir(exist_ok=True)
    seconds = 4.0 if args.quick else 8.0
    films = {name: FILMS[name] for name in (args.films or (["1080p"] if args.one_core else FILMS))}
    windows = {name: WINDOWS[name] for name in (args.windows or (["1080p"] if args.one_core else WINDOWS))}
    clips = {
        name: make_clip(media, width=w, height=h, seconds=seconds + 6, gop=60, audio=False)
        for name, (w, h) in films.items()
    }
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-sizes-"))
    rows: list[dict[str, Any]] = []
    if args.attract:
        try:
            return attract_rows(args, clips, windows, scratch, 30.0 if args.quick else 60.0)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    where = "Xvfb, OpenGL scene graph (llvmpipe)" if args.gl else "offscreen, software scene graph"
    suffix = " (one core)" if args.one_core else (" (OpenGL)" if args.gl else "")
    if args.gl and args.card_i420:
        where, suffix = f"{where}, I420 planes as to a graphics card", " (OpenGL, I420 planes)"
    suffix += " (prepared)" if args.prepared else ""
    print(
        f"{'film':>6} {'window':>7} {'fps':>6} {'CPU %':>6} {'RSS MiB':>8} {'before':>7} {'first ms':>8} "
        f"{'buffers':>8} {'delivered':>10} {'drawn':>7}   ({where})"
    )
    try:
        for window_name, window in windows.items():
            server = Xvfb(window) if args.gl else None
            env = dict(os.environ)
            if server is not None:
                env.update(QT_QPA_PLATFORM="xcb", DISPLAY=server.display)
                env.pop("QT_QUICK_BACKEND", None)
                env["KIOSK_CARD_I420"] = "on" if args.card_i420 else "auto"
            else:
                env.update(QT_QPA_PLATFORM=offscreen_screen(scratch, window), QT_QUICK_BACKEND="software")
            try:
                for film_name, clip in clips.items():
                    got = run_child(
                        clip.path, window, seconds, env, args.one_core, scratch if args.map else None, args.prepared
                    )
                    label = f"{film_name} film in {window_name} window"
                    if "error" in got:
                        print(f"{film_name:>6} {window_name:>7}  error: {got['error']}")
                        rows.append(
                            {
                                "name": f"video cost: {label}{suffix}",
                                "unit": "",
                                "median": None,
                                "p95": None,
                                "target": None,
                                "ok": False,
                                "note": str(got["error"]),
                            }
                        )
                        continue
                    delivered = "x".join(str(v) for v in got["delivered"] or ["?"])
                    print(
                        f"{film_name:>6} {window_name:>7} {got['fps']:6.1f} {got['cpu']:6.0f} {got['rss']:8.0f} "
                        f"{got['rss_before']:7.0f} {got['first_frame_ms']:8.0f} {got['buffers'] or '?':>8} "
                        f"{delivered:>10} {drawn(got):>7}   "
                        f"{got['backend']}"
                        + (f", {got['cpu_ours_ms_per_frame']:.1f} ms CPU a frame outside llvmpipe" if args.gl else "")
                    )
                    for mib, blocks, resident in got.get("map", []):
                        if mib * blocks >= 8:
                            print(f"{'':>15} {blocks:3d} blocks of {mib:6.1f} MiB mapped, {resident:6.1f} MiB resident")
                    note = f"frames delivered {delivered} for a {clip.width}x{clip.height} film; {where}"
                    # One measurement each: its median and p95 are that measurement.
                    name = f"video cost: {label}"
                    rows.append(
                        summary_row(
                            f"{name}: frames painted{suffix}",
                            [got["fps"]],
                            unit="fps",
                            target=FPS_TARGET,
                            note=note,
                            better="higher",
                        )
                    )
                    rows.append(
                        summary_row(
                            f"{name}: CPU{suffix}",
                            [got["cpu"]],
                            unit="% of a core",
                            target=None,
                            note="whole process",
                            digits=0,
                        )
                    )
                    if args.gl:
                        rows.append(
                            summary_row(
                                f"{name}: CPU outside the renderer, per frame{suffix}",
                                [got["cpu_ours_ms_per_frame"]],
                                unit="ms",
                                target=None,
                                note="every thread but llvmpipe's: what the processor does when a card draws",
                            )
                        )
                    rows.append(
                        summary_row(
                            f"{name}: play to first frame{suffix}",
                            [got["first_frame_ms"]],
                            unit="ms",
                            target=None,
                            note="from play (a tap) to the first picture painted; a prepared film shows its held frame",
                            digits=0,
                        )
                    )
                    rows.append(
                        summary_row(
                            f"{name}: RSS{suffix}",
                            [got["rss"]],
                            unit="MiB",
                            target=RSS_TARGET_4K if window_name == "2160p" else None,
                            note=(
                                f"whole process, peak while playing; {got['rss_before']:.0f} MiB before the film, "
                                f"{got['buffers'] or '?'} frame buffers"
                            ),
                            digits=0,
                        )
                    )
            finally:
                if server is not None:
                    server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps({"bench": "video-sizes", "results": rows}))
    return 0


def attract_rows(
    args: argparse.Namespace, clips: dict[str, Any], windows: dict[str, tuple[int, int]], scratch: Path, seconds: float
) -> int:
    rows: list[dict[str, Any]] = []
    print(
        f"{'film':>6} {'window':>7} {'peak MiB':>9} {'settled MiB':>12} {'between MiB':>12}"
        "   (kiosk run, attract loop of two excerpts)"
    )
    for window_name, window in windows.items():
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=offscreen_screen(scratch, window),
            QT_QUICK_BACKEND="software",
            KIOSK_BENCH_SIZE=f"{window[0]}x{window[1]}",
        )
        for film_name, clip in clips.items():
            folder = scratch / f"{film_name}-{window_name}"
            folder.mkdir()
            got = attract_memory(clip.path, env, folder, seconds)
            label = f"attract loop of two {film_name} excerpts in {window_name} window"
            if "error" in got:
                print(f"{film_name:>6} {window_name:>7}  error: {got['error']}")
                continue
            print(f"{film_name:>6} {window_name:>7} {got['peak']:9.0f} {got['settled']:12.0f} {got['between']:12.0f}")
            target = RSS_TARGET_4K if window_name == "2160p" else None
            for what, key, note in (
                ("RSS peak", "peak", "whole kiosk, peak: the next excerpt prepares beside the one playing"),
                ("RSS settled", "settled", "whole kiosk, median after 10 s (3 s excerpts: half near a switch)"),
                ("RSS between switches", "between", "whole kiosk, low tenth after the first 10 s: one excerpt decodes"),
            ):
                rows.append(
                    summary_row(
                        f"video cost: {label}: {what}", [got[key]], unit="MiB", target=target, note=note, digits=0
                    )
                )
    print(json.dumps({"bench": "video-sizes", "results": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
