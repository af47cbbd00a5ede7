"""Touch targets: at least 9 mm on the glass, at the screen's real physical size."""

from __future__ import annotations

import math

#: The smallest target a finger hits reliably (ISO 9241-9 and the kiosk guidelines' 9 mm).
MIN_TARGET_MM = 9.0


def pixels_per_mm(width_px: int, height_px: int, diagonal_inches: float) -> float:
    """Pixel density of a screen of this resolution and diagonal."""
    return math.hypot(width_px, height_px) / (diagonal_inches * 25.4)


def too_small(sizes_px: dict[str, tuple[float, float]], density: float) -> list[str]:
    """Which targets (name -> width, height in pixels) are under 9 mm in either direction."""
    minimum = MIN_TARGET_MM * density
    return [
        f"{name}: {w / density:.1f} x {h / density:.1f} mm, needs {MIN_TARGET_MM:g} mm"
        for name, (w, h) in sorted(sizes_px.items())
        if min(w, h) + 0.5 < minimum
    ]
