"""Debounce of navigation commands: a tap storm becomes one transition, never a queue of them."""

from __future__ import annotations


class TapGate:
    """Lets a command through only if ``gap`` seconds passed since the last one it let through.

    Dropped commands are dropped, not delayed: a visitor who hammers 'next' sees one
    move per transition, and nothing keeps moving after their hand stops.
    """

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self._last: float | None = None

    def allow(self, now: float) -> bool:
        if self._last is not None and 0 <= now - self._last < self.gap:
            return False
        self._last = now
        return True

    def reset(self) -> None:
        self._last = None
