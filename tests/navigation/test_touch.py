"""Which contacts count: phantom brushes, palms and bounces do not."""

from __future__ import annotations

from kiosk.navigation import TouchJudge, TouchVerdict
from kiosk.navigation.gate import TapGate
from kiosk.navigation.touch import TouchLimits

PX_PER_MM = 4.0


def judge() -> TouchJudge:
    return TouchJudge(TouchLimits(), px_per_mm=PX_PER_MM)


def test_a_real_tap_is_delivered() -> None:
    j = judge()
    assert j.begin(0, 100, 100, points=1) is TouchVerdict.DELIVER
    assert j.update(points=1) is TouchVerdict.DELIVER
    assert j.end(80, 100, 100) is TouchVerdict.DELIVER


def test_a_phantom_contact_is_cancelled() -> None:
    j = judge()
    assert j.begin(0, 100, 100, points=1) is TouchVerdict.DELIVER
    assert j.end(12, 100, 100) is TouchVerdict.CANCEL


def test_a_bounce_is_swallowed_but_a_second_tap_elsewhere_is_not() -> None:
    j = judge()
    j.begin(0, 100, 100, points=1)
    j.end(70, 100, 100)
    assert j.begin(100, 102, 101, points=1) is TouchVerdict.SWALLOW
    assert j.end(160, 102, 101) is TouchVerdict.SWALLOW
    assert j.begin(200, 400, 100, points=1) is TouchVerdict.DELIVER


def test_a_palm_is_swallowed_or_cancels_what_a_finger_started() -> None:
    j = judge()
    assert j.begin(0, 10, 10, points=1, diameter_px=40 * PX_PER_MM) is TouchVerdict.SWALLOW
    assert j.end(300, 10, 10) is TouchVerdict.SWALLOW
    assert j.begin(1000, 10, 10, points=1) is TouchVerdict.DELIVER
    assert j.update(points=2) is TouchVerdict.DELIVER, "two fingers pinch"
    assert j.update(points=4) is TouchVerdict.CANCEL
    assert j.update(points=1) is TouchVerdict.SWALLOW
    assert j.end(1500, 10, 10) is TouchVerdict.SWALLOW


def test_gate() -> None:
    gate = TapGate(0.25)
    assert gate.allow(1.0)
    assert not gate.allow(1.1)
    assert gate.allow(1.3)
    gate.reset()
    assert gate.allow(1.31)
