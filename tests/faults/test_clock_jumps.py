"""The clock jumps: a boot in 1970 then NTP, an hour corrected, daylight saving. Time injected
(a wall clock and a monotonic one, moved apart as a real jump moves them) into the real
opening-hours controller, the real visit and the real analytics writer on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.analytics.database import open_database
from kiosk.analytics.writer import EventWriter
from kiosk.model.schedule import Schedule, WeeklyHours
from kiosk.navigation.events import PanelShown, VisitEnded, VisitStarted
from kiosk.ui.staff_tools.schedule import ScheduleController

PARIS = ZoneInfo("Europe/Paris")
HOURS = Schedule(weekly=WeeklyHours(*(["09:00-18:00"] * 7)), timezone="Europe/Paris", daily_restart="06:00")


class Time:
    """A wall clock and a monotonic one: ``run`` moves both, ``jump`` the wall clock alone."""

    def __init__(self, wall: datetime) -> None:
        self.wall = wall
        self.mono = 5000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def run(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def jump(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)


def controller(time: Time, **options) -> tuple[ScheduleController, list[datetime]]:
    made = ScheduleController(HOURS, ("fr", "en"), now=time.now, monotonic=time.monotonic, **options)
    restarts: list[datetime] = []
    made.restartRequested.connect(lambda: restarts.append(time.wall))
    return made, restarts


def live(made: ScheduleController, time: Time, hours: float, jumps: dict[float, float] | None = None) -> int:
    """Let the controller's timer drive it for ``hours`` of monotonic time, as its event loop would:
    each wait is the interval it set. ``jumps``: {hour: seconds} wall-clock jumps on the way.
    Returns how many times it woke up."""
    wakes = 0
    pending = sorted((jumps or {}).items())
    end = time.mono + hours * 3600
    start = time.mono
    while time.mono < end:
        wait = made._timer.interval() / 1000
        assert made._timer.isActive() and wait >= 0.01
        time.run(min(wait, end - time.mono))
        while pending and time.mono - start >= pending[0][0] * 3600:
            time.jump(pending.pop(0)[1])
        made.check()
        wakes += 1
    return wakes


def test_booted_in_1970_then_set_by_ntp(qapp) -> None:
    time = Time(datetime(1970, 1, 1, 0, 0, 12, tzinfo=UTC))  # no RTC battery: the epoch
    made, restarts = controller(time)
    time.run(30)
    made.check()
    time.jump((datetime(2026, 12, 7, 10, 15, tzinfo=PARIS) - time.wall).total_seconds())  # NTP's first sync
    time.run(1)
    made.check()
    assert made.isOpen  # 10:15 on a Monday: open at once, not at the next minute's guess
    assert restarts == []  # 56 years of 06:00s jumped over: no restart for any of them
    assert made._restart_at == datetime(2026, 12, 8, 6, 0, tzinfo=PARIS)
    wakes = live(made, time, hours=24)
    assert len(restarts) == 1 and restarts[0].astimezone(PARIS).hour == 6  # the next morning, once
    assert wakes < 24 * 60 + 10  # about one wake a minute: nothing fires a thousand times


def test_an_hour_set_back_right_after_the_daily_restart_does_not_restart_twice(qapp) -> None:
    time = Time(datetime(2026, 12, 8, 6, 0, 5, tzinfo=PARIS))  # the kiosk that the 06:00 restart started
    made, restarts = controller(time)
    time.run(25 * 60)
    time.jump(-3600)  # NTP: the clock was an hour ahead; it is 05:25 again
    live(made, time, hours=3)
    assert restarts == []


def test_an_hour_jumped_forward_over_the_restart_time_skips_it(qapp) -> None:
    time = Time(datetime(2026, 12, 7, 12, 0, tzinfo=PARIS))
    made, restarts = controller(time)
    live(made, time, hours=17.5)  # 05:30 next morning, up 17.5 h
    time.jump(3600)  # 06:30: the restart time was jumped over
    live(made, time, hours=1)
    assert restarts == []
    assert made._restart_at == datetime(2026, 12, 9, 6, 0, tzinfo=PARIS)
    live(made, time, hours=24)
    assert len(restarts) == 1


@pytest.mark.parametrize("night", [datetime(2027, 3, 27, 20, 0), datetime(2026, 10, 24, 20, 0)])
def test_daylight_saving_nights_restart_once_and_open_on_time(qapp, night: datetime) -> None:
    time = Time(night.replace(tzinfo=PARIS))
    made, restarts = controller(time)
    opened: list[datetime] = []
    made.openChanged.connect(lambda: made.isOpen and opened.append(time.wall.astimezone(PARIS)))
    wakes = live(made, time, hours=14)  # to 10:00 (local) the next day, across the change
    assert [r.astimezone(PARIS).strftime("%H:%M") for r in restarts] == ["06:00"]
    assert [o.strftime("%H:%M") for o in opened] == ["09:00"]
    assert wakes < 14 * 60 + 10


def test_the_idle_reset_follows_the_monotonic_clock_whatever_the_wall_clock_does() -> None:
    from kiosk.navigation import Timeouts, Visit, VisitShape
    from kiosk.navigation.timing import ManualClock
    from kiosk.navigation.visit import Screen

    clock = ManualClock()
    visit = Visit(VisitShape(("en",), ((1,),)), Timeouts(idle=90, countdown=10), clock)
    visit.wake()
    assert visit.state.screen is not Screen.ATTRACT
    clock._wall -= 3 * 3600  # the wall clock set back three hours: nothing happens
    clock.advance(60)
    visit.tick()
    assert visit.state.screen is not Screen.ATTRACT
    clock._wall += 10 * 86400  # ten days forward: still nothing
    clock.advance(39)
    visit.tick()
    assert visit.state.screen is not Screen.ATTRACT
    clock.advance(62)  # 90 s idle + 10 s countdown of monotonic time: back to the loop
    visit.tick()
    assert visit.state.screen is Screen.ATTRACT


def test_analytics_times_stay_ordered_when_the_clock_jumps(tmp_path) -> None:
    db = open_database(tmp_path / "analytics.sqlite3")
    writer = EventWriter(db, "forum")
    wall, mono = 1_800_000_000.0, 100.0

    def visit(start_wall: float, start_mono: float, jump_inside: float = 0.0) -> None:
        writer.write(VisitStarted(at=start_wall, language="fr"), start_mono)
        writer.write(PanelShown(at=start_wall + 10, chapter_id="c", panel_id="a"), start_mono + 10)
        # The clock jumps between two panels of one visit: the visit's own times do not.
        writer.write(PanelShown(at=start_wall + 20 + jump_inside, chapter_id="c", panel_id="b"), start_mono + 20)
        writer.write(VisitEnded(at=start_wall + 50 + jump_inside, reason="idle"), start_mono + 50)

    visit(wall, mono, jump_inside=-3600)  # NTP sets the clock back an hour mid-visit
    visit(wall - 3600 + 100, mono + 100)  # the next visit, on the corrected clock
    visit(wall + 7200, mono + 7200)  # an hour later the wall clock has caught up
    visit(wall + 7300 + 10 * 86400, mono + 7300)  # then forward by ten days (a clock set by hand)
    visit(0.0 + 500, mono + 7400)  # and back to 1970: more than a day back, taken as it is
    rows = db.execute("SELECT started_at, ended_at FROM visits ORDER BY id").fetchall()
    dwell = [row[0] for row in db.execute("SELECT dwell_ms FROM panel_views ORDER BY id")]
    assert rows[0] == (wall, wall + 50)  # durations from the monotonic clock
    assert rows[1][0] == wall + 50  # would have started before the last visit ended: starts at its end
    assert rows[1][1] - rows[1][0] == 50
    assert rows[2][0] == wall + 7200
    assert rows[3][0] == wall + 7300 + 10 * 86400
    assert rows[4][0] == 500.0
    starts = [r[0] for r in rows[:4]]
    assert starts == sorted(starts) and all(end >= start for start, end in rows)
    assert dwell[:2] == [10_000, 30_000]  # never 0 or negative across the jump
    assert sqlite3.connect(tmp_path / "analytics.sqlite3").execute("PRAGMA integrity_check").fetchone() == ("ok",)
