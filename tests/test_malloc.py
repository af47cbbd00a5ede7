"""kiosk/malloc.py on the real glibc allocator, each case in a fresh process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kiosk.malloc import is_glibc, limit_arenas, pin_mmap_threshold

pytestmark = pytest.mark.skipif(not is_glibc(), reason="no glibc allocator here")

# 60 MB of 2 KB blocks (malloc's, not pymalloc's), one block kept after them so that the free
# space is not at the top of the heap, where free() itself would give it back.
FRAGMENTED_HEAP = r"""
import json, psutil
from kiosk.malloc import give_back_free_memory
process = psutil.Process()
blocks = [bytes(2000) for _ in range(30_000)]
keep = bytes(2000)
del blocks
before = process.memory_info().rss
released = give_back_free_memory()
after = process.memory_info().rss
print(json.dumps({"released": released, "freed_mb": (before - after) / 2**20}))
"""

# Eight threads allocate at once; glibc's malloc_stats() lists one "Arena N:" per arena on stderr.
BUSY_THREADS = r"""
import ctypes, sys, threading
from kiosk.malloc import limit_arenas
if len(sys.argv) > 1:
    assert limit_arenas(int(sys.argv[1]))
start = threading.Barrier(8)
def work():
    start.wait()
    for _ in range(2000):
        blocks = [bytes(3000) for _ in range(20)]
        del blocks
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads: thread.start()
for thread in threads: thread.join()
ctypes.CDLL(None).malloc_stats()
"""

# A big block freed (as a film's picture buffers are), then a smaller big one held: is it mapped on
# its own (back to the system when freed) or carved from the heap? mallinfo2's hblkhd counts the
# bytes of blocks mapped on their own.
BIG_BLOCKS = r"""
import ctypes, json, sys
from kiosk.malloc import pin_mmap_threshold
if len(sys.argv) > 1:
    assert pin_mmap_threshold()
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
first = bytearray(8 << 20)
del first  # unpinned, glibc now raises its threshold past 8 MB
block = bytearray(4 << 20)
print(json.dumps({"mapped_mb": libc.mallinfo2().hblkhd / 2**20}))
"""


def _python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES")
    }
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return done


def test_free_pages_in_the_middle_of_the_heap_go_back_to_the_system() -> None:
    result = json.loads(_python(FRAGMENTED_HEAP).stdout)
    assert result["released"]
    assert result["freed_mb"] > 30, result


def _arenas(stats: str) -> int:
    return sum(1 for line in stats.splitlines() if line.startswith("Arena "))


def test_the_arena_limit_holds_with_many_threads() -> None:
    assert _arenas(_python(BUSY_THREADS, "2").stderr) <= 2
    assert _arenas(_python(BUSY_THREADS).stderr) > 2, "without the limit, busy threads get arenas of their own"


def test_a_technicians_malloc_arena_max_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert not limit_arenas()


def test_a_pinned_threshold_maps_big_blocks_on_their_own_even_after_a_big_free() -> None:
    assert json.loads(_python(BIG_BLOCKS, "pin").stdout)["mapped_mb"] >= 4
    assert json.loads(_python(BIG_BLOCKS).stdout)["mapped_mb"] < 4, "unpinned, glibc raises its threshold"


def test_a_technicians_mmap_threshold_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=262144")
    assert not pin_mmap_threshold()
