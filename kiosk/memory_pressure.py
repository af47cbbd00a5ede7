"""How much memory is left before the kernel kills the kiosk, read cheaply. No Qt.

The kiosk runs in a cgroup (systemd's unit, a container) whose limit the OOM killer enforces,
on a machine whose RAM other programs share. ``read_memory()`` looks at both, in a few
small reads of /proc and /sys (about 0.1 ms):

- the cgroup's limit and use: v2 ``memory.max`` (or ``memory.high``, which throttles before it)
  and ``memory.current``; v1 ``memory.limit_in_bytes`` and ``memory.usage_in_bytes``. Page cache
  the kernel can drop (``inactive_file``) is not counted as used, as systemd and the kubelet do;
- the machine's ``MemAvailable`` against ``MemTotal``;
- pressure stall information (``/proc/pressure/memory``, or the cgroup's ``memory.pressure``):
  the share of the last 10 s in which some task waited for memory.

:func:`level_of` turns that into ``normal``, ``low`` or ``critical``. The kiosk reacts
(kiosk/ui/memory_watch.py) by preparing fewer films ahead and decoding big pictures under a
tighter limit, then by freeing caches, well before the limit is reached.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

NORMAL, LOW, CRITICAL = "normal", "low", "critical"
#: Headroom (free share of the tighter of the cgroup limit and the machine) below which memory is short.
LOW_HEADROOM = 0.25
CRITICAL_HEADROOM = 0.10
#: Share of the last 10 s with a task stalled on memory ("some avg10", %) that counts as short.
LOW_STALL = 10.0
CRITICAL_STALL = 40.0
_NO_LIMIT = 1 << 60  # cgroup v1 writes 'unlimited' as a huge number


@dataclass(frozen=True, slots=True)
class Memory:
    used: int  # bytes in use where the limit applies (the cgroup, or the machine)
    limit: int  # the limit those bytes count against
    stall: float  # % of the last 10 s some task waited for memory
    where: str  # 'cgroup /kiosk.service' or 'machine'

    @property
    def headroom(self) -> float:
        return max(0.0, 1.0 - self.used / self.limit) if self.limit else 1.0

    def describe(self) -> str:
        return (
            f"{self.used / 2**20:.0f} MB of {self.limit / 2**20:.0f} MB used ({self.where}), "
            f"{self.headroom:.0%} left, {self.stall:.0f}% stalled"
        )


def level_of(memory: Memory) -> str:
    if memory.headroom < CRITICAL_HEADROOM or memory.stall >= CRITICAL_STALL:
        return CRITICAL
    if memory.headroom < LOW_HEADROOM or memory.stall >= LOW_STALL:
        return LOW
    return NORMAL


def _read_int(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    if text == "max":
        return _NO_LIMIT
    try:
        return int(text)
    except ValueError:
        return None


def _stat(path: Path, key: str) -> int:
    """The number after ``key`` on its line ('inactive_file 4096', 'MemTotal:  24683772 kB')."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in path.read_text().splitlines():
            fields = line.split()
            if fields and fields[0] == key:
                return int(fields[1])
    return 0


def _stall(path: Path) -> float:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in path.read_text().splitlines():
            if line.startswith("some "):
                return float(line.split("avg10=")[1].split()[0])
    return 0.0


def _own_cgroup(proc: Path, root: Path) -> tuple[Path, str] | None:
    """This process's memory cgroup folder and its version ('v1' or 'v2')."""
    try:
        lines = (proc / "self" / "cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        number, controllers, path = line.split(":", 2)
        if "memory" in controllers.split(","):
            folder = root / "memory" / path.lstrip("/")
            if folder.is_dir():
                return folder, "v1"
    for line in lines:
        number, controllers, path = line.split(":", 2)
        if number == "0" and not controllers:
            for base in (root, root / "unified"):
                folder = base / path.lstrip("/")
                if (folder / "memory.current").is_file():
                    return folder, "v2"
    return None


def _cgroup_memory(folder: Path, version: str) -> tuple[int, int, float] | None:
    if version == "v2":
        limit = min(_read_int(folder / "memory.max") or _NO_LIMIT, _read_int(folder / "memory.high") or _NO_LIMIT)
        used = _read_int(folder / "memory.current")
        cache = _stat(folder / "memory.stat", "inactive_file")
        stall = _stall(folder / "memory.pressure")
    else:
        limit = _read_int(folder / "memory.limit_in_bytes") or _NO_LIMIT
        used = _read_int(folder / "memory.usage_in_bytes")
        cache = _stat(folder / "memory.stat", "total_inactive_file") or _stat(folder / "memory.stat", "inactive_file")
        stall = 0.0
    if used is None or limit >= _NO_LIMIT:
        return None
    return max(0, used - cache), limit, stall


def read_memory(proc: Path = Path("/proc"), cgroups: Path = Path("/sys/fs/cgroup")) -> Memory:
    """The tighter of the kiosk's cgroup and the machine (see the module docstring)."""
    machine_stall = _stall(proc / "pressure" / "memory")
    total = _stat(proc / "meminfo", "MemTotal:") * 1024
    available = _stat(proc / "meminfo", "MemAvailable:") * 1024
    best = Memory(total - available, total, machine_stall, "machine")
    found = _own_cgroup(proc, cgroups)
    if found is not None:
        folder, version = found
        cgroup = _cgroup_memory(folder, version)
        if cgroup is not None:
            used, limit, stall = cgroup
            candidate = Memory(used, limit, max(stall, machine_stall), f"cgroup {folder.relative_to(cgroups)}")
            if candidate.headroom < best.headroom or not total:
                best = candidate
    return best


#: The level the kiosk last saw (kiosk/ui/memory_watch.py keeps it up to date); parts that can
#: do with less read it: a film beside the panel on screen does not prepare ahead unless 'normal'.
current_level = NORMAL


def memory_is_short() -> bool:
    return current_level != NORMAL
