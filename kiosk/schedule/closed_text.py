"""What the dark 'closed' screen says, in each of the exhibition's languages.

A few words the kiosk itself must say (staff write none of them): 'Closed' and when it
opens again. French, English and Arabic are the first exhibition's; German and Spanish
are cheap to carry; any other language gets English rather than nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

_CLOSED = {"fr": "Fermé", "en": "Closed", "ar": "مغلق", "de": "Geschlossen", "es": "Cerrado"}
_OPENS = {
    "fr": "Réouverture {day} à {time}",
    "en": "Opens {day} at {time}",
    "ar": "يفتح {day} الساعة {time}",
    "de": "Geöffnet ab {day} um {time}",
    "es": "Abre {day} a las {time}",
}
_TODAY = {"fr": "aujourd’hui", "en": "today", "ar": "اليوم", "de": "heute", "es": "hoy"}
_TOMORROW = {"fr": "demain", "en": "tomorrow", "ar": "غدًا", "de": "morgen", "es": "mañana"}
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}


@dataclass(frozen=True, slots=True)
class ClosedLine:
    language: str
    closed: str
    opens: str  # empty when the next opening is unknown or more than a week away


def _base(language: str) -> str:
    base = language.split("-")[0].lower()
    return base if base in _CLOSED else "en"


def opens_text(language: str, opening: datetime | None, now: datetime) -> str:
    if opening is None:
        return ""
    lang = _base(language)
    days = (opening.date() - now.astimezone(opening.tzinfo).date()).days
    if days < 0 or days > 6:
        day = opening.strftime("%Y-%m-%d")
    elif days == 0:
        day = _TODAY[lang]
    elif days == 1:
        day = _TOMORROW[lang]
    else:
        day = _WEEKDAYS[lang][opening.weekday()]
    return _OPENS[lang].format(day=day, time=opening.strftime("%H:%M"))


def closed_lines(languages: tuple[str, ...], opening: datetime | None, now: datetime) -> list[ClosedLine]:
    """One line per exhibition language, in the exhibition's order."""
    return [ClosedLine(lang, _CLOSED[_base(lang)], opens_text(lang, opening, now)) for lang in languages]
