"""Pure functions behind the screen: markup, localized text, chrome words, contrast of the theme."""

from __future__ import annotations

import pytest

from kiosk.model import Localized, Theme
from kiosk.text import localize
from kiosk.text.markup import to_styled_text


def test_markup() -> None:
    assert to_styled_text("One *two* **three**\nfour\n\n- a\n- b") == (
        "<p>One <i>two</i> <b>three</b><br>four</p><ul><li>a</li><li>b</li></ul>"
    )
    assert to_styled_text("a < b & <script>") == "<p>a &lt; b &amp; &lt;script&gt;</p>"
    assert to_styled_text("5 * 3 = 15") == "<p>5 * 3 = 15</p>"


def test_french_punctuation_never_starts_a_line() -> None:
    nnbsp = localize.NARROW_NO_BREAK_SPACE
    value = Localized.of({"fr": "Caen : et maintenant ? « Soigner » ; oui !", "en": "Caen: and now ?"})
    assert localize.text(value, "fr", ("fr", "en"))["text"] == (
        f"Caen{nnbsp}: et maintenant{nnbsp}? «{nnbsp}Soigner{nnbsp}»{nnbsp}; oui{nnbsp}!"
    )
    # Only French: an English text keeps what staff wrote, and so does a French fallback's language.
    assert localize.text(value, "en", ("fr", "en"))["text"] == "Caen: and now ?"
    assert localize.text(Localized.of({"fr": "Où ?"}), "ar", ("fr", "ar"))["text"] == f"Où{nnbsp}?"
    assert localize.chrome("still_there", "fr") == f"Vous êtes toujours là{nnbsp}?"
    assert localize.chrome("still_there", "en") == "Are you still there?"


def test_localized_text_and_fallback() -> None:
    value = Localized.of({"fr": "Bonjour", "en": "Hello"})
    assert localize.text(value, "en", ("fr", "en", "ar")) == {
        "text": "Hello",
        "lang": "en",
        "fallback": False,
        "rtl": False,
    }
    assert localize.text(value, "ar", ("fr", "en", "ar"))["lang"] == "fr"
    assert localize.text(value, "ar", ("fr", "en", "ar"))["fallback"] is True
    assert localize.text(Localized.of("2011"), "ar", ("fr", "ar"))["rtl"] is True
    assert localize.text(None, "ar", ("ar",))["text"] == ""


def test_chrome_words_fall_back_to_english() -> None:
    assert localize.chrome("home", "ar") == "الرئيسية"
    assert localize.chrome("home", "sv") == "Home"
    assert localize.native_name("ar") == "العربية" and localize.native_name("xx") == "XX"
    assert localize.is_rtl("ar") and localize.is_rtl("fa-IR") and not localize.is_rtl("fr")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        ("text", "background"),
        ("text", "surface"),
        ("muted", "background"),
        ("muted", "surface"),
        ("background", "accent"),  # text on a lit button (Theme.onAccent)
        ("accent", "background"),  # dates and numbers in the accent colour
        ("accent", "surface"),
    ],
)
def test_default_theme_contrast_is_at_least_4_5(fg: str, bg: str) -> None:
    theme = Theme()
    assert contrast(getattr(theme, fg), getattr(theme, bg)) >= 4.5
