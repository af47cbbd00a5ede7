"""Opening hours: when the kiosk shows the exhibition, and when a dark 'closed' screen.

Staff write a week of hours and the dates that differ::

    schedule:
      weekly:
        monday: closed
        tuesday: 09:00-18:00
        wednesday: 10:00-12:30, 14:00-18:00
      exceptions:
        2026-12-24: 09:00-14:00
        2026-12-25: closed
      daily_restart: "06:00"
      closed_screen: dark

Hours are one string per day (ranges separated by commas, or ``closed``): the loader
reads a field as one type, and one string is what staff write on a door sign anyway.
A range ends on the same day (``24:00`` is midnight at its end). Times are the wall
clock of ``timezone`` (the machine's own zone by default). The pure functions that
answer "open now?" live in :mod:`kiosk.schedule`.
"""

from __future__ import annotations

import itertools
import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

from kiosk.model.fields import spec
from kiosk.model.localized import Localized

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLOSED = "closed"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d$"
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")

#: Minutes since midnight, [start, end), end at most 24 * 60.
Range = tuple[int, int]


class HoursError(ValueError):
    """Opening hours written in a way the kiosk does not understand."""


def parse_time(text: str, *, allow_24: bool = False) -> int:
    """'09:30' -> 570 minutes after midnight."""
    match = _TIME.match(text)
    if not match:
        raise HoursError(f"'{text.strip()}' is not a time; write HH:MM, like 09:00")
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not allow_24)):
        raise HoursError(f"'{text.strip()}' is not a time of day")
    return hours * 60 + minutes


def parse_hours(text: str) -> tuple[Range, ...]:
    """'10:00-12:30, 14:00-18:00' -> ((600, 750), (840, 1080)); 'closed' -> ()."""
    if text.strip().lower() == CLOSED:
        return ()
    ranges: list[Range] = []
    for part in text.split(","):
        if part.count("-") != 1:
            raise HoursError(
                f"'{part.strip()}' is not a range of hours; write 09:00-18:00, several ranges "
                "separated by commas, or closed"
            )
        start_text, end_text = part.split("-")
        start, end = parse_time(start_text), parse_time(end_text, allow_24=True)
        if end <= start:
            raise HoursError(
                f"'{part.strip()}' ends before it starts; a range must end the same day "
                "(use 24:00 for midnight, and start the next day at 00:00)"
            )
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in itertools.pairwise(ranges):
        if start < end:
            raise HoursError(f"ranges in '{text.strip()}' overlap")
    return tuple(ranges)


def _no_exceptions() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """The usual week: for each day '09:00-18:00', several ranges '10:00-12:30, 14:00-18:00', or 'closed'.

    A day not written is closed.
    """

    monday: str = spec("Hours on Mondays, e.g. 09:00-18:00, or closed.", default=CLOSED)
    tuesday: str = spec("Hours on Tuesdays.", default=CLOSED)
    wednesday: str = spec("Hours on Wednesdays.", default=CLOSED)
    thursday: str = spec("Hours on Thursdays.", default=CLOSED)
    friday: str = spec("Hours on Fridays.", default=CLOSED)
    saturday: str = spec("Hours on Saturdays.", default=CLOSED)
    sunday: str = spec("Hours on Sundays.", default=CLOSED)

    def for_weekday(self, weekday: int) -> str:
        """Hours for ``date.weekday()`` (0 is Monday)."""
        text: str = getattr(self, DAYS[weekday])
        return text

    def problems(self) -> list[tuple[str, str]]:
        found = []
        for day in DAYS:
            try:
                parse_hours(getattr(self, day))
            except HoursError as error:
                found.append((day, str(error)))
        return found


@dataclass(frozen=True, slots=True)
class Schedule:
    """Opening hours. Outside them the kiosk shows a dark 'closed' screen with the sound off."""

    weekly: WeeklyHours = spec("The usual hours for each day of the week; a day not written is closed.")
    exceptions: Mapping[str, str] = spec(
        "Dates whose hours differ from the week (holidays, late openings), as YYYY-MM-DD: hours or closed.",
        default_factory=_no_exceptions,
        example={"2026-12-24": "09:00-14:00", "2026-12-25": "closed"},
    )
    timezone: str | None = spec(
        "The time zone the hours are written in (e.g. Europe/Paris); by default the machine's own.",
        default=None,
    )
    daily_restart: str | None = spec(
        "A time (HH:MM) at which the kiosk restarts itself each day, best while closed; "
        "it waits for the end of a visit.",
        default=None,
        pattern=TIME_PATTERN,
    )
    closed_screen: Literal["dark", "blank"] = spec(
        "What shows while closed: 'dark' (a dim screen with the next opening time) or "
        "'blank' (the display is turned black).",
        default="dark",
    )
    closed_message: Localized | None = spec(
        "A line on the dark closed screen, e.g. where else to see the exhibition.", default=None
    )

    def hours_on(self, day: date) -> tuple[Range, ...]:
        """The opening ranges of one calendar day (assumes :meth:`problems` found none)."""
        special = self.exceptions.get(day.isoformat())
        return parse_hours(special if special is not None else self.weekly.for_weekday(day.weekday()))

    def problems(self) -> list[tuple[str, str]]:
        found = []
        for key, hours in self.exceptions.items():
            try:
                date.fromisoformat(key)
            except ValueError:
                found.append(("exceptions", f"'{key}' is not a date; write YYYY-MM-DD, like 2026-12-25"))
                continue
            try:
                parse_hours(hours)
            except HoursError as error:
                found.append(("exceptions", f"{key}: {error}"))
        if self.timezone is not None:
            try:
                zoneinfo.ZoneInfo(self.timezone)
            # A region's name ('Europe') is a folder of the time-zone database: opening it raises
            # IsADirectoryError, an OSError, not ZoneInfoNotFoundError.
            except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
                found.append(("timezone", f"unknown time zone '{self.timezone}'; write it like Europe/Paris"))
        return found
