"""What each form shows, read from the model's dataclasses: the same keys and help texts as the JSON schema.

A form is a list of :class:`FieldInfo`; each says which editor the field needs (``widget``). Adding
a field to the model adds it to the editor's forms, with its help text, and no form code changes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from kiosk.loader.convert import type_hints, yaml_fields
from kiosk.model import PANEL_TYPES, Attract, ExhibitionInfo, Localized, Timecode
from kiosk.model.fields import MediaKind
from kiosk.model.timecode import Duration

#: The editors a field may need.
WIDGETS = (
    "localized",
    "text",
    "number",
    "media",
    "timecode",
    "duration",
    "focus",
    "languages",
    "captions",
    "events",
    "items",
    "group",
    "other",
)


@dataclass(frozen=True, slots=True)
class FieldInfo:
    name: str
    doc: str
    required: bool
    widget: str
    media_kind: str = ""
    minimum: float | None = None
    maximum: float | None = None
    #: The model's default, shown when the key is not written (a volume of 80, not 0).
    default: Any = None
    #: For a list of groups (timeline events, audio-description moments): the group's dataclass.
    item: Any = None


def _strip_optional(hint: Any) -> Any:
    if get_origin(hint) in (typing.Union, types.UnionType):
        options = [option for option in get_args(hint) if option is not type(None)]
        if len(options) == 1:
            return options[0]
    return hint


def widget_for(hint: Any) -> tuple[str, str]:
    """(widget, media kind) for a type hint of the model."""
    hint = _strip_optional(hint)
    origin = get_origin(hint)
    if origin is Annotated:
        base, *markers = get_args(hint)
        for marker in markers:
            if isinstance(marker, MediaKind):
                return "media", marker.value
        if markers == ["id"]:
            return "text", ""
        return widget_for(base)
    if hint is Localized:
        return "localized", ""
    if hint is Timecode:
        return "timecode", ""
    if hint is Duration:
        return "duration", ""
    if hint in (int, float):
        return "number", ""
    if hint is str:
        return "text", ""
    if origin is tuple:
        args = get_args(hint)
        if args == (float, float):
            return "focus", ""
        item = args[0] if args else None
        if get_origin(item) is Annotated and "language" in get_args(item)[1:]:
            return "languages", ""
        if get_origin(item) is Annotated and "id" in get_args(item)[1:]:
            return "items", ""
        if dataclasses.is_dataclass(item):
            return "events", ""
    if origin in (Mapping, dict, typing.Mapping):
        return "captions", ""
    if dataclasses.is_dataclass(hint):
        return "group", ""
    return "other", ""


def _is_required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def fields_of(cls: type) -> tuple[FieldInfo, ...]:
    hints = type_hints(cls)
    infos = []
    for f in yaml_fields(cls):
        widget, media = widget_for(hints[f.name])
        default = None if f.default is dataclasses.MISSING else f.default
        item = None
        if widget == "events":
            args = get_args(_strip_optional(hints[f.name]))
            item = args[0] if args else None
        infos.append(
            FieldInfo(
                f.name,
                f.metadata.get("doc", ""),
                _is_required(f),
                widget,
                media,
                f.metadata.get("minimum"),
                f.metadata.get("maximum"),
                default,
                item,
            )
        )
    return tuple(infos)


def panel_fields(kind: str) -> tuple[FieldInfo, ...]:
    """The fields of a panel kind, id first and ``type`` left out (the tree shows the kind)."""
    cls = PANEL_TYPES.get(kind)
    return fields_of(cls) if cls is not None else ()


def panel_doc(kind: str) -> str:
    cls = PANEL_TYPES.get(kind)
    # The model's docstrings mark keys as ``start``: staff read start.
    return (cls.__doc__ or "").strip().splitlines()[0].replace("``", "") if cls is not None else ""


def settings_fields() -> tuple[tuple[str, tuple[FieldInfo, ...]], ...]:
    """The exhibition settings form: the 'exhibition' and 'attract' groups (less the attract items,
    which have their own list)."""
    attract = tuple(info for info in fields_of(Attract) if info.name != "items")
    info = tuple(info for info in fields_of(ExhibitionInfo) if info.widget != "group")
    return (("exhibition", info), ("attract", attract))
