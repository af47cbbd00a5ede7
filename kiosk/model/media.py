"""A file from the exhibition's media folder, as the loader found it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A media file named in the YAML.

    ``problem`` is set when the file cannot be shown (missing, corrupt, outside the
    media folder): the kiosk then shows a placeholder in its place instead of going
    dark, and the loader has reported the problem to staff.
    """

    relative: str
    path: Path
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    def __str__(self) -> str:
        return self.relative
