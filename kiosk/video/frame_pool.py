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

#: The references a free buffer has inside :meth:`FramePool._free_buffer`: the pool's list, the
#: loop variable, and getrefcount's own argument.
_FREE_REFS = 3


class FramePool:
    """Up to ``keep`` buffers of ``size`` bytes; one thread takes them (libVLC's video thread of one
    player), any thread may hold and drop them."""

    def __init__(self, size: int, keep: int = 4) -> None:
        self.size = size
        self._array = ctypes.c_char * size  # the buffer's shape, to read its address, made once
        self._keep = keep
        self._buffers: list[bytearray] = []
        self.overflows = 0  # takes that found every pooled buffer in use (a new one, not kept)

    def take(self) -> tuple[bytearray, int]:
        """A buffer nobody else holds, and the address of its first byte (valid while it is held:
        a bytearray's storage moves only when it is resized, and nothing resizes these)."""
        buffer = self._free_buffer()
        return buffer, ctypes.addressof(self._array.from_buffer(buffer))

    def _free_buffer(self) -> bytearray:
        for buffer in self._buffers:
            if sys.getrefcount(buffer) == _FREE_REFS:
                return buffer
        buffer = bytearray(self.size)
        if len(self._buffers) < self._keep:
            self._buffers.append(buffer)
        else:
            self.overflows += 1
        return buffer

    @property
    def buffers(self) -> int:
        return len(self._buffers)

    def in_use(self) -> int:
        """Pooled buffers held outside the pool right now (what the benchmark counts)."""
        return sum(1 for buffer in self._buffers if sys.getrefcount(buffer) > _FREE_REFS)
