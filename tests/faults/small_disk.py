"""A small real filesystem that a test fills up: a size-limited tmpfs (root), else skip."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self) -> None:
        """Write until the disk says no room: nothing is left for anyone."""
        with self.filler.open("ab", buffering=0) as out:
            for size in (65536, 4096, 1):
                block = b"\0" * size
                try:
                    while out.write(block):
                        pass
                except OSError as error:
                    assert error.errno == errno.ENOSPC, error
        assert self.free() == 0

    def free(self) -> int:
        stats = os.statvfs(self.root)
        return stats.f_bavail * stats.f_frsize

    def used(self) -> int:
        """Bytes the files on the disk take."""
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    def make_room(self) -> None:
        self.filler.unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield SmallDisk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
