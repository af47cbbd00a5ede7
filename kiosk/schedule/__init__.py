"""Is the exhibition open now, and when does that change? Pure functions, no Qt, injectable time."""

from kiosk.schedule.hours import is_open, next_change, next_restart, open_intervals

__all__ = ["is_open", "next_change", "next_restart", "open_intervals"]
