"""Paths and small helpers for the content tests."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from kiosk import paths
from kiosk.loader import LoadResult
from kiosk.model.localized import Localized

ROOT = paths.resource_root()
#: The bundled exhibition itself, not KIOSK_EXHIBITION's: these tests are about what we ship.
DEFAULT_CONFIG = ROOT / "config" / "exhibition.yaml"
MEDIA = ROOT / "media"
STARTER = paths.starter_dir()


def problems_text(result: LoadResult) -> str:
    return "\n".join(str(problem) for problem in result.problems)


def files_under(folder: Path) -> list[Path]:
    """The files of a media folder, without speech/: `kiosk speak` renders it from the YAML on each
    machine (it is not committed, and not part of what the exhibition ships)."""
    return sorted(
        path for path in folder.rglob("*") if path.is_file() and path.relative_to(folder).parts[0] != "speech"
    )


@cache
def generator() -> ModuleType:
    """tools/make_stand_ins.py as a module: its data says what the generated media show."""
    spec = importlib.util.spec_from_file_location("make_stand_ins", ROOT / "tools" / "make_stand_ins.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def localized_texts(value: Any, path: str = "") -> Iterator[tuple[str, Localized]]:
    """Every visitor-facing text in the model, with where it sits."""
    if isinstance(value, Localized):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from localized_texts(getattr(value, field.name), f"{path}.{field.name}".lstrip("."))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from localized_texts(item, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from localized_texts(item, f"{path}.{key}")
