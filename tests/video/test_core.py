"""The Qt-free parts: clock, frame gate, captions (synthetic timings, no libVLC)."""

from __future__ import annotations

from kiosk.model import Cue
from kiosk.video import CaptionTimeline, ExcerptClock, FrameGate, Verdict, is_rtl
from kiosk.video.gate import Decision

FRAME = 1 / 30


def test_clock_interpolates_between_reports() -> None:
    now = [10.0]
    clock = ExcerptClock(now=lambda: now[0])
    clock.reset(5000)
    assert clock.position() == 5000  # frozen until anchored
    clock.anchor(5250, at=10.0)
    now[0] = 10.1
    assert abs(clock.position() - 5350) < 1e-6
    assert clock.freeze() == clock.position()


def test_gate_hides_forced_early_frame_and_anchors_on_time() -> None:
    gate = FrameGate(3517, 5250)
    gate.restart(3517)
    t = 100.0
    assert gate.frame(t).verdict is Verdict.KEEP  # forced early picture (e.g. 3433): kept, hidden
    burst = gate.frame(t + 0.003)  # right behind it: the frame showing at 3517, i.e. 3500
    assert burst.verdict is Verdict.SHOW and abs(burst.film_ms - 3500) < 1
    decision = gate.frame(t + 0.003 + FRAME)
    assert decision.verdict is Verdict.SHOW
    assert abs(decision.film_ms - 3533.3) < 1


def test_gate_never_shows_a_first_frame_followed_off_cadence() -> None:
    gate = FrameGate(3000, 5000)
    gate.restart(3000)
    assert gate.frame(10.0).verdict is Verdict.KEEP  # frame 90, or a forced early one
    decision = gate.frame(10.0 + 0.027)  # 27 ms later: the first may have been forced
    assert decision.verdict is Verdict.SHOW and abs(decision.film_ms - 3033.3) < 1


def test_gate_shows_an_on_time_first_frame_in_the_next_ones_place() -> None:
    # libVLC sometimes forces no picture: the first comes on time, one interval before the
    # next. (It is then often the frame after the target: hiding it made starts two frames late.)
    gate = FrameGate(1000, 3000)
    gate.restart(1000)
    assert gate.frame(10.0).verdict is Verdict.KEEP
    decision = gate.frame(10.0 + FRAME + 0.0004)
    assert decision.verdict is Verdict.SHOW_KEPT and abs(decision.film_ms - 1000) < 1
    following = gate.frame(10.0 + 2 * FRAME)
    assert following.verdict is Verdict.SHOW and abs(following.film_ms - 1066.7) < 1


def test_gate_first_frame_that_counts_skips_one_ending_at_the_start() -> None:
    # 3033 ms is 0.3 ms before frame 91 begins: frame 90 shows almost nothing of the excerpt.
    gate = FrameGate(3033, 5000)
    gate.restart(3033)
    gate.frame(10.0)
    decision = gate.frame(10.0 + FRAME)
    assert decision.verdict is Verdict.SHOW_KEPT and abs(decision.film_ms - 3033.3) < 1


def test_gate_ends_at_the_end_frame_and_shows_nothing_after() -> None:
    gate = FrameGate(0, 1000)
    gate.restart(0)
    t = 50.0
    gate.frame(t)
    verdicts = [gate.frame(t + k * FRAME) for k in range(1, 40)]
    shown = [d.film_ms for d in verdicts if d.verdict is Verdict.SHOW]
    ended = [d for d in verdicts if d.verdict is Verdict.END]
    assert len(ended) == 1
    assert max(shown) < 1000 and max(shown) >= 1000 - 2 * FRAME * 1000
    after = verdicts.index(ended[0])
    assert all(d.verdict is Verdict.HIDE for d in verdicts[after + 1 :])


def test_gate_trusts_time_reports_only_while_frames_flow() -> None:
    gate = FrameGate(0, 10_000)
    gate.restart(2000)
    gate.time_report(2000, at=1.0)  # a seek's target, before any frame of it: ignored
    assert not gate.clock.exact
    gate.frame(5.0)
    gate.frame(5.0 + FRAME)
    gate.time_report(2100, at=5.1)
    assert gate.clock.exact
    assert abs(gate.clock.position(5.2) - 2200) < 1e-6


def test_gate_holds_one_frame_when_prepared() -> None:
    gate = FrameGate(0, 10_000)
    gate.restart(0, hold=True)
    gate.frame(1.0)
    first = gate.frame(1.0 + FRAME)
    assert first.verdict is Verdict.SHOW_KEPT  # the first was on time
    assert gate.frame(1.0 + 2 * FRAME).verdict is Verdict.HIDE
    gate.pause()
    gate.resume()
    assert gate.frame(3.0).verdict is Verdict.SHOW


def _lead_in(gate: FrameGate, opened_at_ms: float, t0: float, frames: int) -> list[tuple[float, Decision]]:
    """Frames on cadence from ``opened_at_ms`` (film time) displayed from ``t0`` (seconds)."""
    return [(opened_at_ms + k * FRAME * 1000, gate.frame(t0 + k * FRAME)) for k in range(frames)]


def test_gate_lead_in_hides_all_until_the_exact_clock_then_shows_the_start_frame() -> None:
    gate = FrameGate(4950, 6000)
    gate.restart(4950, hold=True, lead_in=True)
    assert gate.leading_in
    t0 = 20.0  # film 4000 ms (frame 120) on screen at t0
    gate.time_report(4000, at=t0 - 0.01)  # before frames flow: the target, not a clock
    early = _lead_in(gate, 4000, t0, 10)
    assert all(d.verdict is Verdict.HIDE for _, d in early)  # no exact clock yet
    gate.time_report(4334, at=t0 + 0.334)  # libVLC's report, exact, ~0.3 s in
    later = [(film, gate.frame(t0 + (film - 4000) / 1000)) for film in (4366.7 + k * FRAME * 1000 for k in range(30))]
    shown = [(film, d) for film, d in later if d.verdict is Verdict.SHOW]
    assert len(shown) == 1  # held: one frame, then nothing until resumed
    film, decision = shown[0]
    assert abs(film - 4933.3) < 0.1 and abs(decision.film_ms - 4933.3) < 0.1  # frame 148 shows 4950
    assert all(d.verdict is Verdict.HIDE for f, d in later if f < film)
    assert not gate.leading_in


def test_gate_lead_in_that_got_its_clock_too_late_says_so_once() -> None:
    gate = FrameGate(1100, 3000)
    gate.restart(1100, lead_in=True)
    t0 = 5.0  # film 1000 ms at t0
    _lead_in(gate, 1000, t0, 8)  # frames up to 1233 ms pass without a clock
    gate.time_report(1250, at=t0 + 0.25)
    missed = gate.frame(t0 + 9 * FRAME)
    assert missed.verdict is Verdict.MISSED
    assert gate.frame(t0 + 10 * FRAME).verdict is Verdict.HIDE


def test_gate_lead_in_paused_waits_for_a_fresh_report() -> None:
    gate = FrameGate(3000, 5000)
    gate.restart(3000, lead_in=True)
    t0 = 1.0  # film 2000 ms at t0
    _lead_in(gate, 2000, t0, 5)
    gate.time_report(2150, at=t0 + 0.15)
    gate.pause()
    gate.resume()  # libVLC's clock moved on by the pause: the old anchor no longer holds
    assert gate.leading_in
    assert gate.frame(t0 + 1.0).verdict is Verdict.HIDE  # would be 3000 on the stale clock
    gate.time_report(2900, at=t0 + 2.0)
    decision = gate.frame(t0 + 2.0 + 0.1)
    assert decision.verdict is Verdict.SHOW and abs(decision.film_ms - 3000) < 0.1


def test_captions_follow_film_time_and_language() -> None:
    timeline = CaptionTimeline(
        {"en": [Cue(1000, 2000, "one"), Cue(2000, 3000, "two")], "ar": [Cue(1000, 3000, "واحد")]}
    )
    assert timeline.at("en", 999) is None
    assert timeline.at("en", 1000).text == "one"  # type: ignore[union-attr]
    assert timeline.at("en", 2500).text == "two"  # type: ignore[union-attr]
    line = timeline.at("ar", 2500)
    assert line is not None and line.rtl and line.text == "واحد"
    assert timeline.at("fr", 1500) is None
    assert is_rtl("ar") and is_rtl("fa-IR") and not is_rtl("fr")
