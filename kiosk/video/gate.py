"""Which of the frames libVLC displays belong to the excerpt: the kiosk's frame gate.

libVLC's own ``:start-time``/``:stop-time`` miss by up to 0.13 s at the start and
0.3 s at the end, and its video callbacks carry no timestamp. What they do carry is
timing: libVLC calls ``display`` at each frame's presentation time, and its time
reports are exact (within 3 ms) when sent. Measured on libVLC 3.0 after a start or seek:

* the first picture decoded is usually forced to the screen at once, even when it lies up
  to 0.13 s before the target, and is followed within a few milliseconds by the next;
  on-time frames come one frame interval apart;
* sometimes nothing is forced: the first frame then comes on time, exactly one interval
  before the second, and is the target's frame or the next (never one before the target);
* near a key frame libVLC may display nothing before it: the start is then 2-3 frames late,
  and nothing in the first frames says so.

So, after a start or seek, the gate keeps the first frame hidden and shows it in the second's
place only when the second came on cadence; otherwise it anchors the :class:`ExcerptClock` on
the second (the frame at the target if it came in a burst right after the first, else the one
after). When the film's sample tables are known, a start needs no guess: libVLC is opened just
before the excerpt's first frame and each picture is named by libVLC's start clock
(:mod:`kiosk.video.known_start`): frames before the excerpt stay hidden, and the first shown is
the excerpt's first. A prepared start, which has
time, opens a lead-in ahead instead: every frame stays
hidden until a time report makes the clock exact, and the first frame shown is then exactly
the one at the target. From then on every frame is labelled with the clock (corrected by each
report). Frames from the end of the excerpt on are never shown: the gate reports the end
instead. Runs on libVLC's video thread; the Qt thread drives it.
"""

from __future__ import annotations

import enum
import math
import threading
from dataclasses import dataclass

from kiosk.video.clock import ExcerptClock
from kiosk.video.known_start import WAKE_UP_MS, KnownStart


class Verdict(enum.Enum):
    SHOW = "show"
    HIDE = "hide"
    KEEP = "keep"  # hide it, but keep a copy: the next verdict may be SHOW_KEPT
    SHOW_KEPT = "show kept"  # show the kept copy (it was on time), not this frame
    END = "end"  # the first frame at or past the end: hide it, and end the excerpt
    MISSED = "missed"  # the lead-in's clock came after the excerpt's first frame: open at the excerpt
    REPAINT = "repaint"  # paused: libVLC repaints what it holds; hide it, but note its pixels
    SCRUB = "scrub"  # after a seek while paused: show it if its pixels are new (repaints.py)


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    film_ms: float = 0.0


class _Mode(enum.Enum):
    STARTING = "starting"  # after a start or seek: waiting for the first on-time frame
    LEAD_IN = "lead-in"  # opened ahead of the excerpt: hide all until libVLC's exact clock
    KNOWN = "known"  # opened just before the excerpt, its frame times known: name each picture
    RUNNING = "running"
    PAUSED = "paused"  # libVLC repaints the held picture while paused: ignore those
    SCRUB = "scrub"  # seek while paused: show the frame it brings, not the repaints around it
    ENDED = "ended"


_HIDE = Decision(Verdict.HIDE)
_KEEP = Decision(Verdict.KEEP)
_REPAINT = Decision(Verdict.REPAINT)

#: How close to one frame interval the second frame after a start must follow the first for
#: the first to count as on time. Measured on libVLC 3.0.24 over 200 starts: on-time frames
#: follow each other within 0.5 ms of the interval; after a forced picture the next came
#: 1-29 ms or 41-44 ms later, never within 1.5 ms of the interval.
ON_CADENCE_MS = 1.5


class FrameGate:
    """Decides, frame by frame, what reaches the screen (thread-safe)."""

    def __init__(self, start_ms: int, end_ms: int, clock: ExcerptClock | None = None) -> None:
        self.start_ms = start_ms
        self.end_ms = end_ms
        self.clock = clock or ExcerptClock()
        self._lock = threading.Lock()
        self._interval_ms = 1000 / 30
        self._mode = _Mode.STARTING
        self._target_ms: float = start_ms
        self._frames_since_reset = 0
        self._last_at: float | None = None
        self._last_film_ms: float = start_ms
        self._expect_next_ms: float | None = None
        self._hold = False  # prepared: show one frame, then keep it until released
        self._lead_in_paused = False
        self._shown_since_hold = False
        self._known: KnownStart | None = None
        self._first_at: float | None = None  # when the first picture after a known start came
        self._first_on_time = False  # ... and it was the first frame due, on time (not forced)
        self._unforced_at: float | None = None  # when the second came, one interval after the first (to confirm)
        self._doubtful: tuple[float, int] | None = None  # a kept picture's time and frame, to confirm

    # --- driven by the Qt thread -------------------------------------------------
    def set_fps(self, fps: float) -> None:
        if fps > 1:
            with self._lock:
                self._interval_ms = 1000 / fps

    @property
    def interval_ms(self) -> float:
        return self._interval_ms

    def restart(
        self, target_ms: float, *, hold: bool = False, lead_in: bool = False, known: KnownStart | None = None
    ) -> None:
        """The player (re)opened the film at ``target_ms`` or seeks there while playing.

        With ``lead_in`` the film was opened ahead of ``target_ms``: every frame stays hidden
        until libVLC's first time report makes the clock exact, and the first frame shown is
        then the one showing at the target, exactly (prepared starts, which can wait). With
        ``known`` the film was opened as ``known`` says, and its pictures are named by it.
        """
        with self._lock:
            self._mode = _Mode.LEAD_IN if lead_in else _Mode.KNOWN if known is not None else _Mode.STARTING
            self._known = known
            self._first_at = None
            self._first_on_time = False
            self._unforced_at = None
            self._doubtful = None
            self._lead_in_paused = False
            self._target_ms = target_ms
            self._frames_since_reset = 0
            self._last_at = None
            self._last_film_ms = target_ms
            self._expect_next_ms = None
            self._hold = hold
            self._shown_since_hold = False
            self.clock.reset(target_ms)

    def pause(self) -> float:
        """Freeze on the last frame shown; returns its film time."""
        with self._lock:
            if self._mode is _Mode.LEAD_IN:
                # Nothing shown yet: stay in the lead-in, and wait for a fresh exact report.
                self._lead_in_paused = True
                self.clock.freeze(self._target_ms)
                return self._last_film_ms
            if self._mode is not _Mode.ENDED:
                self._mode = _Mode.PAUSED
            self.clock.freeze(self._last_film_ms)
            return self._last_film_ms

    def scrub(self, target_ms: float) -> None:
        """A seek while paused: libVLC paints one (approximate) frame there, and repaints it."""
        with self._lock:
            self._mode = _Mode.SCRUB
            self._target_ms = target_ms
            self._last_film_ms = target_ms
            self.clock.freeze(target_ms)

    def resume(self) -> None:
        """Playing again after a pause, a scrub or a prepared hold."""
        with self._lock:
            if self._mode is _Mode.ENDED:
                return
            self._hold = False
            self._lead_in_paused = False
            if self._mode in (_Mode.STARTING, _Mode.LEAD_IN, _Mode.KNOWN):
                return  # still waiting for the first frame of the excerpt
            self._mode = _Mode.RUNNING
            self._expect_next_ms = self._last_film_ms + self._interval_ms
            self._last_at = None
            self.clock.freeze(self._last_film_ms)

    def end(self) -> None:
        with self._lock:
            self._mode = _Mode.ENDED

    @property
    def leading_in(self) -> bool:
        """Opened ahead of the excerpt, and nothing of it shown yet."""
        return self._mode is _Mode.LEAD_IN

    @property
    def ended(self) -> bool:
        return self._mode is _Mode.ENDED

    @property
    def last_film_ms(self) -> float:
        return self._last_film_ms

    def _first_that_counts(self) -> float:
        """The film time of the frame showing at the target, unless the target is within half
        a millisecond of that frame's end: then the next one."""
        first = math.floor(self._target_ms / self._interval_ms + 1e-3) * self._interval_ms
        if first + self._interval_ms <= self._target_ms + 0.5:
            first += self._interval_ms
        return first

    # --- called from libVLC's threads --------------------------------------------
    def time_report(self, film_ms: int, at: float) -> None:
        """libVLC's ``TimeChanged``: exact, but only trusted while frames flow on time
        (right after a seek it reports the target before any frame of it is shown)."""
        with self._lock:
            running = self._mode is _Mode.RUNNING and self._expect_next_ms is None and self._last_at is not None
            leading_in = self._mode is _Mode.LEAD_IN and self._frames_since_reset >= 2 and not self._lead_in_paused
            if running or leading_in:
                self.clock.anchor(film_ms, at)

    def _known_start(self, at: float) -> Decision:
        """A picture after a known start (lock held): hidden, kept, or shown with its film time
        (the verdict SHOW or SHOW_KEPT; the caller then runs the excerpt on)."""
        known = self._known
        assert known is not None
        count = self._frames_since_reset
        self._frames_since_reset += 1
        if self._first_at is None:
            # Forced to the screen as libVLC's clock starts: from before the excerpt, unless
            # libVLC starts decoding at the excerpt's first frame (known_start.py).
            self._first_at = at
        unforced_at, self._unforced_at = self._unforced_at, None
        if count == 1 and known.first_came_on_time((at - self._first_at) * 1000, ON_CADENCE_MS):
            # The first picture may have come on time, not forced: then it was the first frame due
            # or later, and this one is at least the next. A late picture can follow a forced one
            # by an interval too (once in 24 starts at 1080p): the next picture, one interval
            # later again, confirms. Kept till then (docs/decisions/0073).
            self._unforced_at = at
        elif count == 2 and unforced_at is not None:
            after_kept = known.earliest(1, first_on_time=True) + 1
            if abs((at - unforced_at) * 1000 - known.interval_ms(after_kept - 1, after_kept)) <= ON_CADENCE_MS:
                # Three pictures one interval apart: the first came on time. Counted as if it had
                # been forced, the excerpt's first frame would be hidden and the next named a
                # frame too early.
                self._first_on_time = True
                self._doubtful = None
                if after_kept - 1 >= known.first_index:
                    self.clock.estimate(known.shown_ms(after_kept), at)
                    return Decision(Verdict.SHOW_KEPT, known.shown_ms(after_kept - 1))
        on_time = self._first_on_time
        doubtful, self._doubtful = self._doubtful, None
        index = known.name(count, self._first_at, at, first_on_time=on_time)
        timed = known.due_index(self._first_at, at, first_on_time=on_time)
        if doubtful is not None and index is not None:
            kept_at, kept_index = doubtful
            if (
                timed > kept_index
                and abs((at - kept_at) * 1000 - known.interval_ms(kept_index, timed)) <= ON_CADENCE_MS
            ):
                # This picture followed the kept one by exactly the time between their frames:
                # both came on time, and the kept one was the frame its time named. Shown in
                # this one's place; the clock keeps libVLC's time (this picture's).
                self.clock.estimate(known.shown_ms(timed), at)
                return Decision(Verdict.SHOW_KEPT, known.shown_ms(kept_index))
        if index is None or self._unforced_at is not None:
            doubt = known.earliest(count, first_on_time=on_time) == known.first_index - 1
            if doubt and timed >= known.first_index:
                # The count leaves one frame of doubt (the frame before the excerpt, late), the
                # time says the excerpt's: keep it; the next picture says whether it was on time.
                self._doubtful = (at, timed)
                return _KEEP
            return _KEEP if self._unforced_at is not None else _HIDE
        film_ms = known.shown_ms(index)
        # The clock keeps libVLC's: the first picture comes as that starts, before it is due.
        self.clock.estimate(film_ms if at > self._first_at else known.opened_ms - WAKE_UP_MS, at)
        return Decision(Verdict.SHOW, film_ms)

    def frame(self, at: float) -> Decision:
        """A frame is being displayed at ``at`` (seconds, monotonic): show it?"""
        with self._lock:
            mode = self._mode
            if mode is _Mode.ENDED:
                return _HIDE
            if mode is _Mode.PAUSED:
                return _REPAINT
            if mode is _Mode.SCRUB:
                # Until the visitor plays again: a repaint of the picture from before the seek can
                # come first, and another seek can follow before this one's picture came.
                return Decision(Verdict.SCRUB, self._target_ms)
            previous_at, self._last_at = self._last_at, at
            shown, shown_at = Verdict.SHOW, at
            label: float | None = None  # the frame's film time, when known exactly
            if mode is _Mode.LEAD_IN:
                self._frames_since_reset += 1
                if not self.clock.exact or self._lead_in_paused:
                    return _HIDE
                # libVLC displays each frame at its time: with the exact clock, the nearest
                # frame time names it (reports are within 3 ms; frames are 33 ms apart).
                film_ms = round(self.clock.position(at) / self._interval_ms) * self._interval_ms
                if film_ms + self._interval_ms <= self.start_ms + 0.5:
                    return _HIDE
                if film_ms - self._interval_ms / 2 > self._first_that_counts():
                    self._mode = _Mode.ENDED  # the clock came too late: say so once
                    return Decision(Verdict.MISSED, film_ms)
                self._mode = _Mode.RUNNING
                label = film_ms
            elif mode is _Mode.KNOWN:
                decision = self._known_start(at)
                if decision.verdict not in (Verdict.SHOW, Verdict.SHOW_KEPT):
                    return decision
                shown, label = decision.verdict, decision.film_ms
                self._mode = _Mode.RUNNING
            elif mode is _Mode.STARTING:
                self._frames_since_reset += 1
                if self._frames_since_reset == 1 or previous_at is None:
                    # Possibly the forced early picture: never shown as it comes. Keep a copy:
                    # the next frame tells whether it came on time after all.
                    return _KEEP
                gap_ms = (at - previous_at) * 1000
                first = self._first_that_counts()
                if abs(gap_ms - self._interval_ms) <= ON_CADENCE_MS:
                    # This frame came exactly one interval after the first: nothing was forced,
                    # the first came on time, and libVLC never shows an on-time picture from
                    # before the target (those are late, it drops them). So the kept first is
                    # the target's frame, or the next one when libVLC lost the target's (the
                    # start was then two frames late). Show it in this frame's place.
                    self.clock.estimate(first, previous_at)
                    shown, shown_at = Verdict.SHOW_KEPT, previous_at
                else:
                    # After a burst the first was the forced early picture and this one is the
                    # frame showing at the target; otherwise this is the frame after it. (A
                    # first frame that came late makes a burst too: then the label is one
                    # frame early until libVLC's first time report.)
                    burst = gap_ms < self._interval_ms / 2
                    self.clock.estimate(first if burst else first + self._interval_ms, at)
                self._mode = _Mode.RUNNING
            elif self._expect_next_ms is not None:
                self.clock.estimate(self._expect_next_ms, at)
                self._expect_next_ms = None
            film_ms = self.clock.position(shown_at) if label is None else label
            if mode is not _Mode.KNOWN:  # a known start names its frames from the film's tables
                if shown is Verdict.SHOW_KEPT and film_ms + self._interval_ms <= self.start_ms + 0.5:
                    shown, film_ms = Verdict.SHOW, self.clock.position(at)  # then judge this one
                if film_ms + self._interval_ms <= self.start_ms + 0.5:
                    return _HIDE  # this picture is over before the excerpt begins
            if film_ms >= self.end_ms - self._interval_ms / 2:
                self._mode = _Mode.ENDED
                return Decision(Verdict.END, film_ms)
            self._last_film_ms = film_ms
            if self._hold:
                if self._shown_since_hold:
                    return _HIDE
                self._shown_since_hold = True
            return Decision(shown, film_ms)
