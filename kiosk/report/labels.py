"""Readable names for the ids the database holds, taken from the exhibition when there is one."""

from __future__ import annotations

from kiosk.model.exhibition import Exhibition, ImagePanel, QuotePanel

#: Language codes staff will meet; others are shown as their code.
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية", "de": "Deutsch", "es": "Español"}


def labels_for(exhibition: Exhibition | None) -> dict[str, str]:
    """id -> name for chapters, panels and languages, in the exhibition's first language."""
    labels = {code: f"{name} ({code})" for code, name in LANGUAGE_NAMES.items()}
    if exhibition is None:
        return labels
    lang = exhibition.default_language
    for chapter in exhibition.chapters:
        labels[chapter.id] = chapter.title.resolve(lang).text
        for panel in chapter.panels:
            title = getattr(panel, "title", None)
            if title is None and isinstance(panel, QuotePanel):
                title = panel.who
            if title is None and isinstance(panel, ImagePanel):
                title = panel.caption or panel.alt
            if title is not None:
                text = " ".join(title.resolve(lang).text.split())
                labels[panel.id] = text if len(text) <= 48 else text[:47].rstrip() + "…"
    return labels
