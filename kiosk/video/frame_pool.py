"""Buffers libVLC draws its pictures into, reused instead of allocated for each picture.

libVLC's lock callback asks for a buffer to draw the next picture into; the pool hands out one that
nothing else holds, and the picture shown is that very buffer: no copy of the picture is made on
its way to the screen (at 2160p a copy is 33 MB, 30 times a second). A buffer is free again once
nothing but the pool refers to it. Everything that needs the pixels (the engine while libVLC
draws, a Frame, the frame mailbox, the QImage that borrows them) holds a reference to the buffer
for as long as it does, so CPython's reference count says exactly when libVLC may draw into it
again. A fresh ``bytearray`` for every picture would be mapped, zeroed and unmapped each time (the
mmap threshold is pinned, kiosk/malloc.py): +4.5 % of a core at 1080p30, measured. No Qt, no vlc.
"""

from __future__ import annotations

import ctypes
import sys

#: The references a free buffer has when read as ``sys.getrefcount(buffers[index])``: the pool's
#: list and getrefcount's own argument.
_FREE_REFS = 2


class FramePool:
    """Up to ``keep`` buffers of ``size`` bytes; one thread takes them (libVLC's video thread of one
    player), any thread may hold and drop them."""

    def __init__(self, size: int, keep: int = 4, spare_takes: int = 300) -> None:
        self.size = size
        self._array = ctypes.c_char * size  # the buffer's shape, to read its address, made once
        self._keep = keep
        self._buffers: list[bytearray] = []
        self.overflows = 0  # takes that found every pooled buffer in use (a new one, not kept)
        # A buffer the pool grew by in a stall of the screen (3 or 4 held at once) would stay for
        # the life of the player: 33 MB at 2160p. Once ``spare_takes`` takes in a row (10 s at 30
        # fps) each found more than one buffer free, one is let go of, back to the system.
        self._spare_takes = spare_takes
        self._spare_streak = 0
        self.returned = 0

    def take(self) -> tuple[bytearray, int]:
        """A buffer nobody else holds, and the address of its first byte (valid while it is held:
        a bytearray's storage moves only when it is resized, and nothing resizes these)."""
        buffer = self._free_buffer()
        return buffer, ctypes.addressof(self._array.from_buffer(buffer))

    def _free_buffer(self) -> bytearray:
        free = self._free_indexes()
        if len(free) > 1:
            self._spare_streak += 1
            if self._spare_streak >= self._spare_takes:
                self._spare_streak = 0
                del self._buffers[free.pop()]
                self.returned += 1
        else:
            self._spare_streak = 0
        if free:
            return self._buffers[free[0]]
        buffer = bytearray(self.size)
        if len(self._buffers) < self._keep:
            self._buffers.append(buffer)
        else:
            self.overflows += 1
        return buffer

    def shed(self) -> int:
        """Let go of every buffer nothing holds, back to the system; how many. For a player that
        stopped: its next opening may be far off (an attract film waits its next turn, a panel
        its next visitor), and at 2160p each buffer is 12-33 MB. Only while nothing takes."""
        free = self._free_indexes()
        for index in reversed(free):
            del self._buffers[index]
        self.returned += len(free)
        return len(free)

    @property
    def buffers(self) -> int:
        return len(self._buffers)

    def in_use(self) -> int:
        """Pooled buffers held outside the pool right now."""
        return len(self._buffers) - len(self._free_indexes())

    def _free_indexes(self) -> list[int]:
        # By index, no loop variable and not enumerate(): each would hold one more reference.
        buffers = self._buffers
        return [index for index in range(len(buffers)) if sys.getrefcount(buffers[index]) == _FREE_REFS]
