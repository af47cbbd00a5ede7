"""Buffers for the frames copied out of libVLC, reused instead of allocated for each frame.

libVLC writes every picture into one buffer of ours and reuses it for the next, so each frame
shown is copied out. A fresh ``bytes`` for every copy is 8 MB at 1080p, 30 times a second; with
glibc's mmap threshold pinned (kiosk/malloc.py), each would be mapped and unmapped, page faults
and all: +4.5 % of a core at 1080p30, measured. From the pool, a copy allocates nothing. A pooled
buffer is free again once nothing but the pool refers to it. Everything that needs the pixels (a
Frame, the frame mailbox, the QImage that borrows them) holds a reference to the buffer for as
long as it does, so CPython's reference count says exactly when it may be written again. No Qt,
no vlc.
"""

from __future__ import annotations

import ctypes
import sys

#: The references a free buffer has inside :meth:`FramePool._free_buffer`: the pool's list, the
#: loop variable, and getrefcount's own argument.
_FREE_REFS = 3


class FramePool:
    """Up to ``keep`` buffers of ``size`` bytes; one thread copies into them (libVLC's video
    thread of one player), any thread may hold and drop them."""

    def __init__(self, size: int, keep: int = 4) -> None:
        self.size = size
        self._array = ctypes.c_char * size  # the buffer's shape for memmove, made once
        self._keep = keep
        self._buffers: list[bytearray] = []
        self.overflows = 0  # copies that found every pooled buffer in use (a new one, not kept)

    def copy_from(self, address: int) -> bytearray:
        """The ``size`` bytes at ``address``, in a buffer nobody else holds."""
        buffer = self._free_buffer()
        ctypes.memmove(self._array.from_buffer(buffer), address, self.size)
        return buffer

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
