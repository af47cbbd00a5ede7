"""Measure recovery: the real kiosk under the supervisor, killed with SIGKILL, back on its attract loop.

    .venv/bin/python tests/recovery/measure.py [--kills 5] [--config EXHIBITION]

Starts ``python -m kiosk.supervisor -- python kiosk_probe.py run CONFIG`` (offscreen, locked
down as on a booth), waits for the first attract-loop frame, then ``kill -9``s the kiosk
and times how long until the new kiosk's first attract-loop frame; ``--kills`` times over.
Also reports the cold start (process start to first attract frame). Prints one JSON line
(the protocol of bench/run_all.py). The test in test_recovery_kiosk.py uses the same code.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PROBE = HERE / "kiosk_probe.py"
FRAME = re.compile(r"KIOSK-FIRST-ATTRACT-FRAME pid=(\d+) mono=([\d.]+) since_start=([\d.]+)")
#: The target: back in the attract loop within 5 s.
TARGET_S = 5.0


@dataclass
class Frame:
    pid: int
    mono: float
    since_start: float


@dataclass
class Supervised:
    """The supervisor process and every line it and its children print."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    log: list[str] = field(default_factory=list)

    def next_frame(self, timeout: float, not_pid: int | None = None) -> Frame:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                tail = "\n".join(self.log[-30:])
                raise TimeoutError(f"no attract-loop frame within {timeout:.0f} s; last output:\n{tail}")
            try:
                line = self.lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                if self.process.poll() is not None:
                    raise RuntimeError("the supervisor exited:\n" + "\n".join(self.log[-30:])) from None
                continue
            match = FRAME.search(line)
            if match and int(match.group(1)) != not_pid:
                return Frame(int(match.group(1)), float(match.group(2)), float(match.group(3)))

    def stop(self, timeout: float = 20.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def environment(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        QT_QUICK_BACKEND=env.get("QT_QUICK_BACKEND", "software"),
        KIOSK_VLC_OPTIONS=env.get("KIOSK_VLC_OPTIONS", "--aout=adummy"),
        KIOSK_LOG_DIR=str(scratch / "logs"),
        KIOSK_DATA_DIR=str(scratch / "data"),
        KIOSK_CONFIG_DIR=str(scratch / "config"),
        PYTHONUNBUFFERED="1",
    )
    return env


#: Each kill here is one isolated death: the crash-loop back-off (tested with stand-in children in
#: test_supervisor.py) would otherwise add its wait from the third kill on.
ISOLATED = ("--crash-limit", "1000")


def start(
    config: Path | None,
    scratch: Path,
    *kiosk_args: str,
    policy: tuple[str, ...] = ISOLATED,
    real: bool = False,
    env_extra: dict[str, str] | None = None,
) -> Supervised:
    """The kiosk under the supervisor. ``real``: the shipped command line ``kiosk run --supervise``
    (default policy), the first-frame probe loaded into each child through probe_site/sitecustomize.py;
    otherwise ``python -m kiosk.supervisor POLICY -- kiosk_probe.py run``."""
    env = environment(scratch)
    if real:
        command = [sys.executable, "-m", "kiosk", "run", "--supervise", "--size", "1280x720", *kiosk_args]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE / "probe_site"), env.get("PYTHONPATH")]))
        env["KIOSK_PROBE_FIRST_FRAME"] = "1"
    else:
        command = [
            sys.executable,
            "-m",
            "kiosk.supervisor",
            *policy,
            "--",
            sys.executable,
            str(PROBE),
            "run",
            "--size",
            "1280x720",
            *kiosk_args,
        ]
    env.update(env_extra or {})
    if "PYTHONPATH_EXTRA" in env:  # a test's own modules (tests/faults: the freezer)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), env.pop("PYTHONPATH_EXTRA")]))
    if config is not None:
        command.append(str(config))
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    supervised = Supervised(process)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            supervised.log.append(line.rstrip("\n"))
            supervised.lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return supervised


@dataclass
class Recovery:
    cold_start_s: float
    recoveries_s: list[float]
    restart_to_frame_s: list[float]
    supervisor_exit: int
    log: list[str]


def measure(kills: int, config: Path | None = None, scratch: Path | None = None, *, real: bool = False) -> Recovery:
    """Cold start and recovery times (seconds) over ``kills`` SIGKILLs of the supervised kiosk."""
    with tempfile.TemporaryDirectory(prefix="kiosk-recovery-") as tmp:
        folder = scratch or Path(tmp)
        supervised = start(config, folder, real=real)
        try:
            frame = supervised.next_frame(timeout=90)
            cold = frame.since_start
            recoveries, restarts_to_frame = [], []
            for _ in range(kills):
                killed_at = time.monotonic()
                os.kill(frame.pid, signal.SIGKILL)
                frame = supervised.next_frame(timeout=60, not_pid=frame.pid)
                recoveries.append(frame.mono - killed_at)
                restarts_to_frame.append(frame.since_start)
                time.sleep(0.5)  # the new kiosk settles; a real crash rarely follows a start at once
        finally:
            code = supervised.stop()
    return Recovery(cold, recoveries, restarts_to_frame, code, supervised.log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kill the supervised kiosk and time its return.")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="3 kills")
    parser.add_argument("--config", type=Path, help="the exhibition (default: the bundled one)")
    args = parser.parse_args(argv)
    kills = 3 if args.quick else args.kills
    result = measure(kills, args.config)
    recoveries = result.recoveries_s
    ordered = sorted(recoveries)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"cold start to first attract frame: {result.cold_start_s:.2f} s", file=sys.stderr)
    print(
        "kill -9 to the new kiosk's first attract frame: " + ", ".join(f"{r:.2f}" for r in recoveries) + " s",
        file=sys.stderr,
    )
    rows = [
        {
            "name": "recovery: kill -9 to the new kiosk's first attract frame (supervisor)",
            "unit": "s",
            "median": round(statistics.median(recoveries), 3),
            "p95": round(p95, 3),
            "target": TARGET_S,
            "n": len(recoveries),
            "note": "python -m kiosk.supervisor -- kiosk run (offscreen, locked down, 1280x720)",
        },
        {
            "name": "startup: process start to first attract-loop frame",
            "unit": "s",
            "median": round(result.cold_start_s, 3),
            "p95": round(max([result.cold_start_s, *result.restart_to_frame_s]), 3),
            "target": None,
            "n": 1 + len(recoveries),
            "note": "cold start; p95 column: the slowest of the cold start and the restarts",
        },
    ]
    print(json.dumps({"bench": "recovery", "results": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
