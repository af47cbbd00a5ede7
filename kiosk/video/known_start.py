"""Which frame each picture is, right after libVLC opens a film at a time: the film's own sample
tables, and counting the pictures libVLC delivers. No Qt, no vlc.

libVLC 3's video callbacks carry no timestamp, and after an opening it does not hand over every
frame from a key frame on. Measured on tap-started starts (docs/decisions/0059):

* the first picture is forced to the screen as soon as the decoder has it: 0-4 frames before the
  first frame at or after the start time libVLC was given (the first frame due), never after it;
  which one varies from run to run for the same opening, and the sample tables cannot say;
* libVLC then starts its clock: the frame shown at film time ``t`` is due ``WAKE_UP_MS`` +
  (``t`` - the start time) after that, and comes then, or late (by up to 30 ms at 1080p, more
  when the machine is busy): a picture can look later than it is, never earlier;
* pictures due more than ``LATE_LIMIT_MS`` before the clock started are dropped, so every picture
  after the first is a frame at or after :attr:`KnownStart.lowest_after_first`, each a later
  frame than the one before (one to three frames may be dropped between them).

So counting the pictures after the first gives the earliest frame each can be, and a picture is
shown only once that is the excerpt's first frame or later: never a frame from before the
excerpt. The time it came names it more closely (when frames were dropped). One picture earlier,
when the count leaves one frame of doubt (the frame before the excerpt, come late?) and its time
names the excerpt's first frame, the gate keeps it, and shows it if the next picture follows it
by exactly the time between their frames: both came on time (gate.py). libVLC is opened 1 ms
before the frame before the excerpt's first: the frame before that one is then dropped, and the
excerpt's first frame is the second picture after the first, on time, one frame interval after
libVLC's clock starts. An excerpt that begins on a key frame decoded before
it is shown (B-frames) opens between the two: libVLC decodes from that key frame, nothing before
it can come out, and its first picture is shown at once.

Sometimes nothing is forced: libVLC's first picture is the first frame due (or a later one), on
time, and the next two follow one frame interval apart each, as after a forced picture they do not.
The count then starts from the first frame due (:meth:`KnownStart.first_came_on_time`, the gate,
docs/decisions/0073).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from pathlib import Path

from kiosk.video.mp4_samples import VideoSamples, known_samples

#: libVLC 3 starts the film's clock this long after its decoders hold their first picture
#: (``i_wakeup_delay`` in its es_out.c): the frame at the start time it was given is due then.
WAKE_UP_MS = 10.0
#: How far before its due time a picture may come and still be named for its frame (the first
#: picture, which starts the count, can come a few ms after the clock started: 3 ms at 320x180).
SLACK_MS = 4.0
#: libVLC is opened this long before a frame: so that this frame is the first one due (libVLC drops
#: pictures from before the time it is given), and the frame before it, due 32 ms before the
#: clock starts, is dropped as late.
OPEN_BEFORE_MS = 1.0
#: ... and that frame is this many frames before the excerpt's first, so the excerpt's first frame
#: is due one frame interval after libVLC's clock starts, not 11 ms after: time its decoder needs.
#: Opened just before the excerpt's first frame, libVLC dropped that frame as late in 9 starts of
#: 24 at 1080p (the excerpt then began a frame late; two frames when the first picture was it).
FRAMES_AHEAD = 1
#: libVLC 3 drops a picture instead of showing it when it is later than this (its vout's
#: ``VOUT_DISPLAY_LATE_THRESHOLD``; some 3.0 releases use half a frame interval, less). Measured:
#: no picture from before the first frame due came after the first picture in 288 starts.
LATE_LIMIT_MS = 20.0
#: Films up to this size start within one frame when libVLC opens right at the excerpt and the gate
#: counts its first pictures. Larger ones decode on several threads (kiosk/video/vlc_engine.py:
#: one thread may not keep up at 2160p), and their first pictures are not the ones counted: at
#: 2160p the first frame shown was 1-2 frames late in 10 starts of 10 (1440p: 5 exact, 1 a frame late
#: in 6). Larger films start with a lead-in instead, a tap too (docs/decisions/0076).
COUNTED_UP_TO_PIXELS = 2560 * 1440


@dataclass(frozen=True, slots=True)
class KnownStart:
    """An opening of libVLC at ``opened_ms`` to show frame ``first_index`` first (frames are
    indexes into the film's frames in presentation order, from its sample tables)."""

    samples: VideoSamples
    opened_ms: int
    first_index: int
    #: True when libVLC's first picture cannot be a frame before the excerpt: its first frame is a
    #: key frame libVLC starts decoding at (nothing before it comes out of the decoder). It was
    #: that frame in 14 of 18 starts, the next in 4 (libVLC did not deliver the key frame).
    starts_on_it: bool = False

    @classmethod
    def plan(cls, samples: VideoSamples, film_ms: float, *, frames_ahead: int = FRAMES_AHEAD) -> KnownStart:
        """Where to open libVLC to begin exactly at the frame showing at ``film_ms`` (a time half a
        millisecond before a frame names that frame: timecodes are frame times rounded to ms)."""
        first = samples.frame_at(film_ms + 0.5)
        on_key = math.floor(samples.shown_ms[first] - OPEN_BEFORE_MS)
        if first > 0 and samples.key_frame_for_seek(on_key) == first and _closed_before(samples, first):
            # The excerpt begins on a key frame decoded before it is shown (B-frames): opened
            # between the two, libVLC decodes from it, and its forced first picture is it or a
            # later frame: shown at once.
            return cls(samples, on_key, first, starts_on_it=True)
        due = max(0, first - frames_ahead)
        # libVLC 3's demuxer goes to the last key frame *decoded* before the time it is given: if
        # that key frame is shown after the first frame, it opens before the key frame's decoding
        # time instead (docs/decisions/0053).
        opened = samples.safe_start_ms(max(0.0, samples.shown_ms[due] - OPEN_BEFORE_MS))
        return cls(samples, math.floor(opened), first)

    @property
    def first_ms(self) -> float:
        """The film time of the excerpt's first frame."""
        return self.samples.shown_ms[self.first_index]

    @property
    def lead_ms(self) -> float:
        """How long before the excerpt's first frame libVLC starts (its sound with it)."""
        return self.first_ms - self.opened_ms

    @property
    def first_due(self) -> int:
        """The first frame libVLC shows on time: the first at or after the opening time. The forced
        first picture is this one or one before it."""
        return bisect.bisect_left(self.samples.shown_ms, self.opened_ms - 1e-6)

    @property
    def lowest_after_first(self) -> int:
        """The earliest frame libVLC can display after its first picture: one due no more than
        ``LATE_LIMIT_MS`` before its clock starts (those due earlier are dropped as late)."""
        return bisect.bisect_left(self.samples.shown_ms, self.opened_ms - WAKE_UP_MS - LATE_LIMIT_MS)

    def due_index(self, first_at: float, at: float, *, first_on_time: bool = False) -> int:
        """The last frame due at ``at`` (seconds, monotonic) when libVLC's clock started as its
        first picture came, at ``first_at`` (or, ``first_on_time``, when that picture was the
        first frame due, come on time): the frame a picture coming then is, unless it came late."""
        first_ms = self.shown_ms(self.first_due) if first_on_time else self.opened_ms - WAKE_UP_MS
        return self.samples.frame_at(first_ms + (at - first_at) * 1000.0 + SLACK_MS)

    @property
    def pictures_needed(self) -> int:
        """How many pictures after the first libVLC must deliver before one is surely the
        excerpt's first frame or later: each is a later frame than the one before (0: the
        first picture is the excerpt's first frame)."""
        if self.starts_on_it:
            return 0
        return max(1, self.first_index - self.lowest_after_first + 1)

    def earliest(self, count: int, *, first_on_time: bool = False) -> int:
        """The earliest frame the ``count``-th picture after the first (0: the first) can be
        (``first_on_time``: the first was the first frame due, come on time)."""
        # Started on a key frame, the first picture (count 0) is the excerpt's first frame.
        if self.starts_on_it:
            return self.first_index + count
        return self.first_due + count if first_on_time else self.lowest_after_first + count - 1

    def first_came_on_time(self, gap_ms: float, tolerance_ms: float) -> bool:
        """True when the picture after the first came ``gap_ms`` after it, one frame interval
        within ``tolerance_ms``: the first may have come on time, not forced to the screen (a
        forced one's next came 1-29 or 41-44 ms later, as a rule). The gate waits for one more
        picture on cadence to be sure."""
        return (
            not self.starts_on_it and abs(gap_ms - self.interval_ms(self.first_due, self.first_due + 1)) <= tolerance_ms
        )

    def interval_ms(self, earlier: int, later: int) -> float:
        """The film time between two frames."""
        return self.shown_ms(later) - self.shown_ms(earlier)

    def name(self, count: int, first_at: float, at: float, *, first_on_time: bool = False) -> int | None:
        """The frame that the ``count``-th picture after the first (0: the first) is (it came at ``at``), or None
        while it may still be from before the excerpt. Counting gives the earliest it can be,
        and decides (a picture can come late, and would look later than it is); the time it
        came names it more closely when that is later (frames libVLC dropped)."""
        earliest = self.earliest(count, first_on_time=first_on_time)
        if earliest < self.first_index:
            return None
        return max(earliest, self.due_index(first_at, at, first_on_time=first_on_time))

    def shown_ms(self, index: int) -> float:
        return self.samples.shown_ms[min(max(index, 0), self.samples.frame_count - 1)]


def plan_start(path: Path | str, film_ms: float) -> KnownStart | None:
    """A :class:`KnownStart` at ``film_ms`` when the film's tables have been read (never reads the
    file: the UI thread calls this), else None."""
    samples = known_samples(path)
    if samples is None or samples.frame_count == 0:
        return None
    return KnownStart.plan(samples, film_ms)


def starts_within_a_frame(path: Path | str) -> bool:
    """False for a film whose start right at an excerpt can come more than a frame late: one larger
    than :data:`COUNTED_UP_TO_PIXELS` (True while its tables are not read: such a start is judged
    by its timing, as before)."""
    samples = known_samples(path)
    return samples is None or samples.width * samples.height <= COUNTED_UP_TO_PIXELS


def _closed_before(samples: VideoSamples, key: int) -> bool:
    """True when no frame shown before key frame ``key`` is decoded after it (a closed GOP): an
    open GOP's leading pictures would come out of the decoder before the key frame."""
    return all(samples.decoded_ms[index] < samples.decoded_ms[key] for index in range(max(0, key - 8), key))
