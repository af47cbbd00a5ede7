"""Two small chart kinds as inline SVG: columns over a category axis, and labelled bars.

Enough for the report and nothing more, so no plotting library rides in the installer.
Text stays text (selectable, readable by a screen reader); each chart carries a
<title> and an aria-label that say what it shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

INK = "#1f2a33"
MUTED = "#6b7680"
GRID = "#e3e6e8"
BAR = "#3d7a8c"
BAR_SOFT = "#a9c9d1"
FONT = 'font-family=\'system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif\''


def nice_ceiling(value: float) -> float:
    """The next 1, 2, 2.5 or 5 times a power of ten at or above ``value`` (an axis maximum)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def axis_step(value: float) -> float:
    """A tick step of 1, 2 or 5 times a power of ten (never below 1: the charts count things)."""
    rough = max(1.0, value / 4)
    power = 10 ** math.floor(math.log10(rough))
    for step in (1, 2, 5, 10):
        if rough <= step * power:
            return float(step * power)
    return 10.0 * power


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 10_000 else f"{value:,.0f}"


def columns(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    width: int = 760,
    height: int = 240,
    show_label: Callable[[int], bool] = lambda _i: True,
) -> str:
    """Vertical columns, one per label (e.g. the 24 hours of a day)."""
    left, right, top, bottom = 40, 8, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    step = axis_step(max(values, default=0))
    ticks = max(1, math.ceil(max(values, default=0) / step))
    top_value = step * ticks
    slot = plot_w / max(1, len(values))
    parts = [_open(width, height, title)]
    for i in range(ticks + 1):
        value = step * i
        y = top + plot_h - plot_h * i / ticks
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' stroke='{GRID}'/>")
        parts.append(
            f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' font-size='11' fill='{MUTED}'>{_fmt(value)}</text>"
        )
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_h = plot_h * value / top_value
        x = left + i * slot + slot * 0.15
        y = top + plot_h - bar_h
        parts.append(
            f"<rect x='{x:.1f}' y='{y:.1f}' width='{slot * 0.7:.1f}' height='{bar_h:.1f}' rx='2' fill='{BAR}'>"
            f"<title>{escape(label)}: {_fmt(value)}</title></rect>"
        )
        if show_label(i):
            parts.append(
                f"<text x='{x + slot * 0.35:.1f}' y='{height - 10}' text-anchor='middle' font-size='11' "
                f"fill='{MUTED}'>{escape(label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def bars(
    rows: Sequence[tuple[str, float, str]],
    *,
    title: str,
    width: int = 760,
    label_width: int = 220,
    row_height: int = 30,
    shares: Sequence[float] | None = None,
) -> str:
    """Horizontal bars: (label, value, text shown after the bar), largest first as given.

    ``shares`` (0..1 per row), when given, fills that part of each bar in the strong
    colour over a soft full bar: for example how much of an excerpt plays watched.
    """
    # Room on the right for the longest note (about 6.6 px a character at 12 px).
    right = min(width // 2, 16 + round(6.6 * max((len(note) for _, _, note in rows), default=0)))
    plot_w = width - label_width - right
    height = max(1, len(rows)) * row_height + 8
    top_value = max((value for _, value, _ in rows), default=0) or 1
    parts = [_open(width, height, title)]
    for i, (label, value, note) in enumerate(rows):
        y = 4 + i * row_height
        bar_w = max(2.0, plot_w * value / top_value) if value > 0 else 0.0
        text_y = y + row_height / 2 + 4
        shown = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f"<text x='{label_width - 10}' y='{text_y:.1f}' text-anchor='end' font-size='13' fill='{INK}'>"
            f"<title>{escape(label)}</title>{escape(shown)}</text>"
        )
        fill = BAR if shares is None else BAR_SOFT
        parts.append(
            f"<rect x='{label_width}' y='{y + 5}' width='{bar_w:.1f}' height='{row_height - 10}' rx='3' fill='{fill}'/>"
        )
        if shares is not None:
            parts.append(
                f"<rect x='{label_width}' y='{y + 5}' width='{bar_w * max(0.0, min(1.0, shares[i])):.1f}' "
                f"height='{row_height - 10}' rx='3' fill='{BAR}'/>"
            )
        parts.append(
            f"<text x='{label_width + bar_w + 8:.1f}' y='{text_y:.1f}' font-size='12' fill='{MUTED}'>"
            f"{escape(note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
        f"role='img' aria-label='{escape(title, quote=True)}' {FONT}><title>{escape(title)}</title>"
    )
