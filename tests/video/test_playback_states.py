"""Every state of ExcerptPlayback, on a fake engine: no libVLC, no Qt, milliseconds per test.

The real-libVLC tests (test_playback_vlc.py) check what only libVLC can show (exact frames,
the lead-in's timing on a real decoder); these check the state machine itself, each state and
each way into and out of it, with the film driven frame by frame (tests/video/fake_engine.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fake_engine import INTERVAL_MS, FakeFilm

from kiosk.video.engine import READ_AHEAD_MS, EngineEvent, Excerpt, Frame
from kiosk.video.playback import LEAD_IN_MS, LEAD_IN_READ_AHEAD_MS, ExcerptPlayback, PlaybackObserver, PlayerState

pytestmark = pytest.mark.no_qt_log

START_MS, END_MS = 3000, 4000


@dataclass
class Heard(PlaybackObserver):
    states: list[PlayerState] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    watched: list[int] = field(default_factory=list)

    def frame_ready(self, frame: Frame) -> None:
        self.frames.append(frame)

    def state_changed(self, state: PlayerState) -> None:
        self.states.append(state)

    def started(self) -> None:
        self.events.append("started")

    def stopped(self, watched_ms: int) -> None:
        self.events.append("stopped")
        self.watched.append(watched_ms)

    def finished(self) -> None:
        self.events.append("finished")

    def failed(self, message: str) -> None:
        self.events.append(f"failed: {message}")


@dataclass
class Rig:
    film: FakeFilm
    heard: Heard
    playback: ExcerptPlayback

    @property
    def state(self) -> PlayerState:
        return self.playback.state

    def opened_at(self) -> list[object]:
        return [argument for call, argument in self.film.engine.calls if call == "open"]


def rig(*, audio: bool = True, start_ms: int = START_MS, end_ms: int = END_MS, large: bool = False) -> Rig:
    """``large``: a film too large to start straight at an excerpt within a frame (2160p)."""
    film, heard = FakeFilm(), Heard()
    excerpt = Excerpt(Path("film.mp4"), start_ms, end_ms, audio=audio)
    playback = ExcerptPlayback(
        film.engine, excerpt, heard, film.post, volume=80, now=film.clock, straight_start_fits=lambda _path: not large
    )
    return Rig(film, heard, playback)


def playing(r: Rig) -> Rig:
    r.playback.play()
    r.film.run(3)
    assert r.state is PlayerState.PLAYING
    return r


def test_it_starts_idle_and_touches_nothing() -> None:
    r = rig()
    assert r.state is PlayerState.IDLE and r.film.engine.calls == []
    assert r.playback.position_ms() == 0


def test_prepare_opens_a_lead_in_ahead_silently_then_holds_the_first_frame() -> None:
    r = rig()
    r.playback.prepare()
    assert r.state is PlayerState.PREPARING
    assert r.opened_at() == [START_MS - LEAD_IN_MS]
    assert r.film.engine.volume == 0  # hidden and silent
    r.film.run(40)  # the lead-in plays out, the clock becomes exact, the excerpt's first frame shows
    assert r.state is PlayerState.READY
    assert ("pause", None) in r.film.engine.calls
    assert len(r.heard.frames) == 1 and r.heard.frames[0].film_ms == pytest.approx(START_MS, abs=INTERVAL_MS)
    assert "started" not in r.heard.events  # nobody watches a prepared excerpt yet


def test_play_from_ready_resumes_at_once_with_sound() -> None:
    r = rig()
    r.playback.prepare()
    r.film.run(40)
    r.playback.play()
    assert r.state is PlayerState.PLAYING and r.heard.events == ["started"]
    assert r.film.engine.calls[-1] == ("resume", None) and r.film.engine.volume == 80


def test_play_during_the_lead_in_opens_at_the_excerpt_itself() -> None:
    r = rig()
    r.playback.prepare()
    r.film.run(2)
    r.playback.play()
    assert r.state is PlayerState.LOADING
    assert r.opened_at() == [START_MS - LEAD_IN_MS, START_MS]


def test_only_a_lead_in_reads_the_film_less_far_ahead() -> None:
    # Less read ahead, fewer pictures decoded ahead (memory at 2160p); safe only where the gate
    # hides every picture until libVLC's exact clock. A tap during the lead-in opens at the
    # excerpt itself, with libVLC's full read-ahead.
    r = rig()
    r.playback.prepare()
    r.film.run(2)
    r.playback.play()
    assert r.opened_at() == [START_MS - LEAD_IN_MS, START_MS]
    assert r.film.engine.read_aheads == [LEAD_IN_READ_AHEAD_MS, READ_AHEAD_MS]
    assert LEAD_IN_READ_AHEAD_MS < READ_AHEAD_MS
    # The tap's start is counted (its first pictures named by their order): the lead-in's is not.
    assert r.film.engine.counted_starts == [False, True]


def test_play_from_idle_loads_then_plays_on_the_first_frame_shown() -> None:
    r = rig()
    r.playback.play()
    assert r.state is PlayerState.LOADING and r.opened_at() == [START_MS]
    r.film.run(3)
    assert r.state is PlayerState.PLAYING and r.heard.events == ["started"]
    assert r.heard.states == [PlayerState.LOADING, PlayerState.PLAYING]


def test_pause_and_play_again() -> None:
    r = playing(rig())
    r.playback.pause()
    assert r.state is PlayerState.PAUSED and r.film.engine.calls[-1] == ("pause", None)
    shown = len(r.heard.frames)
    r.film.run(5)  # libVLC repaints the held picture while paused: none of it is shown
    assert len(r.heard.frames) == shown
    r.playback.toggle()
    assert r.state is PlayerState.PLAYING and r.heard.events == ["started"]  # one start per run


def test_the_end_of_the_excerpt_ends_it_and_says_how_long_it_was_watched() -> None:
    r = playing(rig())
    r.film.run(40)  # past the end (1 s of excerpt)
    assert r.state is PlayerState.ENDED
    assert r.heard.events == ["started", "stopped", "finished"]
    assert r.heard.watched[0] == pytest.approx(1000, abs=150)
    assert ("stop", None) in r.film.engine.calls
    assert all(frame.film_ms < END_MS for frame in r.heard.frames)  # nothing at or past the end
    assert r.playback.position_ms() == END_MS - START_MS


def test_the_sound_fades_over_the_last_200_ms() -> None:
    r = playing(rig())
    volumes = []
    for _ in range(30):
        r.film.run(1)
        r.playback.tick()
        volumes.append(r.film.engine.volume)
    assert volumes[0] == 80 and 0 <= min(v for v in volumes if v is not None) < 40


def test_replay_after_the_end_opens_at_the_start() -> None:
    r = playing(rig())
    r.film.run(40)
    r.playback.replay()
    assert r.state is PlayerState.LOADING and r.opened_at()[-1] == START_MS


def test_an_engine_error_fails_the_excerpt_and_moves_the_loop_on() -> None:
    r = playing(rig())
    r.film.engine.event(EngineEvent.ERROR, "decoder gave up")
    r.film.settle()
    assert r.state is PlayerState.ERROR and r.playback.error == "decoder gave up"
    assert r.heard.events == ["started", "stopped", "failed: decoder gave up", "finished"]


def test_a_film_that_ends_before_the_excerpt_begins_is_called_truncated() -> None:
    r = rig()
    r.playback.play()
    r.film.engine.event(EngineEvent.END_REACHED)
    r.film.settle()
    assert r.state is PlayerState.ERROR and "truncated" in r.playback.error


def test_no_picture_within_the_timeout_is_an_error() -> None:
    r = rig()
    r.playback.play()
    r.film.clock.now += 9.0  # more than first_frame_timeout (8 s), and not one frame
    r.playback.tick()
    assert r.state is PlayerState.ERROR and r.playback.error == "no picture came from the film"


def test_an_error_can_be_replayed() -> None:
    r = rig()
    r.playback.play()
    r.film.engine.event(EngineEvent.ERROR)
    r.film.settle()
    r.playback.play()
    assert r.state is PlayerState.LOADING and r.opened_at() == [START_MS, START_MS]


def test_unavailable_stays_unavailable() -> None:
    r = rig()
    r.playback.mark_unavailable("no libVLC")
    assert r.state is PlayerState.UNAVAILABLE and r.playback.error == "no libVLC"
    r.playback.replay()
    r.playback.stop()
    assert r.state is PlayerState.UNAVAILABLE and r.opened_at() == []


def test_stop_goes_back_to_the_poster_and_reports_what_was_watched() -> None:
    r = playing(rig())
    r.film.run(9)
    r.playback.stop()
    assert r.state is PlayerState.IDLE and r.heard.events == ["started", "stopped"]
    assert r.heard.watched[0] == pytest.approx(400, abs=100)
    assert r.film.engine.listener is None  # the engine stopped: nothing more reaches the playback


def test_a_seek_before_any_start_plays_from_there() -> None:
    r = rig()
    r.playback.seek(500)
    assert r.state is PlayerState.LOADING and r.opened_at() == [START_MS + 500]


def test_a_seek_while_playing_and_while_paused() -> None:
    r = playing(rig())
    r.playback.seek(600)
    assert r.film.engine.calls[-1] == ("seek", START_MS + 600) and r.state is PlayerState.PLAYING
    r.playback.pause()
    r.playback.seek(200)
    r.film.engine.playing = True  # libVLC paints the one frame a paused seek brings
    r.film.run(1)
    assert r.state is PlayerState.PAUSED and r.heard.frames[-1].film_ms == START_MS + 200


def test_a_late_event_of_an_earlier_run_cannot_end_the_new_one() -> None:
    r = playing(rig())
    listener = r.film.engine.listener
    assert listener is not None
    listener.engine_event(EngineEvent.END_REACHED, "")  # posted for the first run...
    r.playback.replay()  # ...which the visitor replaced before it arrived
    r.film.settle()
    assert r.state is PlayerState.LOADING


def test_a_tap_on_a_large_film_leads_in_silently_then_plays_from_the_first_frame() -> None:
    r = rig(large=True)
    r.playback.play()
    assert r.state is PlayerState.LOADING
    assert r.opened_at() == [START_MS - LEAD_IN_MS]
    assert r.film.engine.read_aheads == [LEAD_IN_READ_AHEAD_MS] and r.film.engine.counted_starts == [False]
    assert r.film.engine.volume == 0, "the lead-in's sound is from before the excerpt"
    r.film.run(40)
    assert r.state is PlayerState.PLAYING and r.heard.events == ["started"]
    assert r.heard.frames[0].film_ms == pytest.approx(START_MS, abs=INTERVAL_MS)
    assert ("pause", None) not in r.film.engine.calls, "played on, not held"
    assert r.film.engine.volume == 80, "the sound begins with the excerpt's first frame"


def test_a_tap_during_a_large_films_lead_in_lets_it_play_on() -> None:
    r = rig(large=True)
    r.playback.prepare()
    r.film.run(2)
    r.playback.play()
    assert r.opened_at() == [START_MS - LEAD_IN_MS], "not opened again"
    r.film.run(40)
    assert r.state is PlayerState.PLAYING and r.heard.events == ["started"]
    assert ("pause", None) not in r.film.engine.calls
    assert r.film.engine.volume == 80


def test_a_large_films_replay_leads_in_too() -> None:
    r = rig(large=True)
    r.playback.play()
    r.film.run(40)
    assert r.state is PlayerState.PLAYING
    r.playback.replay()
    assert r.opened_at() == [START_MS - LEAD_IN_MS, START_MS - LEAD_IN_MS]


def test_a_tapped_lead_in_that_misses_its_clock_opens_at_the_excerpt_and_plays() -> None:
    r = rig(large=True)
    r.film.engine.report_every_ms = 900  # libVLC's first trusted report comes after the excerpt began
    r.playback.play()
    r.film.run(40)
    assert r.opened_at() == [START_MS - LEAD_IN_MS, START_MS]
    assert r.state in (PlayerState.LOADING, PlayerState.PLAYING)
    assert ("pause", None) not in r.film.engine.calls


def test_a_lead_in_that_misses_its_clock_opens_at_the_excerpt() -> None:
    r = rig()
    r.film.engine.report_every_ms = 900  # libVLC's first trusted report comes after the excerpt began
    r.playback.prepare()
    r.film.run(40)
    assert r.opened_at() == [START_MS - LEAD_IN_MS, START_MS]
    assert r.state in (PlayerState.PREPARING, PlayerState.READY)


def test_a_muted_excerpt_never_sets_a_volume_above_zero() -> None:
    r = playing(rig(audio=False))
    r.playback.set_volume(100)
    r.film.run(5)
    assert {volume for call, volume in r.film.engine.calls if call == "volume"} == {0}


def test_the_volume_stays_within_the_staffs_limit() -> None:
    r = rig()
    r.playback.max_volume = 60
    r.playback.set_volume(95)
    assert r.playback.volume == 60


def test_an_excerpt_near_the_films_start_opens_without_a_lead_in() -> None:
    r = rig(start_ms=300, end_ms=1300)
    r.playback.prepare()
    assert r.opened_at() == [300]
