"""Visitor-facing text: one string for every language, or one per language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The key under which a text written once (``title: "Amani"``) is kept: it serves every language.
ANY_LANGUAGE = "*"


@dataclass(frozen=True, slots=True)
class Resolved:
    """A text picked for one language, and whether it had to fall back to another."""

    text: str
    language: str
    is_fallback: bool


@dataclass(frozen=True, slots=True)
class Localized:
    """A string per language code, or one string (key ``*``) that serves all languages."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, value: str | Mapping[str, str]) -> Localized:
        if isinstance(value, str):
            return cls(((ANY_LANGUAGE, value),))
        return cls(tuple(value.items()))

    @property
    def is_universal(self) -> bool:
        return len(self.texts) == 1 and self.texts[0][0] == ANY_LANGUAGE

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, _ in self.texts if lang != ANY_LANGUAGE)

    def get(self, language: str) -> str | None:
        for lang, text in self.texts:
            if lang in (language, ANY_LANGUAGE):
                return text
        return None

    def resolve(self, language: str, fallbacks: Iterable[str] = ()) -> Resolved:
        """The text in ``language``, else in the first of ``fallbacks`` that has one.

        A fallback is flagged so that the screen can show, visibly, that this text is
        not in the visitor's language.
        """
        text = self.get(language)
        if text is not None:
            return Resolved(text, language, False)
        for other in fallbacks:
            text = self.get(other)
            if text is not None:
                return Resolved(text, other, True)
        lang, text = self.texts[0] if self.texts else (language, "")
        return Resolved(text, lang, bool(self.texts))

    def missing(self, languages: Iterable[str]) -> list[str]:
        """The languages among ``languages`` that have no text here."""
        if self.is_universal:
            return []
        have = self.languages
        return [lang for lang in languages if lang not in have]
