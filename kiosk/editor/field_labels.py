"""The names staff read beside each field: words, not the file's keys (the tooltip still gives the key,
for those who read the format's documentation)."""

from __future__ import annotations

from kiosk.editor.i18n import tr


def field_label(name: str) -> str:
    """The field's name in words, in the editor's language; the key itself for a field not named here."""
    labels = {
        "accent": tr("Highlight colour"),
        "alt": tr("Description for visitors who cannot see it"),
        "arabic_font": tr("Font for Arabic"),
        "at": tr("At (time in the film)"),
        "background": tr("Background colour"),
        "cover": tr("Cover picture"),
        "font": tr("Font for text"),
        "heading_font": tr("Font for titles"),
        "muted": tr("Colour of secondary text"),
        "panels": tr("Panels"),
        "summary": tr("Summary"),
        "surface": tr("Colour of cards and tiles"),
        "audio_description": tr("Audio description (sound files)"),
        "body": tr("Text"),
        "caption": tr("Caption"),
        "captions": tr("Caption files"),
        "countdown": tr("'Still there?' countdown"),
        "credit": tr("Credit"),
        "date": tr("Date"),
        "described": tr("Audio description (spoken text)"),
        "description": tr("Description"),
        "end": tr("Excerpt end"),
        "events": tr("Events"),
        "focus": tr("Point of interest"),
        "id": tr("Identifier"),
        "idle_timeout": tr("Back to the loop after"),
        "image": tr("Picture"),
        "invitation": tr("Invitation to touch"),
        "items": tr("Panels in the loop (their identifiers)"),
        "item_duration": tr("Time on each item"),
        "languages": tr("Languages"),
        "listen_volume": tr("Listen volume"),
        "media": tr("Media folder"),
        "narration": tr("Narration (sound files)"),
        "poster": tr("Poster"),
        "sign_language": tr("Sign language films"),
        "src": tr("File"),
        "start": tr("Excerpt start"),
        "subtitle": tr("Subtitle"),
        "text": tr("Text"),
        "title": tr("Title"),
        "volume": tr("Volume"),
        "when": tr("When or where"),
        "who": tr("Who said it"),
        "words": tr("Words quoted"),
    }
    return labels.get(name, name)
