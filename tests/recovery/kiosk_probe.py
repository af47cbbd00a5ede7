"""Run the real ``kiosk`` command line, and print one line at its first attract-loop frame.

    python tests/recovery/kiosk_probe.py run [kiosk run arguments...]

The line is ``KIOSK-FIRST-ATTRACT-FRAME pid=PID mono=SECONDS since_start=SECONDS``: ``mono`` is
CLOCK_MONOTONIC (system-wide on Linux, so a test compares it with its own clock), and
``since_start`` counts from this process's first line of Python.

Until ``kiosk run`` logs its first attract frame itself (see docs/reliability.md, the hook
asked of the presentation), this wraps ``KioskApp.show`` from the outside: everything else
is the shipped code path, ``kiosk.cli.main`` included.
"""

from __future__ import annotations

import os
import sys
import time

STARTED = time.monotonic()
MARKER = "KIOSK-FIRST-ATTRACT-FRAME"


def install() -> None:
    from kiosk.ui import app as ui_app

    original = ui_app.KioskApp.show

    def show(self, *args, **kwargs):
        original(self, *args, **kwargs)
        window = self.window

        def slide_on_screen() -> bool:
            stack = [window.contentItem()]
            while stack:
                item = stack.pop()
                if not item.isVisible() or item.opacity() <= 0.01:
                    continue
                if item.objectName().startswith("attractSlide_"):
                    return True
                stack.extend(item.childItems())
            return False

        def on_frame() -> None:
            if self.navigator.screen != "attract" or not slide_on_screen():
                return
            now = time.monotonic()
            print(f"{MARKER} pid={os.getpid()} mono={now:.6f} since_start={now - STARTED:.3f}", flush=True)
            window.frameSwapped.disconnect(on_frame)

        window.frameSwapped.connect(on_frame)

    ui_app.KioskApp.show = show  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    if os.environ.get("KIOSK_PROBE_EXTRA"):  # a test's own fault to inject (tests/faults), as in probe_site
        import importlib

        importlib.import_module(os.environ["KIOSK_PROBE_EXTRA"]).install()
    from kiosk.cli import main

    sys.exit(main(sys.argv[1:]))
