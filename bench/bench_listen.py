"""The listen control's speed: from the listen key pressed to the first sound, on the real kiosk.

    .venv/bin/python bench/bench_listen.py [--quick]

1. speak: ``kiosk speak`` on the bundled exhibition into an empty folder (every panel, cue and
   label in fr, en, ar), then again (nothing changed: every file reused). Reported, with a target
   for the cold render (staff wait for it once per change).
2. listen to first sound: the real kiosk window (offscreen), the bundled exhibition, speech
   rendered ahead of time. On a panel, the listen key (L) is pressed with a key event; the time
   runs to the first audible sample (|s| > 1000 of 32768) that libVLC hands to the audio output,
   at the moment it is due to play (its pts). libVLC's sound goes to a tap instead of a
   loudspeaker: the same decoding and timing, without a sound card. Panels and languages vary;
   30 presses (10 with --quick). Target: 300 ms.

Prints a human table, then the run_all.py JSON line last.
"""

from __future__ import annotations

import argparse
import array
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from bench.stats import percentile  # noqa: E402


class Ear:
    def __init__(self) -> None:
        self.heard = threading.Event()
        self.at = 0.0

    def tap(self, data: bytes, at: float) -> None:
        if self.heard.is_set():
            return
        block = array.array("h")
        block.frombytes(data)
        if block and max(abs(s) for s in block) > 1000:
            self.at = at
            self.heard.set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    presses = 10 if args.quick else 30

    from kiosk import paths
    from kiosk.loader import load_exhibition
    from kiosk.speech.library import render

    exhibition = load_exhibition(paths.default_exhibition()).exhibition
    assert exhibition is not None
    folder = Path(tempfile.mkdtemp(prefix="bench-speech-"))
    started = time.perf_counter()
    report = render(exhibition, folder)
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    again = render(exhibition, folder)
    warm_s = time.perf_counter() - started
    print(
        f"kiosk speak, cold: {cold_s:.1f} s for {report.rendered} files; again: {warm_s:.2f} s ({again.reused} reused)"
    )

    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.navigation import Timeouts
    from kiosk.ui.app import KioskApp
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    app = QGuiApplication(sys.argv)
    ear = Ear()
    kiosk = KioskApp(
        exhibition,
        timeouts=Timeouts(idle=3600, countdown=10, tap_gap=0.05),
        size=(1920, 1080),
        sound=lambda: vlc_engine.VlcSoundPlayer(tap=ear.tap),
        speech_folder=folder,
    )
    kiosk.show(fullscreen=False, size=QSize(1920, 1080))
    QTest.qWaitForWindowExposed(kiosk.window)
    kiosk.visit.wake()
    QTest.qWait(100)
    places = [(ci, pi) for ci, chapter in enumerate(exhibition.chapters) for pi in range(len(chapter.panels))]
    times: list[float] = []
    for n in range(presses):
        chapter, panel = places[(n * 7) % len(places)]
        kiosk.visit.set_language(exhibition.languages[n % len(exhibition.languages)])
        if kiosk.visit.state.chapter != chapter or kiosk.visit.state.panel != panel:
            kiosk.visit.open_chapter(chapter, panel)
        QTest.qWait(350)
        ear.heard.clear()
        pressed = time.monotonic()
        QTest.keyClick(kiosk.window, Qt.Key.Key_L)
        deadline = time.monotonic() + 5
        while not ear.heard.is_set() and time.monotonic() < deadline:
            app.processEvents()
            ear.heard.wait(0.002)
        if not ear.heard.is_set():
            print(f"press {n}: no sound within 5 s", file=sys.stderr)
            continue
        times.append((ear.at - pressed) * 1000)
        QTest.keyClick(kiosk.window, Qt.Key.Key_L)  # stop
        QTest.qWait(100)
    kiosk.close()
    if not times:
        return 2
    median, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"listen pressed to first sound: median {median:.0f} ms, p95 {p95:.0f} ms over {len(times)} presses")
    rows = [
        {
            "name": "listen pressed to first sound",
            "unit": "ms",
            "median": round(median, 1),
            "p95": round(p95, 1),
            "target": 300,
            "better": "lower",
            "n": len(times),
            "note": "key L on a panel to the first audible sample libVLC plays (its pts); speech rendered ahead",
        },
        {
            "name": "kiosk speak, bundled exhibition, cold",
            "unit": "s",
            "median": round(cold_s, 2),
            "p95": None,
            "target": 60,
            "better": "lower",
            "n": 1,
            "note": f"{report.rendered} files (panels, description cues, labels x 3 languages); "
            f"unchanged rerun {warm_s:.2f} s",
        },
    ]
    print(json.dumps({"bench": "listen", "results": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
