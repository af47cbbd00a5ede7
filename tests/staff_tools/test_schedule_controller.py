"""The opening-hours view model and the closed screen, with an injected clock."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputDevice
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from kiosk.model.localized import Localized
from kiosk.model.schedule import Schedule, WeeklyHours
from kiosk.schedule.closed_text import closed_lines
from kiosk.ui.staff_tools.closed_guard import ClosedGuard, find_item
from kiosk.ui.staff_tools.schedule import ClosedLinesModel, ScheduleController

PARIS = ZoneInfo("Europe/Paris")
HOURS = Schedule(
    weekly=WeeklyHours(*(["09:00-18:00"] * 6), sunday="closed"),
    timezone="Europe/Paris",
    daily_restart="06:00",
    closed_message=Localized.of({"en": "See you tomorrow", "fr": "À demain"}),
)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class Kiosk:
    """What the controller asks the app: is the attract loop showing, and end the visit."""

    def __init__(self) -> None:
        self.resting = True
        self.ended = 0

    def at_rest(self) -> bool:
        return self.resting

    def end_visit(self) -> None:
        self.ended += 1
        self.resting = True


def make(clock: Clock, kiosk: Kiosk, **kwargs: Any) -> ScheduleController:
    return ScheduleController(
        HOURS, ("fr", "en", "ar"), now=clock, at_rest=kiosk.at_rest, end_visit=kiosk.end_visit, **kwargs
    )


def test_closes_at_closing_time_and_opens_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 27, 17, 59, 59, 950_000, tzinfo=PARIS))  # a Friday
    controller = make(clock, Kiosk())
    assert controller.isOpen
    clock.advance(milliseconds=60)
    with qtbot.waitSignal(controller.openChanged, timeout=2000):
        pass  # the controller's own timer was set for 18:00
    assert not controller.isOpen
    # Closed screen lines say when it opens: tomorrow (Saturday) 09:00.
    model = controller.lines
    assert model.rowCount() == 3
    opens = model.data(model.index(1), ClosedLinesModel.role("opensText"))
    assert opens == "Opens tomorrow at 09:00"
    assert model.data(model.index(1), ClosedLinesModel.role("message")) == "See you tomorrow"
    assert model.data(model.index(2), ClosedLinesModel.role("rtl")) is True
    assert model.data(model.index(2), ClosedLinesModel.role("message")) == ""  # no Arabic message written
    clock.now = datetime(2026, 11, 28, 9, 0, tzinfo=PARIS)
    with qtbot.waitSignal(controller.openChanged, timeout=2000):
        controller.check()
    assert controller.isOpen


def test_a_visit_in_progress_may_finish(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 27, 17, 0, tzinfo=PARIS))
    kiosk = Kiosk()
    controller = make(clock, kiosk, grace_ms=60_000)
    kiosk.resting = False
    clock.now = datetime(2026, 11, 27, 18, 0, 1, tzinfo=PARIS)
    controller.check()
    assert controller.isOpen and controller.closingWhenVisitEnds
    kiosk.resting = True
    with qtbot.waitSignal(controller.openChanged, timeout=1000):
        controller.visitor_left()
    assert not controller.isOpen and kiosk.ended == 0


def test_a_visit_that_goes_on_is_ended_after_the_grace(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 27, 18, 0, 1, tzinfo=PARIS))
    kiosk = Kiosk()
    kiosk.resting = False
    controller = make(clock, kiosk, grace_ms=30)
    assert controller.isOpen  # started open: the visit goes on for now
    with qtbot.waitSignal(controller.openChanged, timeout=2000):
        pass
    assert not controller.isOpen and kiosk.ended == 1


def test_closed_on_sunday_and_exceptional_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 29, 12, 0, tzinfo=PARIS))  # Sunday
    controller = make(clock, Kiosk())
    assert not controller.isOpen
    lines = closed_lines(("fr", "en", "ar"), datetime(2026, 11, 30, 9, 0, tzinfo=PARIS), clock.now)
    assert [line.opens for line in lines] == [
        "Réouverture demain à 09:00",
        "Opens tomorrow at 09:00",
        "يفتح غدًا الساعة 09:00",
    ]
    assert closed_lines(("de",), datetime(2026, 12, 2, 9, 0, tzinfo=PARIS), clock.now)[0].opens == (
        "Geöffnet ab Mittwoch um 09:00"
    )


def test_daily_restart_waits_for_the_attract_loop(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 28, 5, 59, 59, 980_000, tzinfo=PARIS))
    kiosk = Kiosk()
    kiosk.resting = False  # staff are testing something at 06:00
    controller = make(clock, kiosk, min_uptime_s=0)  # the uptime rule is tested in tests/faults
    restarts: list[bool] = []
    controller.restartRequested.connect(lambda: restarts.append(True))
    clock.advance(milliseconds=40)
    controller.check()
    assert restarts == []
    kiosk.resting = True
    with qtbot.waitSignal(controller.restartRequested, timeout=1000):
        controller.visitor_left()
    clock.advance(minutes=1)
    controller.check()
    assert restarts == [True]  # once a day, not at every check after 06:00


def test_no_schedule_is_always_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = ScheduleController(None, ("en",), now=Clock(datetime(2026, 12, 25, 3, 0, tzinfo=PARIS)))
    assert controller.isOpen


def test_lines_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 29, 12, 0, tzinfo=PARIS))
    controller = make(clock, Kiosk())
    qtmodeltester.check(controller.lines)


# -- the closed screen in a real Qt Quick scene -----------------------------------------------------------
@pytest.fixture
def scene(component):  # type: ignore[no-untyped-def]
    def open_scene(controller: ScheduleController) -> tuple[QQuickView, QQuickItem]:
        return component("ClosedScreen", {"schedule": controller})

    return open_scene


def test_the_closed_screen_shows_each_language(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 29, 20, 0, tzinfo=PARIS))
    controller = make(clock, Kiosk())
    view, root = scene(controller)
    assert root.isVisible()
    title = find_item(root, "closedTitle_ar")
    assert title is not None and title.property("text") == "مغلق"
    opens = find_item(root, "closedOpens_fr")
    assert opens is not None and opens.property("text") == "Réouverture demain à 09:00"
    shot = os.environ.get("KIOSK_SHOT_DIR")
    if shot:
        view.grabWindow().save(str(Path(shot) / "closed-screen.png"))
    clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)
    controller.check()
    assert not root.isVisible()


def test_touches_never_start_a_visit_while_closed(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    """The guard swallows a touch while closed, and lets it through once open."""
    clock = Clock(datetime(2026, 11, 29, 20, 0, tzinfo=PARIS))
    controller = make(clock, Kiosk())
    view, _root = scene(controller)
    guard = ClosedGuard(view, controller)
    device = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
    QTest.touchEvent(view, device).press(0, QPoint(600, 300), view).commit()
    QTest.touchEvent(view, device).release(0, QPoint(600, 300), view).commit()
    assert guard.swallowed == 1
    clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)
    controller.check()
    QTest.touchEvent(view, device).press(0, QPoint(600, 300), view).commit()
    QTest.touchEvent(view, device).release(0, QPoint(600, 300), view).commit()
    assert guard.swallowed == 1
