"""glibc's allocator, asked to give memory back: the two calls a kiosk that runs for days needs.

No Qt here: ``kiosk run`` calls :func:`limit_arenas` before Qt or libVLC start a thread, and
kiosk/ui/free_memory.py calls :func:`give_back_free_memory` after each visit. Where there is no
glibc (Windows, musl) both do nothing and say so.
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
