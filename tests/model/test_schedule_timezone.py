"""A schedule's time zone: a name the database does not have, a region's folder, is a problem, not a crash."""

from __future__ import annotations

import pytest

from kiosk.model.schedule import Schedule, WeeklyHours

WEEK = WeeklyHours(*(["09:00-18:00"] * 7))


@pytest.mark.parametrize("name", ["Mars/Olympus", "Europe", "Europe/", "../etc"])
def test_an_unknown_time_zone_is_a_problem(name: str) -> None:
    problems = Schedule(weekly=WEEK, timezone=name).problems()
    assert ("timezone", f"unknown time zone '{name}'; write it like Europe/Paris") in problems


def test_a_known_time_zone_is_no_problem() -> None:
    assert Schedule(weekly=WEEK, timezone="Europe/Paris").problems() == []
