"""Theme colour pairs against WCAG 2.2 AA, and the rule itself checked on a bad theme."""

from __future__ import annotations

import pytest

from kiosk.model.exhibition import Theme
from kiosk.theme.contrast import HIGH_CONTRAST, contrast_ratio, failing
from kiosk.theme.targets import pixels_per_mm, too_small

pytestmark = pytest.mark.no_qt_log


def test_known_ratios() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # WCAG's classic near-miss
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", [Theme(), HIGH_CONTRAST], ids=["default", "high-contrast"])
def test_shipped_themes_pass(theme: Theme) -> None:
    assert failing(theme) == []


def test_high_contrast_is_higher_than_default() -> None:
    assert contrast_ratio(HIGH_CONTRAST.muted, HIGH_CONTRAST.background) > 15


def test_a_bad_theme_fails() -> None:
    bad = Theme(muted="#6A6A6A", accent="#303030")
    problems = failing(bad)
    assert any(p.startswith("muted on background") for p in problems)
    assert any(p.startswith("focus ring (accent) on background") for p in problems)
    assert not any(p.startswith("text on") for p in problems)


def test_nine_millimetres_at_the_screens_size() -> None:
    density = pixels_per_mm(1920, 1080, 21.5)  # a common booth screen: about 4.0 px per mm
    assert density == pytest.approx(4.03, abs=0.01)
    assert too_small({"listen": (88, 88), "back": (48, 48)}, density) == []  # 48 px is 11.9 mm here
    assert too_small({"close": (30, 88)}, density) == ["close: 7.4 x 21.8 mm, needs 9 mm"]
    assert too_small({"listen": (88, 88)}, density) == []
