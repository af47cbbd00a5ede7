"""YAML -> exhibition model, with every problem reported as FILE:LINE:COLUMN: key.path: message.

Free of Qt and vlc (a test enforces it), so ``kiosk validate`` is fast and runs anywhere.

The names below are imported when first asked for: a start on an unchanged exhibition reads
the loaded exhibition back (remembered.py) and never needs the parser and the checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.loader.load import load_exhibition
    from kiosk.loader.problems import Problem
    from kiosk.loader.result import LoadResult

__all__ = ["LoadResult", "Problem", "load_exhibition"]

_HOMES = {
    "LoadResult": "kiosk.loader.result",
    "Problem": "kiosk.loader.problems",
    "load_exhibition": "kiosk.loader.load",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
