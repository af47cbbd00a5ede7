"""Helpers for supervisor tests: a plan for the stand-in child, and its journal."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("child.py")


@dataclass(frozen=True)
class Entry:
    start: int
    pid: int
    event: str
    at: float


@dataclass
class Plan:
    folder: Path

    @property
    def journal(self) -> Path:
        return self.folder / "journal.txt"

    def write(self, *actions: str) -> list[str]:
        (self.folder / "plan.txt").write_text("\n".join(actions) + "\n")
        return [sys.executable, str(CHILD), str(self.folder / "plan.txt"), str(self.journal)]

    def entries(self) -> list[Entry]:
        if not self.journal.exists():
            return []
        rows = [line.split() for line in self.journal.read_text().splitlines() if line.strip()]
        return [Entry(int(s), int(p), e, float(t)) for s, p, e, t in rows]

    def events(self) -> list[tuple[int, str]]:
        return [(entry.start, entry.event) for entry in self.entries()]

    def wait_for(self, start: int, event: str, timeout: float = 10.0) -> Entry:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for entry in self.entries():
                if entry.start == start and entry.event == event:
                    return entry
            time.sleep(0.02)
        raise AssertionError(f"start {start} never wrote '{event}': {self.events()}")


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    return Plan(tmp_path)
