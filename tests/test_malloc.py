"""kiosk/malloc.py on the real glibc allocator, each case in a fresh process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kiosk.malloc import is_glibc, limit_arenas

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


def _python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}
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
