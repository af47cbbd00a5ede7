"""Visitor text for one language, as QML gets it: pure functions, tested without Qt.

A localized field reaches QML as a small map ``{text, lang, fallback, rtl}``: the text,
the language it is really in, whether that is a fallback (the screen marks it visibly),
and its direction (so a French fallback inside the Arabic layout still reads left to right).
"""

from __future__ import annotations

import re
from typing import TypedDict

from kiosk.model import Localized
from kiosk.model.languages import endonym, is_right_to_left


class Text(TypedDict):
    text: str
    lang: str
    fallback: bool
    rtl: bool


def base_language(code: str) -> str:
    return code.split("-")[0].lower()


#: The model's table of languages, under the names QML's view models use.
is_rtl = is_right_to_left
native_name = endonym


def fallbacks(language: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """Where to look when ``language`` has no text: the default language first, then the others."""
    return tuple(lang for lang in languages if lang != language)


#: French sets a narrow space before ; : ! ? and inside guillemets. Staff type an ordinary space,
#: which lets a line break strand the "?" alone at the start of the next line.
_FRENCH_SPACE_BEFORE = re.compile(r"[ \u00a0](?=[;:!?»])")
_FRENCH_SPACE_AFTER = re.compile(r"(?<=«)[ \u00a0]")
NARROW_NO_BREAK_SPACE = "\u202f"


def typeset(value: str, language: str) -> str:
    """The text as it should be set in ``language``; for French, spaces that never break before
    punctuation ("maintenant ?" stays on one line). Other languages are left as written."""
    if base_language(language) != "fr":
        return value
    value = _FRENCH_SPACE_BEFORE.sub(NARROW_NO_BREAK_SPACE, value)
    return _FRENCH_SPACE_AFTER.sub(NARROW_NO_BREAK_SPACE, value)


def text(value: Localized | None, language: str, languages: tuple[str, ...]) -> Text:
    """A field for QML; an absent optional field gives empty text that is not a fallback."""
    if value is None:
        return Text(text="", lang=language, fallback=False, rtl=is_rtl(language))
    resolved = value.resolve(language, fallbacks(language, languages))
    lang = language if value.is_universal else resolved.language
    return Text(text=typeset(resolved.text, lang), lang=lang, fallback=resolved.is_fallback, rtl=is_rtl(lang))


#: The kiosk's own words (buttons, the countdown), for the languages exhibitions use most.
#: Missing languages fall back to English, then to the key.
CHROME: dict[str, dict[str, str]] = {
    "home": {"fr": "Accueil", "en": "Home", "ar": "الرئيسية", "de": "Start", "es": "Inicio"},
    "previous": {"fr": "Précédent", "en": "Previous", "ar": "السابق", "de": "Zurück", "es": "Anterior"},
    "next": {"fr": "Suivant", "en": "Next", "ar": "التالي", "de": "Weiter", "es": "Siguiente"},
    "still_there": {
        "fr": "Vous êtes toujours là ?",
        "en": "Are you still there?",
        "ar": "هل ما زلت هنا؟",
        "de": "Sind Sie noch da?",
        "es": "¿Sigue ahí?",
    },
    "still_there_hint": {
        "fr": "Touchez l'écran pour continuer la visite.",
        "en": "Touch the screen to continue your visit.",
        "ar": "المس الشاشة لمتابعة الزيارة.",
        "de": "Berühren Sie den Bildschirm, um fortzufahren.",
        "es": "Toque la pantalla para continuar la visita.",
    },
    "continue": {"fr": "Continuer", "en": "Continue", "ar": "متابعة", "de": "Weiter", "es": "Continuar"},
    "large_text": {
        "fr": "Grand texte",
        "en": "Large text",
        "ar": "نص كبير",
        "de": "Große Schrift",
        "es": "Texto grande",
    },
    "close": {"fr": "Fermer", "en": "Close", "ar": "إغلاق", "de": "Schließen", "es": "Cerrar"},
    "more_chapters": {
        "fr": "Autres chapitres",
        "en": "More chapters",
        "ar": "فصول أخرى",
        "de": "Weitere Kapitel",
        "es": "Más capítulos",
    },
    "enlarge": {
        "fr": "Agrandir l'image",
        "en": "Enlarge the picture",
        "ar": "تكبير الصورة",
        "de": "Bild vergrößern",
        "es": "Ampliar la imagen",
    },
    "zoom_hint": {
        "fr": "Pincez pour zoomer, touchez deux fois pour revenir",
        "en": "Pinch to zoom, double-tap to reset",
        "ar": "باعد بإصبعيك للتكبير، والمس مرتين للعودة",
        "de": "Zum Zoomen spreizen, doppelt tippen zum Zurücksetzen",
        "es": "Pellizque para ampliar, toque dos veces para volver",
    },
    "not_translated": {
        "fr": "non traduit",
        "en": "not translated",
        "ar": "غير مترجم",
        "de": "nicht übersetzt",
        "es": "sin traducir",
    },
    "film": {"fr": "Film", "en": "Film", "ar": "فيلم", "de": "Film", "es": "Película"},
    "unavailable": {
        "fr": "Ce contenu n'est pas disponible pour le moment.",
        "en": "This content is not available right now.",
        "ar": "هذا المحتوى غير متاح حاليًا.",
        "de": "Dieser Inhalt ist gerade nicht verfügbar.",
        "es": "Este contenido no está disponible por ahora.",
    },
    "chapter_of": {"fr": "{0} sur {1}", "en": "{0} of {1}", "ar": "{0} من {1}", "de": "{0} von {1}"},
    "panels": {"fr": "panneaux", "en": "panels", "ar": "لوحات", "de": "Tafeln", "es": "paneles"},
    "listen": {"fr": "Écouter", "en": "Listen", "ar": "استمع", "de": "Anhören", "es": "Escuchar"},
    "stop_listening": {
        "fr": "Arrêter la lecture",
        "en": "Stop reading",
        "ar": "إيقاف القراءة",
        "de": "Vorlesen beenden",
    },
    "contrast": {"fr": "Contraste élevé", "en": "High contrast", "ar": "تباين عالٍ", "de": "Hoher Kontrast"},
    "reach": {
        "fr": "Commandes en bas",
        "en": "Controls within reach",
        "ar": "الأزرار في المتناول",
        "de": "Bedienung in Reichweite",
    },
    "sign_language": {"fr": "Langue des signes", "en": "Sign language", "ar": "لغة الإشارة", "de": "Gebärdensprache"},
    "key_help": {
        "fr": "Flèches pour vous déplacer, Entrée pour choisir, Retour pour revenir, Écouter pour entendre ce panneau.",
        "en": "Arrows to move, Enter to choose, Back to return, Listen to hear this panel.",
        "ar": "الأسهم للتنقل، والإدخال للاختيار، والرجوع للعودة، واستمع لسماع هذه اللوحة.",
    },
    "panel": {"fr": "Panneau", "en": "Panel", "ar": "لوحة", "de": "Tafel", "es": "Panel"},
    "zoom_in": {"fr": "Agrandir", "en": "Zoom in", "ar": "تكبير", "de": "Vergrößern", "es": "Ampliar"},
    "zoom_out": {"fr": "Réduire", "en": "Zoom out", "ar": "تصغير", "de": "Verkleinern", "es": "Reducir"},
}
#: The chrome words the keypad's focus speech and help say aloud (rendered by ``kiosk speak``).
SPOKEN_CHROME = (
    "home",
    "previous",
    "next",
    "large_text",
    "listen",
    "contrast",
    "reach",
    "sign_language",
    "key_help",
    "panel",
    "film",
    "zoom_in",
    "zoom_out",
    "close",
)


def chrome(key: str, language: str) -> str:
    words = CHROME.get(key, {})
    own = words.get(base_language(language))
    return typeset(own, language) if own else words.get("en") or key


def chrome_table(language: str) -> dict[str, str]:
    """Every chrome word in one language, for QML to bind to (``navigator.words.home``)."""
    return {key: chrome(key, language) for key in CHROME}
