"""A new exhibition folder from the starter that ships with the kiosk (``kiosk new``, the editor's New)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk import paths

#: Files of the starter package that are Python plumbing, not part of the exhibition.
_NOT_COPIED = ("__pycache__", "*.pyc", "__init__.py")


def _refusal(target: Path) -> str | None:
    """Why ``target`` cannot receive a new exhibition, or None when it can."""
    if not target.exists():
        return None
    if not target.is_dir():
        return f"{target} exists and is a file, not a folder: choose another name"
    if any(target.iterdir()):
        return (
            f"{target} is not empty: kiosk new never overwrites files. "
            "Choose a new folder name, or empty this one first"
        )
    return None


def create_exhibition(target: Path) -> Path:
    """Copy the starter into ``target`` (new or empty) and return its exhibition file.

    Raises ValueError when ``target`` cannot take it (the message says why) and OSError when the copy fails;
    ``kiosk new`` and the editor's New both use it.
    """
    refusal = _refusal(target)
    if refusal:
        raise ValueError(refusal)
    try:
        shutil.copytree(paths.starter_dir(), target, ignore=shutil.ignore_patterns(*_NOT_COPIED), dirs_exist_ok=True)
        # The YAML's first line points editors at this file for completion and checks.
        schema = paths.schema_file()
        if schema.is_file():
            shutil.copy2(schema, target / schema.name)
    except OSError as error:
        raise OSError(f"could not create {target}: {error}") from error
    return target / "exhibition.yaml"
