"""The real kiosk in a process of its own, its output read line by line (first-frame marker included)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.recovery.measure import HERE as RECOVERY
from tests.recovery.measure import PROBE, ROOT, Supervised, environment


def kiosk_env(scratch: Path, display: str, **extra: str) -> dict[str, str]:
    """The recovery tests' environment, on a real X display instead of offscreen."""
    env = environment(scratch)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    env.update(extra)
    return env


def launch(env: dict[str, str], *arguments: str, supervised: bool = False) -> Supervised:
    """``kiosk run ARGS`` (through the first-frame probe), or ``kiosk run --supervise ARGS`` with the
    probe loaded into each child, as tests/recovery does."""
    if supervised:
        command = [sys.executable, "-m", "kiosk", "run", "--supervise", *arguments]
        env = dict(
            env,
            PYTHONPATH=os.pathsep.join(filter(None, [str(RECOVERY / "probe_site"), env.get("PYTHONPATH")])),
            KIOSK_PROBE_FIRST_FRAME="1",
        )
    else:
        command = [sys.executable, str(PROBE), "run", *arguments]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    running = Supervised(process)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            running.log.append(line.rstrip("\n"))
            running.lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return running


def wait_for_line(running: Supervised, text: str, timeout: float = 30.0) -> float:
    """Wait until a line containing ``text`` was printed; the monotonic time it was seen."""
    deadline = time.monotonic() + timeout
    seen = 0
    while time.monotonic() < deadline:
        lines = list(running.log)
        for line in lines[seen:]:
            if text in line:
                return time.monotonic()
        seen = len(lines)
        time.sleep(0.02)
    raise AssertionError(f"never printed '{text}'; last output:\n" + "\n".join(running.log[-30:]))
