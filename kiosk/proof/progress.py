"""A progress bar on stderr: redrawn in place on a terminal, a line per tenth in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None, width: int = 28) -> None:
        self.total = max(1, total)
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self._tty = self.stream.isatty()
        self._last_tenth = -1
        self._started = time.monotonic()

    def step(self, label: str) -> None:
        self.done += 1
        fraction = self.done / self.total
        filled = round(self.width * fraction)
        bar = "█" * filled + "░" * (self.width - filled)
        elapsed = time.monotonic() - self._started
        left = elapsed / self.done * (self.total - self.done)
        line = f"proof ▕{bar}▏ {self.done}/{self.total}  {left:4.0f} s left  {label}"
        if self._tty:
            self.stream.write("\r\x1b[K" + line[:160])
            if self.done == self.total:
                self.stream.write("\n")
        else:
            tenth = int(fraction * 10)
            if tenth != self._last_tenth or self.done == self.total:
                self._last_tenth = tenth
                self.stream.write(line + "\n")
        self.stream.flush()
