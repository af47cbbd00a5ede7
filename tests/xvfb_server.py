"""A real Xvfb on a display number it chooses itself (``-displayfd``), for tests that need an X server."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator


@contextlib.contextmanager
def xvfb(size: str, *extra: str) -> Iterator[str | None]:
    """An Xvfb of one ``WxH`` screen while the block runs: its display name (":N"), or None when it
    did not start (the caller skips or fails). ``extra`` are more Xvfb arguments."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp", *extra],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=10)
