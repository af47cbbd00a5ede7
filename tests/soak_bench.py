"""bench/soak.py as a module, for the tests that drive or judge a soak (hostile media, short soak).

bench/ is not a package (its scripts run on their own), so it is loaded from its path, once.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
NAME = "kiosk_bench_soak"


def soak_module() -> ModuleType:
    if NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(NAME, ROOT / "bench" / "soak.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[NAME]
