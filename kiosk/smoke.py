"""``kiosk doctor --smoke``: start the real kiosk offscreen for a few seconds and say what it did.

The packaging test runs this from the built bundle with the system's libVLC hidden, so it proves
that the bundle carries everything the kiosk needs: it loads the exhibition, renders the first
frame of the real QML scene, plays one second of a video excerpt through the real libVLC engine,
and exits 0. Each step is reported in plain words (or JSON); any failed step makes the exit code 1.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: How long each step may take before it counts as failed.
STEP_TIMEOUT_S = 20.0
#: How much of the excerpt must play.
PLAY_SECONDS = 1.0


@dataclass
class Step:
    name: str
    status: str  # "ok", "fail" or "skipped"
    summary: str
    ms: float | None = None
    details: dict[str, Any] = field(default_factory=dict)


def process_age_ms() -> float | None:
    """Milliseconds since this process was started (the bundle's bootloader counts), Linux only."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])  # field 22 of /proc/<pid>/stat, counted after the ")"
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000


def wait_until(app: Any, predicate: Callable[[], bool], timeout_s: float) -> bool:
    """Run Qt's event loop until ``predicate()`` holds or the time is up."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)  # let libVLC's threads run between two passes of the loop
    return True


def load_step(config: Path) -> tuple[Step, Any]:
    from kiosk.loader import load_exhibition

    started = time.monotonic()
    result = load_exhibition(config)
    ms = (time.monotonic() - started) * 1000
    if not result.ok:
        first = "; ".join(str(problem) for problem in result.errors[:3])
        return Step("exhibition", "fail", f"{config}: {len(result.errors)} error(s): {first}", ms), result
    exhibition = result.exhibition
    assert exhibition is not None  # result.ok
    return Step(
        "exhibition", "ok", f"{config}: {len(exhibition.chapters)} chapters, {', '.join(exhibition.languages)}", ms
    ), result


def first_frame_step(app: Any, result: Any, size: tuple[int, int], screenshot: Path | None) -> tuple[Step, Any]:
    from PySide6.QtCore import QSize

    from kiosk.ui.app import KioskApp

    started = time.monotonic()
    kiosk = KioskApp(result, size=size)
    swapped: list[float] = []
    kiosk.window.frameSwapped.connect(lambda: swapped.append(time.monotonic()))
    kiosk.show(fullscreen=False, size=QSize(*size))
    if not wait_until(app, lambda: bool(swapped), STEP_TIMEOUT_S):
        return Step("first_frame", "fail", f"no frame within {STEP_TIMEOUT_S:.0f} s"), kiosk
    ms = (swapped[0] - started) * 1000
    age = process_age_ms()
    details: dict[str, Any] = {"since_window_ms": round(ms), "since_process_start_ms": round(age) if age else None}
    summary = f"first frame {ms:.0f} ms after the window was made"
    if age is not None:
        summary += f", {age / 1000:.2f} s after the process started"
    if screenshot is not None:
        image = kiosk.window.grabWindow()
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if image.save(str(screenshot)):
            details["screenshot"] = str(screenshot)
    return Step("first_frame", "ok", summary, ms, details), kiosk


def excerpts(exhibition: Any, *, every_film: bool) -> list[Any]:
    """The video panels to play: the first playable one, or one per distinct film."""
    found: dict[Any, Any] = {}
    for _chapter, panel in exhibition.panels():
        if getattr(panel, "kind", "") == "video" and panel.src.usable:
            found.setdefault(panel.src.path, panel)
            if not every_film:
                break
    return list(found.values())


def video_steps(app: Any, exhibition: Any, *, every_film: bool = False) -> list[Step]:
    panels = excerpts(exhibition, every_film=every_film)
    if not panels:
        return [Step("video", "skipped", "the exhibition has no playable video excerpt")]
    if importlib.util.find_spec("kiosk.video") is None or importlib.util.find_spec("kiosk.video.vlc_engine") is None:
        return [Step("video", "skipped", "the video engine is not part of this build yet")]
    try:
        from kiosk.video import vlc_engine
    except Exception as error:  # present but broken (a module missing from the bundle...)
        return [Step("video", "fail", f"the video engine does not load: {type(error).__name__}: {error}")]
    return [play_excerpt(app, vlc_engine, panel, PLAY_SECONDS, STEP_TIMEOUT_S) for panel in panels]


class _Watcher:
    """Listens to the engine on libVLC's threads: only appends and reads under a lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.frames: list[tuple[float, float]] = []  # (wall time shown, film ms)
        self.size: tuple[int, int] = (0, 0)
        self.events: list[str] = []

    def frame_displayed(self, at: float, read: Callable[[], Any]) -> None:
        frame = read()
        with self.lock:
            self.frames.append((at, float(frame.film_ms)))
            self.size = (frame.width, frame.height)

    def time_reported(self, film_ms: int, at: float) -> None:
        pass

    def engine_event(self, event: Any, detail: str) -> None:
        with self.lock:
            self.events.append(f"{getattr(event, 'value', event)}{': ' + detail if detail else ''}")

    def played_ms(self) -> float:
        with self.lock:
            return self.frames[-1][0] * 1000 - self.frames[0][0] * 1000 if len(self.frames) > 1 else 0.0


def play_excerpt(app: Any, engine_module: Any, panel: Any, seconds: float, timeout_s: float) -> Step:
    """Play ``seconds`` of the panel's excerpt through the real libVLC engine, then stop it."""
    from kiosk.video.engine import Excerpt

    info = engine_module.probe()
    details: dict[str, Any] = {"libvlc": info.summary(), "library": info.library, "plugins": info.plugins}
    if not info.available:
        return Step("video", "fail", info.summary(), details=details)
    excerpt = Excerpt(panel.src.path, panel.start.ms, panel.end.ms, audio=True)
    watcher = _Watcher()
    engine = engine_module.VlcEngine(max_size=(960, 540))
    started = time.monotonic()
    try:
        engine.open(excerpt, watcher, excerpt.start_ms)
        played = wait_until(
            app,
            lambda: watcher.played_ms() >= seconds * 1000 or any("error" in e for e in watcher.events),
            timeout_s,
        )
    finally:
        engine.release()
    with watcher.lock:
        frames, events, size = list(watcher.frames), list(watcher.events), watcher.size
    first_ms = (frames[0][0] - started) * 1000 if frames else None
    details.update(frames=len(frames), events=events, size=list(size), first_frame_ms=first_ms)
    where = f"{panel.id} ({panel.src.relative} from {panel.start})"
    if not played or not frames or any(e.startswith("error") for e in events):
        return Step("video", "fail", f"{where}: {len(frames)} frames, events {events}", details=details)
    span = (frames[-1][0] - frames[0][0]) * 1000
    film = frames[-1][1] - frames[0][1]
    large = large_films_check(info.library)
    details.update(wall_ms=round(span), film_ms=round(film), large_films=large)
    return Step(
        "video",
        "ok",
        f"{where}: {len(frames)} frames of {size[0]}x{size[1]} in {span / 1000:.1f} s, "
        f"first frame {first_ms:.0f} ms after open, {info.version} from {info.library}; large films {large}",
        first_ms,
        details,
    )


def large_films_check(libvlc: str) -> str:
    """How large films reach the screen here: as I420 once libswscale converts a picture right
    (docs/decisions/0067), or as RGB from libVLC, and why."""
    from kiosk.video import swscale
    from kiosk.video.engine import Frame, PixelFormat

    if not swscale.available(libvlc):
        return f"as RGB ({swscale.why_not()})"
    # A grey 16x2 I420 picture (Y 126, no colour) must come out grey; zeros after it, for
    # libswscale's reading in runs.
    picture = Frame(
        bytearray([126] * 32 + [128] * 16 + [0] * 64), 16, 2, 16,
        pixel_format=PixelFormat.I420, plane_offsets=(0, 32, 40), plane_strides=(16, 8, 8),
    )  # fmt: skip
    grey = swscale.to_rgb32(picture).data[0:3]
    if max(grey) - min(grey) > 4 or not 110 <= grey[0] <= 140:
        return f"as RGB (libswscale converted grey to {list(grey)})"
    return "as I420 (libswscale)"


def run_smoke(
    config: Path | None = None,
    *,
    as_json: bool = False,
    screenshot: Path | None = None,
    size: tuple[int, int] = (1920, 1080),
    every_film: bool = False,
) -> int:
    """Run every step, print the report, return 0 when none failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a technician's SSH session, CI: no screen
    # The smoke checks the picture and sound pipeline, not the sound card (CI has none). Set before
    # the app starts: the attract loop may open libVLC before the video step does.
    os.environ.setdefault("KIOSK_VLC_OPTIONS", "--aout=adummy")
    from kiosk import paths
    from kiosk.logs import install_qt_message_handler, setup_logging

    setup_logging()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "kiosk"])
    qt_messages: list[str] = []
    install_qt_message_handler()
    qt_log = logging.getLogger("kiosk.qt")

    class _Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                qt_messages.append(record.getMessage())

    counter = _Count()
    qt_log.addHandler(counter)
    steps: list[Step] = []
    kiosk = None
    try:
        step, result = load_step(config or paths.default_exhibition())
        steps.append(step)
        if result.exhibition is not None:
            step, kiosk = first_frame_step(app, result, size, screenshot)
            steps.append(step)
            steps.extend(video_steps(app, result.exhibition, every_film=every_film))
    except Exception as error:  # the report must still come out, with the reason
        log.exception("smoke test step crashed")
        steps.append(Step("crash", "fail", f"{type(error).__name__}: {error}"))
    finally:
        qt_log.removeHandler(counter)
        if kiosk is not None:
            kiosk.close()
    steps.append(Step("qt_messages", "ok", f"{len(qt_messages)} Qt warning(s)", details={"messages": qt_messages[:20]}))
    failed = [step for step in steps if step.status == "fail"]
    report = {
        "ok": not failed,
        "frozen": paths.is_frozen(),
        "steps": [asdict(step) for step in steps],
    }
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for step in steps:
            print(f"[{step.status:<7}] {step.name:<12} {step.summary}")
        print("smoke test passed" if not failed else "smoke test FAILED: " + ", ".join(s.name for s in failed))
    return 0 if not failed else 1
