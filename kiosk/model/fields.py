"""How a model field is described, for the loader and the JSON Schema alike.

The dataclasses in :mod:`kiosk.model.exhibition` are the single description of the
format: their type hints say what each YAML key holds, and the metadata written
with :func:`spec` gives the help text and the limits. The loader and the schema
generator both read it, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"
COLOR_PATTERN = r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"


class MediaKind(enum.Enum):
    """What a media file must contain; used as ``Annotated[MediaFile, MediaKind.IMAGE]``."""

    IMAGE = "image"
    VIDEO = "video"
    CAPTIONS = "captions"
    AUDIO = "audio"


def spec(
    doc: str,
    *,
    default: Any = dataclasses.MISSING,
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
    min_items: int | None = None,
    example: Any = None,
    default_factory: Any = dataclasses.MISSING,
) -> Any:
    """A dataclass field with the help text and limits staff see in their editor."""
    metadata = {
        "doc": doc,
        "minimum": minimum,
        "maximum": maximum,
        "pattern": pattern,
        "min_items": min_items,
        "example": example,
    }
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=metadata)
    if isinstance(default, list | dict | set):
        raise TypeError("mutable defaults are not allowed in the model")
    return dataclasses.field(default=default, metadata=metadata)
