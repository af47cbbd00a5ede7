"""The JSON Schema of the exhibition format, generated from the model's dataclasses.

Editors that speak the yaml-language-server protocol (VS Code's YAML extension, and
others) read it through the ``# yaml-language-server: $schema=`` line at the top of
an exhibition file and give staff completion, help on hover and inline errors. The
loader stays the authority (it also checks files, references and translations); the
schema is the same rules, as far as JSON Schema can say them.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from kiosk.loader.convert import is_required, type_hints, yaml_fields
from kiosk.model.captions import Cue
from kiosk.model.exhibition import PANEL_TYPES, CaptionTrack, Exhibition
from kiosk.model.fields import LANGUAGE_PATTERN, MediaKind
from kiosk.model.localized import Localized
from kiosk.model.timecode import Duration, Timecode

SCHEMA_ID = "https://kiosk.invalid/exhibition.schema.json"
_TIMECODE_PATTERN = r"^(\d+:)?([0-5]?\d:)?\d+([.,]\d{1,3})?$"
_DURATION_PATTERN = r"^(\d+(\.\d+)?\s*(ms|s|sec|min|m|h))+$"
_MEDIA_PATH = {
    "type": "string",
    "minLength": 1,
    "not": {"pattern": r"(^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$))"},
}
_MEDIA_DOC = {
    MediaKind.IMAGE: "An image file (PNG, JPEG, WebP) inside the media folder.",
    MediaKind.VIDEO: "A film file (MP4, MKV, WebM) inside the media folder.",
    MediaKind.CAPTIONS: "A caption file (SRT or WebVTT, UTF-8) inside the media folder.",
    MediaKind.AUDIO: "A sound file (WAV, Ogg/Opus, MP3, FLAC, M4A) inside the media folder.",
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, hint: Any, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
        meta = meta or {}
        origin = get_origin(hint)
        if origin is Annotated:
            base, *markers = get_args(hint)
            for marker in markers:
                if isinstance(marker, MediaKind):
                    return {**_MEDIA_PATH, "description": _MEDIA_DOC[marker]}
                if marker == "language":
                    return {"type": "string", "pattern": LANGUAGE_PATTERN}
            return self.of(base, meta)
        if origin is Literal:
            return {"enum": list(get_args(hint))}
        if origin in (Union, types.UnionType):
            options = [option for option in get_args(hint) if option is not type(None)]
            if all(isinstance(option, type) and option.__name__.endswith("Panel") for option in options):
                return {"$ref": "#/$defs/Panel"}
            inner = self.of(options[0], meta) if len(options) == 1 else {"anyOf": [self.of(o) for o in options]}
            return {"anyOf": [inner, {"type": "null"}]}
        if origin is tuple:
            args = get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                schema: dict[str, Any] = {"type": "array", "items": self.of(args[0], meta)}
                if meta.get("min_items"):
                    schema["minItems"] = meta["min_items"]
                return schema
            items = [self.of(arg, meta) for arg in args]
            return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
        if origin in (Mapping, dict, typing.Mapping):
            key, value = get_args(hint)
            return {"type": "object", "propertyNames": self.of(key), "additionalProperties": self.of(value)}
        if hint is str:
            return {"type": "string", "minLength": 1, **({"pattern": meta["pattern"]} if meta.get("pattern") else {})}
        if hint in (int, float):
            schema = {"type": "integer" if hint is int else "number"}
            for key, name in (("minimum", "minimum"), ("maximum", "maximum")):
                if meta.get(key) is not None:
                    schema[name] = meta[key]
            return schema
        if hint is bool:
            return {"type": "boolean"}
        if hint is Localized:
            return self.ref("Localized", _localized)
        if hint is Timecode:
            return self.ref(
                "Timecode",
                lambda: {
                    "description": "A position in the film: SS, MM:SS or HH:MM:SS, with .mmm for milliseconds.",
                    "anyOf": [{"type": "string", "pattern": _TIMECODE_PATTERN}, {"type": "number", "minimum": 0}],
                },
            )
        if hint is Duration:
            return self.ref(
                "Duration",
                lambda: {
                    "description": "A duration such as 90s, 1m30s or 500ms (a plain number is seconds).",
                    "anyOf": [{"type": "string", "pattern": _DURATION_PATTERN}, {"type": "number", "minimum": 0}],
                },
            )
        if hint is CaptionTrack:
            return {**_MEDIA_PATH, "description": _MEDIA_DOC[MediaKind.CAPTIONS]}
        if dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint is not Cue:
            return self.ref(hint.__name__, lambda: self.object(hint))
        raise TypeError(f"no JSON Schema for {hint!r}")

    def ref(self, name: str, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: definitions may refer to themselves
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type, *, discriminator: str | None = None) -> dict[str, Any]:
        hints = type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if discriminator:
            properties["type"] = {"const": discriminator, "description": "The kind of panel."}
            required.append("type")
        for f in yaml_fields(cls):
            schema = dict(self.of(hints[f.name], f.metadata))
            if f.metadata.get("doc"):
                schema["description"] = f.metadata["doc"]
            if f.metadata.get("example") is not None:
                schema["examples"] = [f.metadata["example"]]
            default = _json_default(f)
            if default is not None:
                schema["default"] = default
            properties[f.name] = schema
            if is_required(f):
                required.append(f.name)
        doc = (cls.__doc__ or "").strip().split("\n")[0]
        return {
            "type": "object",
            "description": doc,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _localized() -> dict[str, Any]:
    return {
        "description": "Text for visitors: one text for every language, or one per language code.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": {"type": "string", "minLength": 1},
                "minProperties": 1,
            },
        ],
    }


def _json_default(f: dataclasses.Field[Any]) -> Any:
    value = f.default
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, str | int | float | bool) and value is not None:
        return value
    if isinstance(value, tuple) and all(isinstance(item, int | float) for item in value):
        return list(value)
    return None


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an exhibition file."""
    builder = _Builder()
    builder.defs["Panel"] = {}
    panel_refs = [
        builder.ref(cls.__name__, functools.partial(builder.object, cls, discriminator=kind))
        for kind, cls in PANEL_TYPES.items()
    ]
    builder.defs["Panel"] = {"description": "A panel of a chapter; its 'type' says which kind.", "oneOf": panel_refs}
    root = builder.object(Exhibition)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "kiosk exhibition",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
