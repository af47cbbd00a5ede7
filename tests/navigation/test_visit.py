"""The visit state machine, driven with a manual clock: a whole day of visits in milliseconds."""

from __future__ import annotations

import pytest

from kiosk.navigation import Screen, Timeouts, Visit, VisitShape
from kiosk.navigation.events import (
    ChapterOpened,
    HomeShown,
    IdleReset,
    LanguageChanged,
    PanelShown,
    VisitEnded,
    VisitStarted,
)
from kiosk.navigation.timing import ManualClock

SHAPE = VisitShape(
    languages=("fr", "en", "ar"),
    chapters=(("ghouta", ("intro", "portrait", "cave")), ("forum", ("prize",))),
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def visit(clock: ManualClock) -> Visit:
    return Visit(SHAPE, Timeouts(idle=90, countdown=10, tap_gap=0.25), clock)


def test_starts_in_the_attract_loop_and_a_touch_goes_home(visit: Visit) -> None:
    events: list[object] = []
    visit.add_listener(events.append)
    assert visit.state.screen is Screen.ATTRACT
    assert visit.wake()
    assert visit.state.screen is Screen.HOME
    assert [type(e) for e in events] == [VisitStarted, HomeShown]
    assert not visit.wake(), "a second wake is not a new visit"


def test_navigation_is_refused_in_the_attract_loop(visit: Visit) -> None:
    assert not visit.open_chapter(0)
    assert not visit.go_home()
    assert not visit.set_language("ar")
    assert visit.state.screen is Screen.ATTRACT


def test_chapter_panels_and_home(visit: Visit, clock: ManualClock) -> None:
    events: list[object] = []
    visit.wake()
    visit.add_listener(events.append)
    clock.advance(1)
    assert visit.open_chapter(0)
    assert (visit.state.screen, visit.state.chapter, visit.state.panel) == (Screen.CHAPTER, 0, 0)
    clock.advance(1)
    assert visit.next_panel()
    clock.advance(1)
    assert visit.next_panel()
    clock.advance(1)
    assert not visit.next_panel(), "no panel after the last"
    assert visit.previous_panel()
    clock.advance(1)
    assert visit.go_home()
    assert visit.state.screen is Screen.HOME and visit.state.chapter == -1
    assert events == [
        ChapterOpened(clock.wall() - 4, "ghouta"),
        PanelShown(clock.wall() - 4, "ghouta", "intro"),
        PanelShown(clock.wall() - 3, "ghouta", "portrait"),
        PanelShown(clock.wall() - 2, "ghouta", "cave"),
        PanelShown(clock.wall() - 1, "ghouta", "portrait"),
        HomeShown(clock.wall()),
    ]


def test_a_tap_storm_moves_once(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(1)
    visit.open_chapter(0)
    clock.advance(1)
    moved = 0
    for _ in range(10):  # ten taps in 100 ms
        moved += visit.next_panel()
        clock.advance(0.01)
    assert moved == 1
    assert visit.state.panel == 1
    clock.advance(0.3)
    assert visit.next_panel(), "after the gap the next tap counts"


def test_taps_right_after_waking_are_dropped(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    assert not visit.open_chapter(0), "the hand that woke the kiosk does not also pick a chapter"
    clock.advance(0.3)
    assert visit.open_chapter(0)


def test_language_change_and_fallback_to_known_languages(visit: Visit, clock: ManualClock) -> None:
    events: list[object] = []
    visit.wake()
    visit.add_listener(events.append)
    assert visit.set_language("ar")
    assert not visit.set_language("ar"), "same language: nothing to do"
    assert not visit.set_language("de"), "not an exhibition language"
    assert visit.state.language == "ar"
    assert events == [LanguageChanged(clock.wall(), "ar")]


def test_idle_countdown_then_reset(visit: Visit, clock: ManualClock) -> None:
    events: list[object] = []
    visit.add_listener(events.append)
    visit.wake()
    clock.advance(1)
    visit.open_chapter(0)
    clock.advance(1)
    visit.next_panel()
    visit.set_language("ar")
    visit.set_large_text(True)
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 90)
    clock.advance(89.9)
    visit.tick()
    assert not visit.state.counting_down
    clock.advance(0.1)
    visit.tick()
    assert visit.state.counting_down
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 10)
    clock.advance(10)
    visit.tick()
    state = visit.state
    assert (state.screen, state.language, state.chapter, state.panel, state.large_text) == (
        Screen.ATTRACT,
        "fr",
        -1,
        0,
        False,
    )
    assert [type(e) for e in events[-2:]] == [IdleReset, VisitEnded]
    assert events[-1] == VisitEnded(clock.wall(), "idle")
    assert visit.next_deadline() is None, "the loop never times out"


def test_a_touch_during_the_countdown_keeps_the_visit(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(90)
    visit.tick()
    assert visit.state.counting_down
    clock.advance(5)
    visit.touch()
    assert not visit.state.counting_down
    clock.advance(10)
    visit.tick()
    assert visit.state.screen is Screen.HOME


def test_a_film_with_sound_holds_the_idle_timer(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(1)
    visit.open_chapter(0)
    visit.hold_idle(True)
    assert visit.next_deadline() is None
    clock.advance(600)
    visit.tick()
    assert visit.state.screen is Screen.CHAPTER and not visit.state.counting_down
    visit.hold_idle(False)
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 90), "the timer restarts at the end"


def test_staff_end_and_failing_listener(visit: Visit, clock: ManualClock) -> None:
    events: list[object] = []

    def broken(event: object) -> None:
        raise RuntimeError("analytics down")

    visit.add_listener(broken)
    visit.add_listener(events.append)
    visit.wake()
    visit.end("staff")
    assert visit.state.screen is Screen.ATTRACT
    assert events[-1] == VisitEnded(clock.wall(), "staff")


def test_reload_keeps_the_place_when_it_still_exists(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(1)
    visit.open_chapter(0)
    clock.advance(1)
    visit.next_panel()
    visit.set_language("ar")
    moved = VisitShape(("fr", "ar"), (("new", ("x",)), ("ghouta", ("portrait", "intro"))))
    visit.replace_shape(moved)
    assert (visit.state.chapter, visit.state.panel, visit.state.language) == (1, 0, "ar")
    gone = VisitShape(("en",), (("other", ("y",)),))
    events: list[object] = []
    visit.add_listener(events.append)
    visit.replace_shape(gone)
    assert (visit.state.screen, visit.state.language) == (Screen.HOME, "en")
    assert [type(e) for e in events] == [LanguageChanged, HomeShown]


def test_observers_see_each_new_state(visit: Visit, clock: ManualClock) -> None:
    seen = []
    unsubscribe = visit.add_observer(seen.append)
    visit.wake()
    clock.advance(1)
    visit.open_chapter(1)
    unsubscribe()
    visit.end("closing")
    assert [s.screen for s in seen] == [Screen.HOME, Screen.CHAPTER]


def test_an_idle_hold_ends_when_the_visitor_leaves_its_film(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(1)
    assert visit.open_chapter(0)
    visit.hold_idle(True)
    assert visit.idle_held and visit.next_deadline() is None
    clock.advance(1)
    assert visit.next_panel()  # a swipe away; the film's view may never get to say it stopped
    assert not visit.idle_held
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 90)


def test_an_idle_hold_runs_out_after_its_film(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    clock.advance(1)
    assert visit.open_chapter(0)
    visit.hold_idle(True, at_most=40)
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 40)
    clock.advance(40)
    visit.tick()  # the player never reported its end: the timer runs again from here
    assert not visit.idle_held
    assert visit.next_deadline() == pytest.approx(clock.monotonic() + 90)
    clock.advance(90)
    visit.tick()
    assert visit.state.counting_down


def test_no_hold_outside_a_chapter(visit: Visit, clock: ManualClock) -> None:
    visit.wake()
    visit.hold_idle(True)
    assert not visit.idle_held
