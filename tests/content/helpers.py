"""Paths and small helpers for the content tests."""

from __future__ import annotations

from pathlib import Path

from kiosk import paths
from kiosk.loader import LoadResult

ROOT = paths.resource_root()
#: The bundled exhibition itself, not KIOSK_EXHIBITION's: these tests are about what we ship.
DEFAULT_CONFIG = ROOT / "config" / "exhibition.yaml"
MEDIA = ROOT / "media"
STARTER = paths.starter_dir()


def problems_text(result: LoadResult) -> str:
    return "\n".join(str(problem) for problem in result.problems)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())
