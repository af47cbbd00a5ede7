"""Measure how fast the kiosk rides through its faults: display back, display late at boot, a frozen UI.

    .venv/bin/python tests/faults/measure.py [--repeats 5 | --quick]

Each is timed from the moment the fault ends (the display answers again; the watchdog's limit,
2 s here, from the freeze) to the new kiosk's first attract-loop frame, on a real Xvfb under
the real supervisor (``kiosk run --supervise``). Prints one JSON line (bench/run_all.py's protocol).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.faults.kiosk_process import kiosk_env, launch, wait_for_line  # noqa: E402
from tests.faults.xserver import Xvfb, free_display  # noqa: E402
from tests.recovery.measure import start  # noqa: E402


def display_back(repeats: int, scratch: Path) -> list[float]:
    """Xvfb killed under the supervised kiosk, started again: its return to the new first frame."""
    server = Xvfb(free_display())
    server.start()
    supervised = launch(kiosk_env(scratch, server.name), "--size", "1280x720", supervised=True)
    times = []
    try:
        frame = supervised.next_frame(timeout=90)
        for _ in range(repeats):
            server.stop()
            time.sleep(1.0)  # away a moment: the kiosk leaves, the supervisor waits
            back = server.start()
            frame = supervised.next_frame(timeout=60, not_pid=frame.pid)
            times.append(frame.mono - back)
    finally:
        supervised.stop()
        server.stop()
    return times


def display_late(repeats: int, scratch: Path) -> list[float]:
    """The kiosk started first, Xvfb a second later: Xvfb up to the first frame."""
    times = []
    for _ in range(repeats):
        server = Xvfb(free_display())
        kiosk = launch(kiosk_env(scratch, server.name), "--size", "1280x720")
        try:
            wait_for_line(kiosk, "waiting for the display")
            time.sleep(1.0)
            up = server.start()
            times.append(kiosk.next_frame(timeout=60).mono - up)
        finally:
            kiosk.stop()
            server.stop()
    return times


def frozen(repeats: int, scratch: Path) -> list[float]:
    """The UI thread stuck 3 s after each start (all but the last), watchdog limit 2 s: freeze to new frame."""
    # Each freeze an isolated death (--crash-limit 1000), as recovery/measure.py does: the crash-loop
    # back-off (tested on its own) would otherwise add its wait from the third freeze on.
    supervised = start(
        None,
        scratch,
        env_extra={
            "KIOSK_PROBE_EXTRA": "freezer",
            "PYTHONPATH_EXTRA": str(HERE),
            "KIOSK_TEST_FREEZE": "ui",
            "KIOSK_WATCHDOG_UI_S": "2",
            "KIOSK_TEST_FREEZE_EVERY_START": str(repeats),
        },
    )
    times = []
    try:
        frame = supervised.next_frame(timeout=90)
        for _ in range(repeats):
            wait_for_line(supervised, f"KIOSK-TEST-FROZEN ui pid={frame.pid}", timeout=30)
            text = "\n".join(supervised.log)
            frozen_at = float(re.findall(rf"KIOSK-TEST-FROZEN ui pid={frame.pid} mono=([\d.]+)", text)[-1])
            frame = supervised.next_frame(timeout=60, not_pid=frame.pid)
            times.append(frame.mono - frozen_at)
    finally:
        supervised.stop()
    return times


def _row(name: str, values: list[float], note: str, target: float | None = None) -> dict[str, object]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "name": name,
        "unit": "s",
        "median": round(statistics.median(values), 3),
        "p95": round(p95, 3),
        "target": target,
        "better": "lower",
        "n": len(values),
        "note": note,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 of each")
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else args.repeats
    with tempfile.TemporaryDirectory(prefix="kiosk-faults-") as tmp:
        scratch = Path(tmp)
        back = display_back(repeats, scratch / "back")
        late = display_late(repeats, scratch / "late")
        stuck = frozen(repeats, scratch / "frozen")
    for label, values in (("display back", back), ("display late", late), ("frozen", stuck)):
        print(f"{label}: " + ", ".join(f"{v:.2f}" for v in values) + " s", file=sys.stderr)
    rows = [
        _row(
            "faults: display back to the new kiosk's first frame (supervised)",
            back,
            "Xvfb killed for 1 s and started again",
            5.0,
        ),
        _row("faults: display up at boot to the first frame", late, "kiosk started 1 s before Xvfb", 5.0),
        _row(
            "faults: UI thread stuck to the new kiosk's first frame",
            stuck,
            "watchdog limit 2 s here (15 s as shipped): the limit plus a restart",
        ),
    ]
    print(json.dumps({"bench": "faults", "results": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
