"""Which caption shows now, in which language and direction. No Qt, no vlc.

Cues arrive parsed by the loader (``VideoPanel.captions[lang].cues``), timed on the
film, not on the excerpt; the kiosk draws them itself so it controls their size,
their band and the language switch in the middle of an excerpt.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.model.captions import Cue
from kiosk.model.languages import is_right_to_left

#: Whether a caption reads right to left: the model's one table of languages.
is_rtl = is_right_to_left


@dataclass(frozen=True, slots=True)
class CaptionLine:
    text: str
    language: str
    rtl: bool


class CaptionTimeline:
    """Cues by language, looked up by film time in O(log n)."""

    def __init__(self, cues_by_language: Mapping[str, Sequence[Cue]]) -> None:
        self._cues = {lang: sorted(cues, key=lambda c: c.start_ms) for lang, cues in cues_by_language.items()}
        self._starts = {lang: [c.start_ms for c in cues] for lang, cues in self._cues.items()}

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._cues)

    def has(self, language: str) -> bool:
        return language in self._cues

    def at(self, language: str, film_ms: float) -> CaptionLine | None:
        """The caption showing at ``film_ms`` in ``language``, or None (none there or then)."""
        cues = self._cues.get(language)
        if not cues:
            return None
        index = bisect.bisect_right(self._starts[language], film_ms) - 1
        # Overlapping cues: the latest started one that still runs wins; look back a few.
        for cue in reversed(cues[max(0, index - 7) : index + 1]):
            if cue.start_ms <= film_ms < cue.end_ms:
                return CaptionLine(cue.text, language, is_rtl(language))
        return None
