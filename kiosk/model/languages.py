"""Languages: their names in their own script and their writing direction."""

from __future__ import annotations

#: Each language named in its own script, as the language switch shows it.
ENDONYMS = {
    "ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fa": "فارسی", "fr": "Français",
    "he": "עברית", "it": "Italiano", "ja": "日本語", "ko": "한국어", "ku": "Kurdî", "nl": "Nederlands",
    "pl": "Polski", "pt": "Português", "ru": "Русский", "tr": "Türkçe", "uk": "Українська", "ur": "اردو",
    "zh": "中文",
}
#: English names, for messages to staff.
ENGLISH_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French",
    "he": "Hebrew", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ku": "Kurdish", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "zh": "Chinese",
}
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "yi", "ckb"})


def _base(code: str) -> str:
    return code.split("-")[0].lower()


def endonym(code: str) -> str:
    """The language's name in its own script (the code itself when unknown)."""
    return ENDONYMS.get(_base(code), code)


def language_name(code: str) -> str:
    """The language's English name, for staff messages."""
    return ENGLISH_NAMES.get(_base(code), code)


def is_right_to_left(code: str) -> bool:
    return _base(code) in RIGHT_TO_LEFT
