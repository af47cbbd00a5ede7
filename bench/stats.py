"""The one percentile every benchmark reports (nearest rank, as the tables say), and the row of
samples that run_all.py reads."""

from __future__ import annotations

import statistics
from typing import Any


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` (0 to 1) of ``values`` lie, by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def summary_row(
    name: str, values: list[float], *, unit: str, target: float | None, note: str, digits: int = 1, **judged: Any
) -> dict[str, Any]:
    """One row of a benchmark's table: median, p95 and max of ``values`` rounded to ``digits``;
    ``judged`` says how run_all.py judges it (``better="lower"``, or ``judge="p95"``)."""
    return {
        "name": name,
        "unit": unit,
        "median": round(statistics.median(values), digits),
        "p95": round(percentile(values, 0.95), digits),
        "max": round(max(values), digits),
        "target": target,
        **judged,
        "n": len(values),
        "note": note,
    }
