"""Live preview reload: staff save the exhibition file, the preview shows the change.

    .venv/bin/python bench/bench_reload.py [--quick] [--exhibition FILE]

The kiosk as ``kiosk run --windowed`` makes it (kiosk/ui/compose.py: KioskApp with the staff
view model and the staff tools, the file watcher and the reload controller, preview mode), on a
copy of the bundled exhibition and its media in a temporary folder. Each round changes the
invitation on the attract screen the way
an editor saves (a new file renamed over the old one) and measures, from the save:

* to the first frame swapped after the new exhibition was applied (target: p95 <= 300 ms);
* the reload alone: from the watcher's call to read the file again to that frame (the rest is
  the watcher's quiet time, which lets an editor's write-rename-chmod end before reading).

The copied media are left to settle before the kiosk starts (the media check remembers no file
changed in the last two seconds, kiosk/loader/media_cache.py), as a booth's media have: otherwise
the first save checks every picture again, 140 ms of inflating PNGs that no save at a booth costs.

Prints a table, then one JSON line for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stats import summary_row  # noqa: E402

INVITATION = "Touch the screen to discover her story"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 8 if args.quick else 30

    from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
    from PySide6.QtGui import QGuiApplication

    from kiosk.loader import load_exhibition
    from kiosk.loader.media_cache import SETTLE_SECONDS
    from kiosk.staff.pin import StaffPin
    from kiosk.ui.app import KioskApp
    from kiosk.ui.lockdown.staff import StaffViewModel
    from kiosk.ui.staff_tools.attach import StaffTools
    from kiosk.ui.staff_tools.watcher import DEFAULT_DEBOUNCE_MS

    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-reload-"))
    shutil.copytree(ROOT / "config", folder / "config")
    shutil.copytree(ROOT / "media", folder / "media")
    time.sleep(SETTLE_SECONDS + 0.1)  # see the module's docstring: media unchanged for a while
    config = folder / "config" / "exhibition.yaml"
    original = config.read_text(encoding="utf-8")
    assert INVITATION in original, "the bundled exhibition's invitation changed: update this benchmark"

    app = QGuiApplication(sys.argv[:1])
    result = load_exhibition(config)
    staff = StaffViewModel(StaffPin(), preview=True)  # as kiosk/ui/compose.py makes them
    staff.set_load_result(result)
    tools = StaffTools(config, result, preview=True, watch=True, analytics=False)
    kiosk = KioskApp(result, size=(1920, 1080), staff=staff, schedule=tools.schedule, reload=tools.reload)
    tools.attach(kiosk, staff)
    frames: list[float] = []
    kiosk.window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))
    applied: list[float] = []
    tools.reload.applied.connect(lambda _result: applied.append(time.perf_counter()))
    reads: list[float] = []
    load = tools.reload._load

    def timed_load(path: Path) -> Any:
        reads.append(time.perf_counter())
        return load(path)

    tools.reload._load = timed_load
    kiosk.show(fullscreen=False, size=QSize(1920, 1080))

    def spin(condition: Any, seconds: float) -> bool:
        deadline = time.perf_counter() + seconds
        while not condition():
            if time.perf_counter() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        return True

    spin(lambda: False, 1.5)  # the first attract frame and the loop under way
    to_screen: list[float] = []
    reload_only: list[float] = []
    for index in range(rounds):
        text = original.replace(INVITATION, f"{INVITATION} ({index + 1})")
        applied.clear()
        reads.clear()
        temporary = config.with_name(".exhibition.yaml.saving")
        saved = time.perf_counter()
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, config)  # an editor's save: a new file renamed over the old
        if not spin(lambda: bool(applied), 10):
            print(f"round {index}: the change was never applied", file=sys.stderr)
            return 2
        spin(lambda: any(f > applied[0] for f in frames), 2)
        shown = next(f for f in frames if f > applied[0])
        to_screen.append((shown - saved) * 1000)
        reload_only.append((shown - reads[-1]) * 1000)
        spin(lambda: False, 0.3)
    kiosk.close()
    tools.close()
    app.processEvents()
    shutil.rmtree(folder, ignore_errors=True)

    def row(name: str, values: list[float], target: float | None, note: str) -> dict[str, Any]:
        return summary_row(name, values, unit="ms", target=target, note=note, judge="p95")

    rows = [
        row(
            "preview reload: save to the change on screen",
            to_screen,
            300,
            f"bundled exhibition, 1920x1080 preview; includes the watcher's {DEFAULT_DEBOUNCE_MS} ms of quiet; "
            "p95 is the target",
        ),
        row(
            "preview reload: read, check, apply, first frame",
            reload_only,
            None,
            "from the watcher's call to the frame: the part that is the kiosk's work",
        ),
    ]
    for r in rows:
        print(f"{r['name']:50} median {r['median']:7.1f} p95 {r['p95']:7.1f} max {r['max']:7.1f} ms")
    print(json.dumps({"bench": "reload", "results": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
