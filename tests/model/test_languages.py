"""One table of languages for the whole kiosk: direction and endonym agree everywhere."""

from __future__ import annotations

import pytest

from kiosk.doctor.exhibition import font_request
from kiosk.model.languages import endonym, is_right_to_left
from kiosk.text import localize
from kiosk.video import captions

RIGHT_TO_LEFT = ["ar", "ar-EG", "arc", "ckb", "dv", "fa", "fa-IR", "he", "ks", "ku-Arab", "ps", "sd", "ug", "ur", "yi"]
LEFT_TO_RIGHT = ["en", "fr", "fr-CA", "de", "ko", "ku", "ku-Latn", "ks-Deva", "zh", "ja", "xx"]


@pytest.mark.parametrize("code", RIGHT_TO_LEFT + LEFT_TO_RIGHT)
def test_the_layout_the_captions_and_the_doctor_agree_on_direction(code: str) -> None:
    expected = code in RIGHT_TO_LEFT
    assert is_right_to_left(code) is expected
    assert localize.is_rtl(code) is expected  # the layout mirrors
    assert captions.is_rtl(code) is expected  # the caption band reads right to left


def test_a_script_subtag_decides_the_direction() -> None:
    # Kurdish in Latin script (Kurmanji) reads left to right, in Arabic script right to left.
    assert not is_right_to_left("ku") and is_right_to_left("ku-Arab") and is_right_to_left("ku-arab-IQ")
    assert is_right_to_left("az-Arab") and not is_right_to_left("az")
    assert not is_right_to_left("pa-Guru") and is_right_to_left("pa-Arab")


class _Theme:
    font, heading_font, arabic_font = "Noto Sans", "Noto Serif", "Noto Naskh Arabic"


def test_the_doctor_asks_for_the_right_to_left_font_for_uyghur(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.doctor import exhibition as doctor_exhibition

    monkeypatch.setattr(doctor_exhibition, "text_by_language", lambda _: {"ug": "ئۇيغۇر", "en": "Uyghur"})
    info = type("Info", (), {"theme": _Theme()})()
    request = font_request(type("Exhibition", (), {"info": info})())
    assert request["ug"]["fonts"] == ["Noto Naskh Arabic"]
    assert request["en"]["fonts"] == ["Noto Sans", "Noto Serif"]


@pytest.mark.parametrize(
    ("code", "name"),
    [("ar", "العربية"), ("ko", "한국어"), ("ku", "Kurdî"), ("ckb", "کوردی"), ("ug", "ئۇيغۇرچە"), ("fr-CA", "Français")],
)
def test_one_endonym_everywhere(code: str, name: str) -> None:
    assert endonym(code) == name
    assert localize.native_name(code) == name  # the language switch


def test_an_unknown_language_shows_its_code() -> None:
    assert endonym("xx") == localize.native_name("xx") == "XX"
