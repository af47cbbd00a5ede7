"""New panels and chapters: every required field of the kind, its texts empty in every language.

Empty texts show up at once as missing translations in the form, and the loader says what is left
to fill in; nothing is invented for staff to overlook.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kiosk.editor.fields import FieldInfo, fields_of, panel_fields
from kiosk.model import TimelineEvent

# Timecodes quoted, as staff are told to: YAML 1.1 readers take a bare 01:10 for the number 70.
_DEFAULTS = {"timecode": DoubleQuotedScalarString("00:00"), "media": ""}


def _empty_texts(languages: Sequence[str]) -> CommentedMap:
    return CommentedMap((language, "") for language in languages)


def _value(info: FieldInfo, languages: Sequence[str]) -> Any:
    if info.widget == "localized":
        return _empty_texts(languages)
    if info.widget == "events":
        return CommentedSeq([_fill(fields_of(info.item or TimelineEvent), languages)])
    return _DEFAULTS.get(info.widget, "")


def _fill(infos: Sequence[FieldInfo], languages: Sequence[str]) -> CommentedMap:
    return CommentedMap((info.name, _value(info, languages)) for info in infos if info.required)


def new_panel(kind: str, panel_id: str, languages: Sequence[str]) -> CommentedMap:
    panel = CommentedMap([("id", panel_id), ("type", kind)])
    for name, value in _fill([f for f in panel_fields(kind) if f.name != "id"], languages).items():
        panel[name] = value
    if kind == "video":
        panel["end"] = DoubleQuotedScalarString("00:10")
    return panel


def new_chapter(chapter_id: str, panel_id: str, languages: Sequence[str]) -> CommentedMap:
    return CommentedMap(
        [
            ("id", chapter_id),
            ("title", _empty_texts(languages)),
            ("panels", CommentedSeq([new_panel("text", panel_id, languages)])),
        ]
    )
