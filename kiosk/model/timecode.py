"""Times in an exhibition: timecodes inside a film, and durations."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIMECODE = re.compile(r"^(?:(?:(\d+):)?([0-5]?\d):)?(\d+)(?:[.,](\d{1,3}))?$")
_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h))+$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)")
_UNIT_MS = {"ms": 1, "s": 1000, "sec": 1000, "m": 60_000, "min": 60_000, "h": 3_600_000}


class TimeFormatError(ValueError):
    """A time written in a way the kiosk does not understand."""


@dataclass(frozen=True, slots=True, order=True)
class Timecode:
    """A position inside a film, in milliseconds."""

    ms: int

    @property
    def seconds(self) -> float:
        return self.ms / 1000

    def __str__(self) -> str:
        hours, rest = divmod(self.ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        seconds, millis = divmod(rest, 1000)
        text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        return f"{text}.{millis:03d}" if millis else text


@dataclass(frozen=True, slots=True, order=True)
class Duration:
    """A length of time, in milliseconds."""

    ms: int

    @property
    def seconds(self) -> float:
        return self.ms / 1000

    def __str__(self) -> str:
        return f"{self.ms / 1000:g}s"


def parse_timecode(value: str | int | float) -> Timecode:
    """Read ``SS``, ``MM:SS`` or ``HH:MM:SS`` with optional ``.mmm`` (a plain number is seconds)."""
    if isinstance(value, bool):
        raise TimeFormatError("expected a timecode such as 01:23 or 00:01:23.500, got true/false")
    if isinstance(value, int | float):
        if value < 0:
            raise TimeFormatError("a timecode cannot be negative")
        return Timecode(round(value * 1000))
    match = _TIMECODE.match(value.strip())
    if not match:
        raise TimeFormatError(f"'{value}' is not a timecode; write SS, MM:SS or HH:MM:SS, with .mmm for milliseconds")
    hours, minutes, seconds, millis = match.groups()
    if (hours is not None or minutes is not None) and int(seconds) > 59:
        raise TimeFormatError(f"'{value}': seconds must be 00 to 59")
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds)
    return Timecode(total * 1000 + int((millis or "0").ljust(3, "0")))


def parse_duration(value: str | int | float) -> Duration:
    """Read a duration: ``90s``, ``1m30s``, ``500ms``, ``2min`` or a plain number of seconds."""
    if isinstance(value, bool):
        raise TimeFormatError("expected a duration such as 90s or 2m, got true/false")
    if isinstance(value, int | float):
        if value < 0:
            raise TimeFormatError("a duration cannot be negative")
        return Duration(round(value * 1000))
    text = value.strip().lower().replace(" ", "")
    if not _DURATION.match(text):
        raise TimeFormatError(f"'{value}' is not a duration; write for example 90s, 1m30s or 500ms")
    total = sum(float(num) * _UNIT_MS[unit] for num, unit in _DURATION_PART.findall(text))
    return Duration(round(total))
