"""WCAG 2.2 contrast: every colour pair the screen draws text (or a focus ring) with, and its minimum."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.exhibition import Theme

#: WCAG 2.2 AA, success criterion 1.4.3: text (body sizes) needs 4.5:1.
TEXT_MINIMUM = 4.5
#: WCAG 2.2 AA, 1.4.11 (non-text contrast): a focus ring or a control's outline needs 3:1.
NON_TEXT_MINIMUM = 3.0

#: The high-contrast theme visitors can ask for: white on black, a yellow that reads on black.
HIGH_CONTRAST = Theme(
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    accent="#FFE14D",
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours (1 to 21); an alpha byte (#RRGGBBAA) is ignored."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True, slots=True)
class Pair:
    what: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum


def pairs(theme: Theme) -> tuple[Pair, ...]:
    """Every pair Theme.qml draws with: text and muted text on the background and on cards,
    text on the accent (buttons that are on: Theme.onAccent is the background colour), and the
    accent as a focus ring against the background and cards."""
    return (
        Pair("text on background", theme.text, theme.background, TEXT_MINIMUM),
        Pair("text on surface", theme.text, theme.surface, TEXT_MINIMUM),
        Pair("muted on background", theme.muted, theme.background, TEXT_MINIMUM),
        Pair("muted on surface", theme.muted, theme.surface, TEXT_MINIMUM),
        Pair("on-accent text on accent", theme.background, theme.accent, TEXT_MINIMUM),
        Pair("focus ring (accent) on background", theme.accent, theme.background, NON_TEXT_MINIMUM),
        Pair("focus ring (accent) on surface", theme.accent, theme.surface, NON_TEXT_MINIMUM),
    )


def failing(theme: Theme) -> list[str]:
    """The pairs of ``theme`` below their minimum, described for staff."""
    return [f"{pair.what}: {pair.ratio:.2f}:1, needs {pair.minimum:g}:1" for pair in pairs(theme) if not pair.passes]
