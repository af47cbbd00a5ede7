"""Turning positioned YAML nodes into the model's dataclasses, reporting every problem.

The conversion is driven by the model's type hints (see :mod:`kiosk.model.fields`):
a field's name is its YAML key and its type says what the value must be. A value
that cannot be converted is reported at its own line and column; the object that
needed it fails (``FAIL``) unless the field has a default, and a failed panel becomes a
:class:`PlaceholderPanel`, so one mistake never darkens the whole booth.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from kiosk.loader.media_check import NO_MEDIA_FOLDER, MediaChecker
from kiosk.loader.problems import ProblemLog, closest, did_you_mean
from kiosk.loader.yaml_tree import Node
from kiosk.model.captions import CaptionError, Cue, decode_caption_bytes, parse_captions
from kiosk.model.exhibition import PANEL_TYPES, CaptionTrack, PlaceholderPanel
from kiosk.model.fields import LANGUAGE_PATTERN, MediaKind
from kiosk.model.localized import Localized
from kiosk.model.media import MediaFile
from kiosk.model.timecode import Duration, Timecode, TimeFormatError, parse_duration, parse_timecode

FAIL: Any = object()  # a value that could not be converted; its problem is already logged

#: Caption files are text: a feature film's are about 100 KB. Larger ones are refused unread.
MAX_CAPTION_BYTES = 2_000_000
_BOOL_TRUE = {"true", "yes", "on"}
_BOOL_FALSE = {"false", "no", "off"}
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_PLAIN_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


@functools.cache
def yaml_fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The dataclass fields that are YAML keys (internal ones are set by the loader)."""
    return tuple(f for f in dataclasses.fields(cls) if not f.metadata.get("internal") and f.init)


@functools.cache
def _fields_by_name(cls: type) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in yaml_fields(cls)}


def is_required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Converter:
    """Converts one exhibition's nodes; media paths are checked against ``media``."""

    def __init__(self, log: ProblemLog, media: MediaChecker | None = None) -> None:
        self.log = log
        self.media = media
        #: Every Localized met, with where it was written, for the translation check.
        self.texts_seen: list[tuple[str, Node, Localized]] = []
        #: Caption files already read in this load (many panels may share one), by path.
        self._captions: dict[Path, tuple[Cue, ...] | CaptionError] = {}

    # -- reporting -------------------------------------------------------------------------
    def error(self, node: Node, path: str, message: str) -> Any:
        self.log.error(node.line, node.column, path, message)
        return FAIL

    def warning(self, node: Node, path: str, message: str) -> None:
        self.log.warning(node.line, node.column, path, message)

    # -- dispatch --------------------------------------------------------------------------
    def convert(self, node: Node, hint: Any, path: str, meta: Mapping[str, Any] | None = None) -> Any:
        meta = meta or {}
        origin = get_origin(hint)
        if origin is Annotated:
            base, *markers = get_args(hint)
            return self._annotated(node, base, markers, path, meta)
        if origin is Literal:
            return self._choice(node, get_args(hint), path)
        if origin in (Union, types.UnionType):
            return self._union(node, get_args(hint), path, meta)
        if origin is tuple:
            return self._tuple(node, get_args(hint), path, meta)
        if origin in (Mapping, dict, typing.Mapping):
            return self._mapping(node, get_args(hint), path)
        handler = _SCALARS.get(hint)
        if handler is not None:
            return handler(self, node, path, meta)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return self.dataclass(node, hint, path)
        raise TypeError(f"the model uses a type the loader does not know: {hint!r}")

    def _annotated(self, node: Node, base: Any, markers: list[Any], path: str, meta: Mapping[str, Any]) -> Any:
        for marker in markers:
            if isinstance(marker, MediaKind):
                return self.media_file(node, path, marker)
            if marker == "language":
                return self.language(node, path)
        return self.convert(node, base, path, meta)

    def _union(self, node: Node, options: tuple[Any, ...], path: str, meta: Mapping[str, Any]) -> Any:
        non_null = [option for option in options if option is not type(None)]
        if len(non_null) < len(options) and node.is_null:
            return None
        if all(isinstance(option, type) and option.__name__.endswith("Panel") for option in non_null):
            return self.panel_or_placeholder(node, path, fallback_id=re.sub(r"\W+", "-", path).strip("-"))
        if len(non_null) == 1:
            return self.convert(node, non_null[0], path, meta)
        raise TypeError(f"the model uses a union the loader does not know: {options!r}")

    def _choice(self, node: Node, choices: tuple[Any, ...], path: str) -> Any:
        words = [str(choice) for choice in choices]
        if node.kind == "scalar" and node.text in words:
            return choices[words.index(node.text)]
        hint = did_you_mean(node.text, words) if node.kind == "scalar" else ""
        return self.error(node, path, f"{node.describe()} is not one of: {', '.join(words)}{hint}")

    # -- containers ------------------------------------------------------------------------
    def _tuple(self, node: Node, args: tuple[Any, ...], path: str, meta: Mapping[str, Any]) -> Any:
        if len(args) == 2 and args[1] is Ellipsis:
            if node.kind != "seq":
                return self.error(node, path, f"should be a list (lines starting with '- '), not {node.describe()}")
            values = [self.convert(item, args[0], join(path, i), meta) for i, item in enumerate(node.items)]
            minimum = meta.get("min_items")
            if minimum and len(node.items) < minimum:
                return self.error(node, path, f"needs at least {minimum} item{'s' if minimum > 1 else ''}")
            if any(value is FAIL for value in values):
                kept = [value for value in values if value is not FAIL]
                return tuple(kept) if kept or not minimum else FAIL
            return tuple(values)
        # A fixed-size tuple such as a focus point [x, y].
        if node.kind != "seq" or len(node.items) != len(args):
            return self.error(node, path, f"should be a list of {len(args)} numbers, like [0.5, 0.3]")
        values = [
            self.convert(item, arg, join(path, i), meta)
            for i, (item, arg) in enumerate(zip(node.items, args, strict=True))
        ]
        return FAIL if any(value is FAIL for value in values) else tuple(values)

    def _mapping(self, node: Node, args: tuple[Any, ...], path: str) -> Any:
        if node.kind != "map":
            return self.error(node, path, f"should be a group of 'key: value' lines, not {node.describe()}")
        key_hint, value_hint = args
        result: dict[Any, Any] = {}
        for key_node, value_node in node.pairs:
            key = self.convert(key_node, key_hint, join(path, key_node.text))
            value = self.convert(value_node, value_hint, join(path, key_node.text))
            if key is not FAIL and value is not FAIL:
                result[key] = value
        return types.MappingProxyType(result)

    # -- dataclasses -----------------------------------------------------------------------
    def dataclass(self, node: Node, cls: type, path: str, *, extra_keys: tuple[str, ...] = ()) -> Any:
        if node.kind != "map":
            return self.error(node, path, f"should be a group of 'key: value' lines, not {node.describe()}")
        fields = _fields_by_name(cls)
        hints = type_hints(cls)
        values: dict[str, Any] = {}
        failed = False
        misspelt: set[str] = set()  # required keys an unknown key was probably meant to be
        for key_node, value_node in node.pairs:
            key = key_node.text
            if key in extra_keys:
                continue
            f = fields.get(key)
            if f is None:
                known = [*fields, *extra_keys]
                close = closest(key, known)
                if close is not None:
                    misspelt.add(close)
                    self.error(key_node, join(path, key), f"unknown key '{key}'; did you mean '{close}'?")
                else:
                    self.error(key_node, join(path, key), f"unknown key '{key}' (known keys: {', '.join(known)})")
                continue
            value = self.convert(value_node, hints[key], join(path, key), f.metadata)
            if value is FAIL:
                failed = failed or is_required(f)
            else:
                values[key] = value
        for name, f in fields.items():
            if name not in values and is_required(f) and node.get(name) is None:
                failed = True
                if name in misspelt:
                    continue  # the "did you mean" above already says what is missing
                doc = f.metadata.get("doc", "")
                self.error(
                    node.key or node, path, f"missing required key '{name}'" + (f" ({doc.rstrip('.')})" if doc else "")
                )
                failed = True
        if failed:
            return FAIL
        instance = cls(**values)
        check = getattr(instance, "problems", None)
        if callable(check):
            for field_name, message in check():
                where = node.get(field_name) or node
                field_path = join(path, field_name)
                if where.kind == "map":
                    # A check on a group (exceptions: {date: hours}) names the entry it is about: point at it.
                    for key_node, _ in where.pairs:
                        if message.startswith((f"'{key_node.text}'", f"{key_node.text}:")):
                            where, field_path = key_node, join(field_path, key_node.text)
                            break
                self.error(where, field_path, message)
                failed = True
        return FAIL if failed else instance

    def panel(self, node: Node, path: str) -> Any:
        if node.kind != "map":
            return self.error(node, path, f"a panel should be a group of keys, not {node.describe()}")
        type_node = node.get("type")
        kinds = ", ".join(PANEL_TYPES)
        if type_node is None:
            return self.error(node, path, f"missing required key 'type' (one of: {kinds})")
        cls = PANEL_TYPES.get(type_node.text)
        if cls is None:
            return self.error(
                type_node,
                join(path, "type"),
                f"unknown panel type '{type_node.text}'{did_you_mean(type_node.text, PANEL_TYPES)} (one of: {kinds})",
            )
        return self.dataclass(node, cls, path, extra_keys=("type",))

    def panel_or_placeholder(self, node: Node, path: str, fallback_id: str) -> Any:
        """A panel, or a placeholder that shows staff why the panel could not be read."""
        errors_before = self.log.error_count
        panel = self.panel(node, path)
        if panel is not FAIL:
            return panel
        id_node = node.get("id") if node.kind == "map" else None
        title_node = node.get("title") if node.kind == "map" else None
        title = None
        if title_node is not None and title_node.kind == "scalar" and not title_node.is_null:
            title = Localized.of(title_node.text)
        panel_id = id_node.text if id_node is not None and id_node.kind == "scalar" else fallback_id
        return PlaceholderPanel(panel_id, tuple(self.log.errors_since(errors_before)), title)

    # -- leaves ----------------------------------------------------------------------------
    def text(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        if node.kind != "scalar":
            return self.error(node, path, f"should be text, not {node.describe()}")
        if node.is_null or not node.text.strip():
            return self.error(node, path, "is empty: write the text here")
        pattern = meta.get("pattern")
        if pattern and not re.match(pattern, node.text):
            if "[a-z0-9]" in pattern:
                return self.error(node, path, f"'{node.text}' may use only lowercase letters, digits, '-' and '_'")
            if pattern.startswith("^#"):
                return self.error(node, path, f"'{node.text}' is not a colour: write it as #RRGGBB, like #1A2B3C")
            return self.error(node, path, f"'{node.text}' does not have the expected form")
        return node.text

    def integer(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        # Only plain decimal numbers: YAML 1.1 also reads 012 (octal), 0x1F and 1:30 (base 60) as
        # integers, which no one writing a volume or a version means.
        if node.kind != "scalar" or not _DECIMAL.match(node.text):
            return self.error(node, path, f"should be a whole number, not {node.describe()}")
        return self._in_range(node, path, int(node.text.replace("_", "")), meta)

    def number(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        if node.kind != "scalar" or not node.tag.endswith((":int", ":float")):
            return self.error(node, path, f"should be a number, not {node.describe()}")
        try:
            value = float(node.text.replace("_", ""))
        except ValueError:
            return self.error(node, path, f"should be a number, not {node.describe()}")
        return self._in_range(node, path, value, meta)

    def _in_range(self, node: Node, path: str, value: float, meta: Mapping[str, Any]) -> Any:
        low, high = meta.get("minimum"), meta.get("maximum")
        if value != value:  # NaN compares false with every bound
            return self.error(node, path, f"should be a number, not {node.describe()}")
        if (low is not None and value < low) or (high is not None and value > high):
            if low == high:
                return self.error(node, path, f"{node.text} is not possible here: write {low:g}")
            if high is None:
                return self.error(node, path, f"{node.text} is too small: use {low:g} or more")
            if low is None:
                return self.error(node, path, f"{node.text} is too large: use {high:g} or less")
            return self.error(node, path, f"{node.text} is out of range: use a value from {low:g} to {high:g}")
        return value

    def boolean(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        word = node.text.lower() if node.kind == "scalar" else ""
        if word in _BOOL_TRUE:
            return True
        if word in _BOOL_FALSE:
            return False
        return self.error(node, path, f"should be true or false, not {node.describe()}")

    def language(self, node: Node, path: str) -> Any:
        if node.kind != "scalar" or not _LANGUAGE.match(node.text):
            return self.error(node, path, f"{node.describe()} is not a language code: use codes like fr, en, ar")
        return node.text

    def localized(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        if node.kind == "scalar":
            text = self.text(node, path, meta)
            value = FAIL if text is FAIL else Localized.of(text)
        elif node.kind == "map":
            texts: dict[str, str] = {}
            # A language left empty (``en: ""``, as the editor writes a new panel's texts) is a
            # translation still to write: a warning, like a language left out. Only a text empty in
            # every language is an error, said once.
            empty = [
                value_node
                for _key, value_node in node.pairs
                if value_node.kind == "scalar" and (value_node.is_null or not value_node.text.strip())
            ]
            for key_node, value_node in node.pairs:
                language = self.language(key_node, join(path, key_node.text))
                if any(value_node is blank for blank in empty):
                    continue
                text = self.text(value_node, join(path, key_node.text), meta)
                if language is not FAIL and text is not FAIL:
                    texts[language] = text
            if texts:
                value = Localized.of(texts)
            elif node.pairs and len(empty) == len(node.pairs):
                value = self.error(node, path, "is empty: write the text here")
            elif node.pairs:
                value = FAIL  # each language's problem is already reported
            else:
                value = self.error(node, path, "has no text in any language")
        else:
            return self.error(node, path, "should be text, or one text per language like {fr: ..., en: ...}")
        if value is not FAIL:
            self.texts_seen.append((path, node, value))
        return value

    def timecode(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        return self._time(node, path, parse_timecode)

    def duration(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        # A plain number is seconds (``countdown: 10``); the parser sees text, so turn it into a number here.
        if node.kind == "scalar" and _PLAIN_NUMBER.match(node.text.strip()):
            return self._time(node, path, lambda text: parse_duration(float(text)))
        return self._time(node, path, parse_duration)

    def _time(self, node: Node, path: str, parse: Callable[[str], Any]) -> Any:
        if node.kind != "scalar" or node.is_null:
            return self.error(node, path, f"should be a time, not {node.describe()}")
        if node.text.lstrip().startswith("-"):
            return self.error(node, path, f"{node.describe()} is negative: a time starts at 0")
        try:
            return parse(node.text)
        except TimeFormatError as error:
            return self.error(node, path, str(error))

    def media_file(self, node: Node, path: str, kind: MediaKind) -> Any:
        if node.kind != "scalar" or node.is_null:
            return self.error(node, path, f"should be a file name in the media folder, not {node.describe()}")
        if self.media is None:
            return self.error(node, path, "cannot be checked: the media folder is unknown")
        media = self.media.check(node.text, kind)
        if media.problem and media.problem != NO_MEDIA_FOLDER:  # a missing folder is reported once, for itself
            # Reported, but the panel still shows, with a visible placeholder for this file.
            self.log.error(node.line, node.column, path, f"'{node.text}' {media.problem}")
        return media

    def caption_track(self, node: Node, path: str, meta: Mapping[str, Any]) -> Any:
        media = self.media_file(node, path, MediaKind.CAPTIONS)
        if media is FAIL or not media.usable:
            return CaptionTrack(media) if media is not FAIL else FAIL
        first_use = media.path not in self._captions
        try:
            cached = self._captions.get(media.path)
            if cached is None and media.path.stat().st_size > MAX_CAPTION_BYTES:
                return self.error(
                    node,
                    path,
                    f"'{node.text}' is over {MAX_CAPTION_BYTES // 1_000_000} MB, too "
                    "large for a caption file (a feature film's captions are about 100 KB)",
                )
            if cached is None:
                try:
                    cached = parse_captions(decode_caption_bytes(media.path.read_bytes()))
                except CaptionError as error:
                    cached = error
                self._captions[media.path] = cached
            if isinstance(cached, CaptionError):
                raise cached
            cues = cached
        except CaptionError as error:
            # The problem is in the caption file, at its own line: say it once, even when several
            # excerpts of the same film share the file.
            if first_use:
                shown = self.media.shown(media.relative) if self.media else str(media.path)
                self.log.error(error.line, 1, path, f"caption file '{node.text}': {error.message}", file=shown)
            return CaptionTrack(MediaFile(media.relative, media.path, error.message))
        except OSError as error:
            return self.error(node, path, f"'{node.text}' cannot be read ({error.strerror})")
        if not cues:
            self.warning(node, path, f"caption file '{node.text}' holds no captions")
        return CaptionTrack(media, cues)


_SCALARS: dict[Any, Callable[..., Any]] = {
    str: Converter.text,
    int: Converter.integer,
    float: Converter.number,
    bool: Converter.boolean,
    Localized: Converter.localized,
    Timecode: Converter.timecode,
    Duration: Converter.duration,
    CaptionTrack: Converter.caption_track,
}
