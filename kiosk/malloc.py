"""glibc's allocator, asked to give memory back: the calls a kiosk that runs for days needs.

No Qt here: ``kiosk run`` calls :func:`tune_for_long_runs` (:func:`limit_arenas` and
:func:`pin_mmap_threshold`) before Qt or libVLC start a thread, and kiosk/ui/free_memory.py calls
:func:`give_back_free_memory` after each visit. Where there is no glibc (Windows, musl) they do
nothing and say so.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

#: mallopt's parameter for the number of arenas (malloc.h: M_ARENA_MAX).
_M_ARENA_MAX = -8

#: Arenas the kiosk lets malloc keep. glibc's default is 8 per core: every thread that allocates
#: while another holds an arena's lock gets one of its own, libVLC starts a handful of threads for
#: each film, and each arena keeps its own fragments for good. With 2, the long soak's RSS stood
#: about 40 MB lower (docs/reliability.md); threads mostly allocate from their own cache (tcache)
#: without taking an arena's lock, so two are enough for the kiosk's dozen threads.
KIOSK_ARENAS = 2

#: mallopt's parameter for the size from which a block is mapped on its own (M_MMAP_THRESHOLD).
_M_MMAP_THRESHOLD = -3

#: Blocks this big or bigger come from the system on their own and go back to it when freed.
#: glibc's default starts at 128 KB but raises itself to the size of each big block freed, up to
#: 32 MB: after the first film, libVLC's picture buffers (1-8 MB) and decoded images came from the
#: heap, where small blocks placed after them kept their holes for good. Visiting every panel of the
#: hostile exhibition grew RSS by 5-22 MB a round, round after round; with the threshold pinned,
#: by -1.4 to +2.2 MB, and 35 MB lower (tests/hostile, docs/reliability.md). Pinning it (any
#: mallopt of it) also stops the raising. Frames are copied into pooled buffers
#: (kiosk/video/frame_pool.py), so no block is mapped and unmapped for each frame.
KIOSK_MMAP_THRESHOLD = 1 << 20


def _glibc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the symbols the process already has: its own C library
    except OSError:
        return None
    if getattr(libc, "malloc_trim", None) is None or getattr(libc, "mallopt", None) is None:
        return None  # not glibc
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    libc.malloc_trim.restype = ctypes.c_int
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.mallopt.restype = ctypes.c_int
    return libc


_libc = _glibc()


def is_glibc() -> bool:
    return _libc is not None


def give_back_free_memory() -> bool:
    """Return every whole free page of every arena to the system (``malloc_trim(0)``); whether
    any was. Nothing in use moves, so a real leak still shows."""
    if _libc is None:
        return False
    return bool(_libc.malloc_trim(0))  # ctypes lets go of the GIL for the call


def limit_arenas(count: int = KIOSK_ARENAS) -> bool:
    """Let malloc keep at most ``count`` arenas (``mallopt(M_ARENA_MAX)``); call it before threads
    start. A technician's own ``MALLOC_ARENA_MAX`` in the environment wins."""
    if _libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(_libc.mallopt(_M_ARENA_MAX, count))


def pin_mmap_threshold(size: int = KIOSK_MMAP_THRESHOLD) -> bool:
    """Map every block of ``size`` bytes or more on its own, always (``mallopt(M_MMAP_THRESHOLD)``).
    A technician's own ``MALLOC_MMAP_THRESHOLD_`` or ``GLIBC_TUNABLES`` setting wins."""
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    if _libc is None or "MALLOC_MMAP_THRESHOLD_" in os.environ or "mmap_threshold" in tunables:
        return False
    return bool(_libc.mallopt(_M_MMAP_THRESHOLD, size))


def tune_for_long_runs() -> None:
    """The allocator as the kiosk runs it: two arenas, big blocks always mapped on their own."""
    limit_arenas()
    pin_mmap_threshold()
