"""A stand-in for the kiosk under the supervisor: does what line N of a plan file says on its Nth start.

    python child.py PLAN_FILE JOURNAL_FILE

Plan lines: ``exit CODE``, ``crash`` (SIGABRT, like a native crash), ``run`` (wait for
SIGTERM, then exit 0), ``stubborn`` (ignore SIGTERM). Each start appends
``START PID EVENT MONOTONIC`` lines to the journal so a test can read what happened
(CLOCK_MONOTONIC is system-wide on Linux, so times compare across processes).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

plan = Path(sys.argv[1]).read_text().splitlines()
journal = Path(sys.argv[2])
start = int(os.environ.get("KIOSK_START_NUMBER", "1"))
action = plan[min(start, len(plan)) - 1].split()


def note(event: str) -> None:
    with journal.open("a") as out:
        out.write(f"{start} {os.getpid()} {event} {time.monotonic():.6f}\n")
        out.flush()


def on_term(signum: int, _frame: object) -> None:
    note(f"got-{signal.Signals(signum).name}")
    raise SystemExit(0)


note("started")
match action:
    case ["exit", code]:
        raise SystemExit(int(code))
    case ["crash"]:
        os.abort()
    case ["run"]:
        signal.signal(signal.SIGTERM, on_term)
        signal.signal(signal.SIGINT, on_term)
    case ["stubborn"]:
        signal.signal(signal.SIGTERM, lambda *_: note("ignored-SIGTERM"))
while True:
    time.sleep(0.05)
