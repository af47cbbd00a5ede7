"""What a form's field writes into the document: pure functions from what staff typed to YAML values.

Kept apart from the widgets so that the rules (a text keeps its quoting, an emptied translation
disappears, a new key lands where the model lists it) are tested without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap

from kiosk.editor.document import MISSING, Document, KeyPath, styled_like
from kiosk.editor.edits import SetValue

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "yi"})


def is_rtl(language: str) -> bool:
    return language.split("-")[0] in RTL_LANGUAGES


def position_among(existing: Sequence[Any], order: Sequence[str], name: str) -> int:
    """Where a new key ``name`` goes among ``existing`` keys: after the last one that ``order`` puts before it."""
    rank = {key: number for number, key in enumerate(order)}
    mine = rank.get(name, len(order))
    position = 0
    for number, key in enumerate(existing):
        if rank.get(str(key), -1) < mine:
            position = number + 1
    return position


def text_edit(
    document: Document, path: KeyPath, text: str, *, order: Sequence[str] = (), label: str = ""
) -> SetValue | None:
    """The edit that writes ``text`` at ``path`` (None when nothing changes). An empty text removes the key."""
    old = document.get(path)
    if old is not MISSING and old is not None and str(old) == text:
        return None
    if not text and (old is MISSING or old is None):
        return None
    parent = document.get(path[:-1])
    insert_at = None
    if old is MISSING and isinstance(parent, dict):
        insert_at = position_among(list(parent), order, str(path[-1]))
    return SetValue(path, styled_like(old, text) if text else MISSING, label=label, insert_at=insert_at)


def localized_edit(
    document: Document, path: KeyPath, language: str, text: str, *, field_order: Sequence[str] = (), label: str = ""
) -> SetValue | None:
    """The edit for one language of a text at ``path``.

    A text written once for all languages (``title: Amani``) becomes one per language the moment a
    translation differs; a text that is not written yet is added as a group of languages.
    """
    languages = document.languages
    current = document.get(path)
    if isinstance(current, dict):
        return text_edit(document, (*path, language), text, order=languages, label=label)
    if not text and (current is MISSING or current is None):
        return None
    if isinstance(current, str):
        if current == text:
            return None
        texts = CommentedMap((code, styled_like(current, current)) for code in languages)
    else:
        texts = CommentedMap()
    if text:
        texts[language] = text
    else:
        texts.pop(language, None)
    parent = document.get(path[:-1])
    insert_at = position_among(list(parent), field_order, str(path[-1])) if isinstance(parent, dict) else None
    return SetValue(path, texts, label=label, insert_at=insert_at if current is MISSING else None)


def missing_languages(value: Any, languages: Sequence[str]) -> list[str]:
    if isinstance(value, str):
        return []
    if not isinstance(value, dict):
        return list(languages)
    return [code for code in languages if not str(value.get(code) or "").strip()]
