"""A panel's sign-language film, as an excerpt the kiosk's film player can play: the whole file, muted."""

from __future__ import annotations

from kiosk.model.exhibition import Panel, VideoPanel
from kiosk.model.media import MediaFile
from kiosk.model.timecode import Timecode

#: When a film's length cannot be read from its header: the player stops at the film's end anyway.
UNKNOWN_LENGTH_MS = 30 * 60 * 1000


def sign_language_film(panel: Panel | None, language: str) -> VideoPanel | None:
    """The sign-language film of ``panel`` in ``language``, as a video panel, or None."""
    films = getattr(panel, "sign_language", None) or {}
    film = films.get(language)
    if panel is None or film is None or not film.usable:
        return None
    # The media checks (and difflib, for their suggestions) only when a sign-language film is shown,
    # not before the kiosk's first frame.
    from kiosk.loader.media_check import film_length_ms

    length = film_length_ms(film.path) or UNKNOWN_LENGTH_MS
    no_poster = MediaFile(film.relative, film.path, problem="a sign-language film has no poster")
    return VideoPanel(id=panel.id, src=film, start=Timecode(0), end=Timecode(length), poster=no_poster, volume=0)
