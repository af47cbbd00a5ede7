"""Languages: their names in their own script and their writing direction.

The one table of languages in the kiosk: the layout (which mirrors for a right-to-left
language), the captions, the language switch, the loader's and the doctor's messages all
read it. Codes are BCP 47 tags as exhibitions write them: ``fr``, ``fr-CA``, ``ku-Arab``.
"""

from __future__ import annotations

#: Each language named in its own script, as the language switch shows it.
ENDONYMS = {
    "ar": "العربية", "arc": "ܐܪܡܝܐ", "ckb": "کوردی", "de": "Deutsch", "dv": "ދިވެހި", "en": "English",
    "es": "Español", "fa": "فارسی", "fr": "Français", "he": "עברית", "it": "Italiano", "ja": "日本語",
    "ko": "한국어", "ks": "کٲشُر", "ku": "Kurdî", "nl": "Nederlands", "pl": "Polski", "ps": "پښتو",
    "pt": "Português", "ru": "Русский", "sd": "سنڌي", "tr": "Türkçe", "ug": "ئۇيغۇرچە", "uk": "Українська",
    "ur": "اردو", "yi": "ייִדיש", "zh": "中文",
}  # fmt: skip
#: English names, for messages to staff.
ENGLISH_NAMES = {
    "ar": "Arabic", "arc": "Aramaic", "ckb": "Central Kurdish", "de": "German", "dv": "Dhivehi",
    "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "ks": "Kashmiri", "ku": "Kurdish", "nl": "Dutch", "pl": "Polish",
    "ps": "Pashto", "pt": "Portuguese", "ru": "Russian", "sd": "Sindhi", "tr": "Turkish", "ug": "Uyghur",
    "uk": "Ukrainian", "ur": "Urdu", "yi": "Yiddish", "zh": "Chinese",
}  # fmt: skip
#: Languages written right to left in the script they are usually written in.
RIGHT_TO_LEFT = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"})
#: Scripts written right to left (ISO 15924): a script subtag (``ku-Arab``, ``ks-Deva``) decides.
RIGHT_TO_LEFT_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})


def _base(code: str) -> str:
    return code.split("-")[0].lower()


def _script(code: str) -> str | None:
    """The script subtag (four letters after the language), if the tag has one."""
    for subtag in code.lower().split("-")[1:]:
        if len(subtag) == 4 and subtag.isalpha():
            return subtag
    return None


def endonym(code: str) -> str:
    """The language's name in its own script (the code in capitals when unknown)."""
    return ENDONYMS.get(_base(code), code.upper())


def language_name(code: str) -> str:
    """The language's English name, for staff messages."""
    return ENGLISH_NAMES.get(_base(code), code)


def is_right_to_left(code: str) -> bool:
    """Whether text in ``code`` reads right to left (and the layout mirrors for it)."""
    script = _script(code)
    if script is not None:
        return script in RIGHT_TO_LEFT_SCRIPTS
    return _base(code) in RIGHT_TO_LEFT
