"""Opening hours with an injected clock: weeks, exceptional dates, midnight, DST, the loader."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest

from kiosk.loader import load_exhibition
from kiosk.model.schedule import HoursError, Schedule, WeeklyHours, parse_hours
from kiosk.schedule import is_open, next_change, next_restart

PARIS = ZoneInfo("Europe/Paris")

MUSEUM = Schedule(
    weekly=WeeklyHours(
        tuesday="09:00-18:00",
        wednesday="10:00-12:30, 14:00-18:00",
        thursday="09:00-18:00",
        friday="09:00-18:00, 20:00-24:00",
        saturday="00:00-01:30, 10:00-19:00",
        sunday="09:00-18:00",
    ),  # Monday closed
    exceptions=MappingProxyType({"2026-12-24": "09:00-14:00", "2026-12-25": "closed"}),
    timezone="Europe/Paris",
    daily_restart="06:00",
)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("09:00-18:00", ((540, 1080),)),
        ("14:00-18:00, 10:00-12:30", ((600, 750), (840, 1080))),
        ("closed", ()),
        (" Closed ", ()),
        ("20:00-24:00", ((1200, 1440),)),
        ("9:00-9:30", ((540, 570),)),
    ],
)
def test_hours_are_read(text: str, ranges: tuple[tuple[int, int], ...]) -> None:
    assert parse_hours(text) == ranges


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("18:00-09:00", "ends before it starts"),
        ("09:00", "is not a range of hours"),
        ("9h-18h", "is not a time"),
        ("09:00-25:00", "is not a time of day"),
        ("24:00-24:00", "is not a time of day"),
        ("09:00-13:00, 12:00-18:00", "overlap"),
    ],
)
def test_bad_hours_are_explained(text: str, message: str) -> None:
    with pytest.raises(HoursError, match=message):
        parse_hours(text)


def test_a_usual_week() -> None:
    assert not is_open(MUSEUM, paris(2026, 11, 30, 12, 0))  # Monday
    assert is_open(MUSEUM, paris(2026, 12, 1, 9, 0))  # Tuesday, at opening
    assert not is_open(MUSEUM, paris(2026, 12, 1, 18, 0))  # Tuesday, at closing: [start, end)
    assert not is_open(MUSEUM, paris(2026, 12, 2, 13, 0))  # Wednesday lunch
    assert next_change(MUSEUM, paris(2026, 12, 2, 13, 0)) == paris(2026, 12, 2, 14, 0)
    # Monday noon: next opening is Tuesday 09:00.
    assert next_change(MUSEUM, paris(2026, 11, 30, 12, 0)) == paris(2026, 12, 1, 9, 0)


def test_open_across_midnight_is_one_interval() -> None:
    friday_late = paris(2026, 12, 4, 23, 59)
    assert is_open(MUSEUM, friday_late)
    assert is_open(MUSEUM, paris(2026, 12, 5, 0, 0))
    assert next_change(MUSEUM, friday_late) == paris(2026, 12, 5, 1, 30)


def test_exceptional_dates() -> None:
    christmas_eve = paris(2026, 12, 24, 15, 0)  # a Thursday, usually open until 18:00
    assert not is_open(MUSEUM, christmas_eve)
    assert is_open(MUSEUM, paris(2026, 12, 24, 13, 59))
    # Closed on the 25th (a Friday): next opening is Saturday's night range? No: Saturday 00:00 follows
    # Friday's 20:00-24:00, which the exception removed; Saturday 00:00-01:30 still opens.
    assert next_change(MUSEUM, christmas_eve) == paris(2026, 12, 26, 0, 0)


def test_time_given_in_another_zone() -> None:
    tuesday_9_paris = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert is_open(MUSEUM, tuesday_9_paris)
    assert not is_open(MUSEUM, datetime(2026, 12, 1, 7, 59, tzinfo=UTC))


def test_spring_forward() -> None:
    """29 March 2026 in Paris: clocks jump from 02:00 to 03:00."""
    night = Schedule(
        weekly=WeeklyHours(sunday="01:00-04:00, 09:00-18:00", saturday="09:00-18:00"), timezone="Europe/Paris"
    )
    saturday_evening = paris(2026, 3, 28, 20, 0)
    assert next_change(night, saturday_evening) == paris(2026, 3, 29, 1, 0)
    # 01:00 CET is 00:00 UTC; 04:00 CEST is 02:00 UTC: the night range lasted two hours.
    assert next_change(night, paris(2026, 3, 29, 1, 30)) == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
    assert next_change(night, paris(2026, 3, 29, 5, 0)) == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)  # 09:00 CEST


def test_fall_back() -> None:
    """25 October 2026 in Paris: clocks go back from 03:00 to 02:00; 02:30 happens twice."""
    night = Schedule(weekly=WeeklyHours(sunday="01:00-04:00"), timezone="Europe/Paris")
    first_0230 = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second_0230 = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    assert is_open(night, first_0230) and is_open(night, second_0230)
    # 04:00 CET is 03:00 UTC: the range lasted four hours that night.
    assert next_change(night, first_0230) == datetime(2026, 10, 25, 3, 0, tzinfo=UTC)
    assert not is_open(night, datetime(2026, 10, 25, 3, 0, tzinfo=UTC))


def test_restart_time_follows_the_wall_clock_across_dst() -> None:
    assert next_restart(MUSEUM, paris(2026, 3, 28, 7, 0)) == paris(2026, 3, 29, 6, 0)
    assert next_restart(MUSEUM, paris(2026, 3, 28, 7, 0)).utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    assert next_restart(MUSEUM, paris(2026, 3, 29, 5, 59)) == paris(2026, 3, 29, 6, 0)
    assert next_restart(Schedule(weekly=WeeklyHours()), paris(2026, 3, 29, 5, 59)) is None


def test_without_a_schedule_always_open() -> None:
    now = paris(2026, 12, 25, 3, 0)
    assert is_open(None, now) and next_change(None, now) is None


def test_around_the_clock_never_changes() -> None:
    always = Schedule(weekly=WeeklyHours(*(["00:00-24:00"] * 7)), timezone="Europe/Paris")
    assert is_open(always, paris(2026, 6, 1, 3, 0))
    assert next_change(always, paris(2026, 6, 1, 3, 0)) is None


def test_never_open() -> None:
    closed = Schedule(weekly=WeeklyHours(), timezone="Europe/Paris")
    assert not is_open(closed, paris(2026, 6, 1, 12, 0))
    assert next_change(closed, paris(2026, 6, 1, 12, 0)) is None


EXHIBITION = """\
exhibition:
  id: test
  title: Test
  languages: [en]
attract:
  items: [intro]
  invitation: Touch
chapters:
  - id: one
    title: One
    panels:
      - {id: intro, type: text, title: Hello, body: World}
schedule:
  timezone: Europe/Paris
  weekly:
    monday: closed
    tuesday: 09:00-18:00
    wednesday: 10:00-12:30, 14:00-18:00
  exceptions:
    2026-12-25: closed
    "2026-12-24": 09:00-14:00
  daily_restart: "06:00"
  closed_screen: blank
"""


def test_the_loader_reads_a_schedule(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    config = tmp_path / "exhibition.yaml"
    config.write_text(EXHIBITION)
    result = load_exhibition(config)
    assert result.ok, [str(p) for p in result.problems]
    assert result.exhibition is not None
    schedule = result.exhibition.schedule
    assert schedule is not None
    assert schedule.weekly.wednesday == "10:00-12:30, 14:00-18:00"
    assert dict(schedule.exceptions) == {"2026-12-25": "closed", "2026-12-24": "09:00-14:00"}
    assert schedule.closed_screen == "blank"
    assert not is_open(schedule, paris(2026, 12, 25, 12, 0))


@pytest.mark.parametrize(
    ("line", "mistake", "expected"),
    [
        (
            "tuesday: 09:00-18:00",
            "tuesday: 18:00-09:00",
            ":17:14: schedule.weekly.tuesday: '18:00-09:00' ends before it starts",
        ),
        (
            "timezone: Europe/Paris",
            "timezone: Europe/Caen",
            ":14:13: schedule.timezone: unknown time zone 'Europe/Caen'",
        ),
        (
            "2026-12-25: closed",
            "2026-13-25: closed",
            ":20:5: schedule.exceptions.2026-13-25: '2026-13-25' is not a date",
        ),
        ("closed_screen: blank", "closed_screen: black", "schedule.closed_screen: 'black' is not one of: dark, blank"),
    ],
)
def test_the_loader_points_at_bad_hours(tmp_path: Path, line: str, mistake: str, expected: str) -> None:
    (tmp_path / "media").mkdir()
    config = tmp_path / "exhibition.yaml"
    assert line in EXHIBITION
    config.write_text(EXHIBITION.replace(line, mistake))
    result = load_exhibition(config)
    assert not result.ok
    messages = [str(p) for p in result.errors]
    assert any(expected in m for m in messages), messages
