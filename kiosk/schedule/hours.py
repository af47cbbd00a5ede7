"""Opening hours against the clock.

Every answer is computed from an aware ``now`` the caller passes (the Qt controller
passes the real time, tests a fixed one). Hours are wall-clock times in the schedule's
zone, turned into absolute instants day by day, so a DST change moves nothing staff
wrote: 09:00 stays 09:00 on the day the clocks change, and that day is an hour shorter
or longer. A time that does not exist (02:30 when clocks jump from 02:00 to 03:00) is
taken the way zoneinfo does: as if the jump had not happened yet, so 03:30.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from kiosk.model.schedule import Schedule, parse_time

#: How far ahead to look for the next opening: exceptional dates are rarely written further.
HORIZON_DAYS = 400


def _zone(schedule: Schedule) -> tzinfo | None:
    return zoneinfo.ZoneInfo(schedule.timezone) if schedule.timezone else None


def _local(now: datetime, zone: tzinfo | None) -> datetime:
    # A naive ``now`` is taken as the machine's local time, as datetime.astimezone() does.
    return now.astimezone(zone) if zone else now.astimezone()


def _instant(day: date, minutes: int, zone: tzinfo | None) -> datetime:
    # In UTC: aware datetimes sharing one tzinfo compare by wall clock, which is wrong in
    # the repeated hour of an autumn DST change.
    naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return (naive.replace(tzinfo=zone) if zone else naive.astimezone()).astimezone(UTC)


def open_intervals(schedule: Schedule, now: datetime) -> Iterator[tuple[datetime, datetime]]:
    """Opening intervals [start, end) from the day before ``now`` on, merged across midnight.

    A range ending at 24:00 and one starting at 00:00 the next day are one interval, so a
    kiosk open all night is not 'closed' for an instant at midnight.
    """
    zone = _zone(schedule)
    first = _local(now, zone).date() - timedelta(days=1)
    pending: tuple[datetime, datetime] | None = None
    for offset in range(HORIZON_DAYS + 1):
        day = first + timedelta(days=offset)
        for start_min, end_min in schedule.hours_on(day):
            start, end = _instant(day, start_min, zone), _instant(day, end_min, zone)
            if pending is not None and pending[1] == start:
                pending = (pending[0], end)
                continue
            if pending is not None:
                yield pending
            pending = (start, end)
    if pending is not None:
        yield pending


def is_open(schedule: Schedule | None, now: datetime) -> bool:
    """True when the exhibition is open at ``now``; no schedule means always open."""
    if schedule is None:
        return True
    now = now.astimezone(UTC)
    for start, end in open_intervals(schedule, now):
        if start > now:
            return False
        if now < end:
            return True
    return False


def next_change(schedule: Schedule | None, now: datetime) -> datetime | None:
    """When it next opens (if closed) or closes (if open), after ``now``.

    None when nothing changes within :data:`HORIZON_DAYS` (no schedule, open around the
    clock, or never open again): the caller just checks again later.
    """
    if schedule is None:
        return None
    zone = _zone(schedule)
    now = now.astimezone(UTC)
    horizon = _instant(_local(now, zone).date() + timedelta(days=HORIZON_DAYS), 0, zone)
    for start, end in open_intervals(schedule, now):
        if start > now:
            return _local(start, zone)
        if now < end:
            return None if end >= horizon else _local(end, zone)
    return None


def next_restart(schedule: Schedule | None, now: datetime) -> datetime | None:
    """The next daily restart strictly after ``now``, or None when none is set."""
    if schedule is None or schedule.daily_restart is None:
        return None
    zone = _zone(schedule)
    minutes = parse_time(schedule.daily_restart)
    now = now.astimezone(UTC)
    today = _local(now, zone).date()
    for offset in range(3):  # today, tomorrow, or (across a DST oddity) the day after
        candidate = _instant(today + timedelta(days=offset), minutes, zone)
        if candidate > now:
            return _local(candidate, zone)
    return None
