"""Playing one excerpt: explicit states, the frame gate, the end fade. No Qt, no vlc.

:class:`ExcerptPlayback` lives on one owner thread (Qt's main thread in the kiosk,
the test's thread in unit tests). The engine calls it back on its own threads; those
calls only consult the gate and post work to the owner thread through ``post``, so
libVLC is never called from inside one of its callbacks (that deadlocks).
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kiosk.video.clock import ExcerptClock
from kiosk.video.engine import READ_AHEAD_MS, EngineEvent, Excerpt, Frame, VideoEngine
from kiosk.video.gate import FrameGate, Verdict
from kiosk.video.known_start import OPEN_BEFORE_MS, KnownStart, plan_start, starts_within_a_frame
from kiosk.video.mp4_samples import landing_start_ms, read_ahead
from kiosk.video.repaints import Repaints

log = logging.getLogger(__name__)

#: How far ahead of the excerpt a prepared start opens the film. libVLC's first time report
#: (exact) comes 270-500 ms after opening; the frame gate shows nothing before it, and then the
#: excerpt's first frame exactly, about this long plus 30 ms after opening. Measured over 20
#: random starts each, beside a soak: 450 ms missed the clock 5 times, 600 ms never; 700 keeps a
#: margin (a miss costs a second opening, as a tap does). Starts nearer the film's beginning
#: than this open at the excerpt itself.
LEAD_IN_MS = 700
#: How much of the film libVLC reads ahead in a prepared start (300 ms elsewhere: READ_AHEAD_MS).
#: The gate shows nothing before libVLC's exact clock, so the frames from the film's beginning
#: that a short read-ahead lets through stay hidden, and libVLC decodes less far ahead: at 2160p,
#: 190 MiB of decoded pictures where 300 ms keeps 250 (docs/decisions/0065). Not shorter: at
#: 30-50 ms a 2160p film lost frames on a busy machine (27.9 fps).
LEAD_IN_READ_AHEAD_MS = 100
#: Seconds without a single picture from libVLC while playing before the film is given up for
#: its poster: a decoder that stalls mid-excerpt (a damaged stretch of file, a hung hardware
#: decoder) sends no event, and the attract loop, which waits for the excerpt's end, would hold
#: its last picture for ever. Well above any pause seen in a healthy film (a seek in a long
#: GOP keeps delivering the frames it decodes on the way).
STALL_TIMEOUT_S = 3.0


class PlayerState(enum.Enum):
    IDLE = "idle"  # poster; nothing loaded
    PREPARING = "preparing"  # opened silently, waiting for the first frame to hold
    READY = "ready"  # the excerpt's first frame is on screen, paused
    LOADING = "loading"  # asked to play, no frame yet
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"  # back to the poster
    ERROR = "error"  # the film cannot be played: poster and a note
    UNAVAILABLE = "unavailable"  # no usable libVLC on this machine


class PlaybackObserver:
    """What a view of the playback hears; every method runs on the owner thread except
    :meth:`frame_ready`, which runs on the engine's video thread (keep it short)."""

    def frame_ready(self, frame: Frame) -> None: ...

    def state_changed(self, state: PlayerState) -> None: ...

    def started(self) -> None: ...

    def stopped(self, watched_ms: int) -> None: ...

    def finished(self) -> None: ...

    def failed(self, message: str) -> None: ...


class ExcerptPlayback:
    """One excerpt on one engine: prepare, play, pause, seek, replay, stop."""

    def __init__(
        self,
        engine: VideoEngine,
        excerpt: Excerpt,
        observer: PlaybackObserver,
        post: Callable[[Callable[[], None]], None],
        *,
        volume: int = 80,
        max_volume: int = 100,
        fade_ms: int = 200,
        first_frame_timeout: float = 8.0,
        stall_timeout: float = STALL_TIMEOUT_S,
        lead_in_ms: int = LEAD_IN_MS,
        now: Callable[[], float] = time.monotonic,
        plan: Callable[[Path, float], KnownStart | None] = plan_start,
        straight_start_fits: Callable[[Path], bool] = starts_within_a_frame,
    ) -> None:
        self.engine = engine
        self.excerpt = excerpt
        self.gate = FrameGate(excerpt.start_ms, excerpt.end_ms, ExcerptClock(now))
        read_ahead(excerpt.path)  # the film's sample tables, for its first opening (docs/decisions/0053)
        self._observer = observer
        self._post = post
        self._now = now
        self.max_volume = max_volume
        self._volume = min(volume, max_volume)
        self._applied_volume: int | None = None
        self._fade_ms = fade_ms
        self._first_frame_timeout = first_frame_timeout
        self._stall_timeout = stall_timeout
        self._last_picture_at = 0.0  # when libVLC last delivered a picture (any thread writes it)
        self._lead_in_ms = lead_in_ms
        self._plan = plan  # where to open for a start libVLC's clock names (known_start.py)
        self._straight_start_fits = straight_start_fits  # whether such a start is within a frame (known_start.py)
        self._state = PlayerState.IDLE
        self._opened_at = 0.0
        self._awaiting_frame = threading.Event()  # set while the next shown frame changes state
        self._kept: Frame | None = None  # the first frame after a start, until the gate decides
        self._repaints = Repaints()  # while paused: a seek's picture, or libVLC repainting the last
        self._open = False
        self._started = False
        self._watched_ms = 0.0
        self._playing_since: float | None = None
        self._error = ""
        self.aspect: float | None = None  # width / height of the film's picture, once known
        self._generation = 0  # bumped on every open: late posts from an older run are ignored

    # --- state -------------------------------------------------------------------
    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def error(self) -> str:
        return self._error

    @property
    def volume(self) -> int:
        return self._volume

    def film_position_ms(self) -> float:
        """The film time on screen now (interpolated between libVLC's reports)."""
        if self._state in (PlayerState.IDLE, PlayerState.ERROR, PlayerState.UNAVAILABLE):
            return float(self.excerpt.start_ms)
        if self._state is PlayerState.ENDED:
            return float(self.excerpt.end_ms)
        return self.gate.clock.position()

    def position_ms(self) -> int:
        """Position inside the excerpt, 0..duration."""
        pos = self.film_position_ms() - self.excerpt.start_ms
        return int(max(0.0, min(pos, self.excerpt.duration_ms)))

    def watched_ms(self) -> int:
        extra = 0.0 if self._playing_since is None else (self._now() - self._playing_since) * 1000
        return int(self._watched_ms + extra)

    def _set_state(self, state: PlayerState) -> None:
        if state is self._state:
            return
        if self._state is PlayerState.PLAYING and self._playing_since is not None:
            self._watched_ms += (self._now() - self._playing_since) * 1000
            self._playing_since = None
        if state is PlayerState.PLAYING:
            self._playing_since = self._now()
            self._last_picture_at = self._playing_since  # resumed: pictures may take a moment
        self._state = state
        self._observer.state_changed(state)

    # --- commands (owner thread) -----------------------------------------------------
    def prepare(self) -> None:
        """Open silently and hold the excerpt's first frame, ready for :meth:`play`.

        There is time: the film opens a lead-in ahead, so that the frame held is exactly the
        excerpt's first (a start straight at the excerpt is sometimes 2-3 frames late).
        """
        if self._state in (PlayerState.IDLE, PlayerState.ENDED, PlayerState.ERROR):
            self._open_at(self.excerpt.start_ms, hold=True, lead_in=True)
            self._set_state(PlayerState.PREPARING)

    def play(self) -> None:
        match self._state:
            case PlayerState.IDLE | PlayerState.ENDED | PlayerState.ERROR:
                self._open_at(self.excerpt.start_ms, hold=False, lead_in=self._leads_in())
                self._set_state(PlayerState.LOADING)
            case PlayerState.PREPARING if self.gate.leading_in and not self._leads_in():
                # Opening at the excerpt itself is faster than waiting for the lead-in: its
                # first frame reaches the screen ~80 ms after the lead-in's end (measured).
                self._open_at(self.excerpt.start_ms, hold=False)
                self._set_state(PlayerState.LOADING)
            case PlayerState.PREPARING:
                # Still starting (or leading in, for a film too large to start straight at the
                # excerpt within a frame): the first frame will now play on, with sound.
                self.gate.resume()
                self._set_state(PlayerState.LOADING)
            case PlayerState.READY | PlayerState.PAUSED:
                self._apply_volume(self._volume)
                self.gate.resume()
                self.engine.resume()
                self._set_state(PlayerState.PLAYING)
                self._announce_start()
            case _:
                pass

    def pause(self) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            self._repaints.paused()
            self.engine.pause()
            self.gate.pause()
            self._set_state(PlayerState.PAUSED)

    def toggle(self) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.LOADING):
            self.pause()
        else:
            self.play()

    def seek(self, position_ms: int) -> None:
        """Jump to ``position_ms`` inside the excerpt (the scrubber covers the excerpt only)."""
        last = max(0, self.excerpt.duration_ms - int(self.gate.interval_ms) - 1)
        film_ms = self.excerpt.start_ms + max(0, min(int(position_ms), last))
        match self._state:
            case PlayerState.PLAYING | PlayerState.LOADING:
                self.gate.restart(film_ms)
                self.engine.seek(film_ms)
            case PlayerState.PAUSED:
                self._repaints.seek_asked()
                self.gate.scrub(film_ms)
                self.engine.seek(film_ms)
            case PlayerState.ENDED | PlayerState.IDLE | PlayerState.READY | PlayerState.PREPARING:
                # Not started by the visitor (a prepared excerpt waits behind its poster): a
                # seek plays from there, as it does after the end.
                self._open_at(film_ms, hold=False)  # straight: a lead-in would show what comes before it
                self._set_state(PlayerState.LOADING)
            case _:
                pass

    def replay(self) -> None:
        if self._state in (PlayerState.UNAVAILABLE,):
            return
        if self._state in (PlayerState.PREPARING, PlayerState.READY):
            self.play()  # already (getting) ready at the excerpt's start
            return
        self._close(finished=False)
        self._open_at(self.excerpt.start_ms, hold=False, lead_in=self._leads_in())
        self._set_state(PlayerState.LOADING)

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(int(volume), self.max_volume))
        if self._state in (PlayerState.PLAYING, PlayerState.LOADING, PlayerState.PAUSED):
            self._apply_volume(self._volume)

    def stop(self) -> None:
        """Back to the poster; the engine stops decoding."""
        self._close(finished=False)
        if self._state is not PlayerState.UNAVAILABLE:
            self._set_state(PlayerState.IDLE)

    def mark_unavailable(self, message: str) -> None:
        self._error = message
        self._set_state(PlayerState.UNAVAILABLE)

    def tick(self) -> None:
        """Called often by the owner (about 30 times a second while active)."""
        if self._state in (PlayerState.LOADING, PlayerState.PREPARING):
            if self._now() - self._opened_at > self._first_frame_timeout:
                self._fail("no picture came from the film")
            return
        if self._state is PlayerState.PLAYING and self._now() - self._last_picture_at > self._stall_timeout:
            log.warning(
                "video %s: no picture for %.1f s while playing; back to the poster",
                self.excerpt.path,
                self._now() - self._last_picture_at,
            )
            self._fail("the film stopped sending pictures")
            return
        if self._state is PlayerState.PLAYING and self.excerpt.audio:
            remaining = self.excerpt.end_ms - self.film_position_ms()
            if remaining < self._fade_ms:
                self._apply_volume(round(self._volume * max(0.0, remaining) / self._fade_ms))

    # --- engine callbacks (engine threads: no engine calls here) ----------------------
    def _post_current(self, work: Callable[[], None]) -> None:
        generation = self._generation

        def guarded() -> None:
            if generation == self._generation:
                work()

        self._post(guarded)

    def frame_displayed(self, at: float, read: Callable[[], Frame]) -> None:
        self._last_picture_at = self._now()  # the decoder is alive, whatever the gate decides
        decision = self.gate.frame(at)
        kept, self._kept = self._kept, None
        if decision.verdict is Verdict.KEEP:
            self._kept = read()  # libVLC reuses its buffer: copy it now
        elif decision.verdict in (Verdict.SHOW, Verdict.SHOW_KEPT):
            raw = kept if decision.verdict is Verdict.SHOW_KEPT and kept is not None else read()
            self._observer.frame_ready(replace(raw, film_ms=decision.film_ms, shown_at=at))
            if self._awaiting_frame.is_set():
                self._awaiting_frame.clear()
                self._post_current(self._first_frame_shown)
        elif decision.verdict is Verdict.REPAINT and self._state is PlayerState.PAUSED:
            # Paused by the visitor, who may seek next (a prepared excerpt's hold is never
            # scrubbed: a seek there opens the film again).
            self._repaints.painted(read())
        elif decision.verdict is Verdict.SCRUB:
            raw = read()
            if self._repaints.is_new(raw):
                self._observer.frame_ready(replace(raw, film_ms=decision.film_ms, shown_at=at))
        elif decision.verdict is Verdict.END:
            self._post_current(self._reach_end)
        elif decision.verdict is Verdict.MISSED:
            self._post_current(self._lead_in_missed)

    def time_reported(self, film_ms: int, at: float) -> None:
        self.gate.time_report(film_ms, at)

    def engine_event(self, event: EngineEvent, detail: str) -> None:
        if event is EngineEvent.ERROR:
            self._post_current(lambda: self._fail(detail or "the film could not be played"))
        elif event is EngineEvent.END_REACHED:
            self._post_current(self._reach_end)
        elif event in (EngineEvent.PLAYING, EngineEvent.VIDEO_OUTPUT):
            self._post_current(self._engine_playing)

    # --- owner-thread continuations -----------------------------------------------------
    def _open_at(self, film_ms: int, *, hold: bool, lead_in: bool = False) -> None:
        if self._open:
            # Opening again while libVLC plays (a tap during the lead-in, a lead-in that missed its
            # clock, a seek before the start): detach it first, or its last pictures would reach
            # the gate as the new opening's first, and be counted as such.
            self.engine.stop()
        self._error = ""
        self._generation += 1
        self._open = True
        lead_in = lead_in and self._lead_in_ms > 0 and film_ms >= self._lead_in_ms
        # With the film's sample tables, libVLC opens just before the frame at ``film_ms`` and the
        # gate names every picture from libVLC's start clock: the first shown is that frame
        # (docs/decisions/0059). Without them (not an MP4, tables not read yet), straight at the
        # time, where the gate judges the first pictures by their timing alone.
        known = None if lead_in else self._plan(self.excerpt.path, film_ms)
        if lead_in:
            opened = film_ms - self._lead_in_ms
        elif known is not None:
            opened = known.opened_ms
        else:
            # libVLC's MP4 demuxer lands on the key frame after the time when that key frame is
            # decoded before it is shown (B-frames): then just before it (docs/decisions/0053).
            opened = int(landing_start_ms(self.excerpt.path, film_ms))
        self.gate.restart(opened if known is None and not lead_in else film_ms, hold=hold, lead_in=lead_in, known=known)
        self._awaiting_frame.set()
        self._opened_at = self._now()
        self._applied_volume = None
        self.engine.open(
            self.excerpt,
            self,
            opened,
            read_ahead_ms=LEAD_IN_READ_AHEAD_MS if lead_in else READ_AHEAD_MS,
            counted_start=not lead_in,
        )
        # libVLC plays the sound from where it opened. Opened 1 ms before the excerpt's first
        # frame, that is where the excerpt's sound begins too; opened further back (a key frame
        # in the way, a prepared lead-in), silent until the first frame is shown.
        ahead = lead_in or (known is not None and known.lead_ms > 2 * OPEN_BEFORE_MS)
        silent = hold or not self.excerpt.audio or ahead
        self._apply_volume(0 if silent else self._volume)

    def _lead_in_missed(self) -> None:
        # libVLC's clock came after the excerpt's first frame had passed (a very busy machine):
        # open again at the excerpt itself, as an unprepared start of a smaller film does.
        if self._state in (PlayerState.PREPARING, PlayerState.LOADING):
            log.info("video %s: no exact clock before the excerpt began; opening it again", self.excerpt.path)
            self._open_at(self.excerpt.start_ms, hold=self._state is PlayerState.PREPARING)

    def _leads_in(self) -> bool:
        """True when a start the visitor asked for opens ahead of the excerpt, as a prepared one
        does: for a film whose start right at the excerpt can come more than a frame late
        (known_start.starts_within_a_frame). It costs the lead-in's time before the first frame
        (docs/decisions/0076)."""
        return not self._straight_start_fits(self.excerpt.path)

    def _apply_volume(self, volume: int) -> None:
        if not self.excerpt.audio:
            volume = 0
        if volume != self._applied_volume and self._open:
            self._applied_volume = volume
            self.engine.set_volume(volume)

    def _engine_playing(self) -> None:
        if not self._open:
            return
        fps = self.engine.fps()
        if fps:
            self.gate.set_fps(fps)
        size = self.engine.video_size()
        if size:
            self.aspect = size[0] / size[1]
        # libVLC forgets a volume set before its audio output existed: set it again.
        volume, self._applied_volume = self._applied_volume, None
        if volume is not None:
            self._apply_volume(volume)

    def _first_frame_shown(self) -> None:
        if self._state is PlayerState.PREPARING:
            self.engine.pause()
            self.gate.pause()
            self._set_state(PlayerState.READY)
        elif self._state is PlayerState.LOADING:
            self._apply_volume(self._volume)  # the sound begins with the excerpt's first frame
            self._set_state(PlayerState.PLAYING)
            self._announce_start()

    def _announce_start(self) -> None:
        if not self._started:
            self._started = True
            self._observer.started()

    def _reach_end(self) -> None:
        if self._state not in (
            PlayerState.PLAYING,
            PlayerState.LOADING,
            PlayerState.PAUSED,
            PlayerState.READY,
            PlayerState.PREPARING,
        ):
            return
        if self._awaiting_frame.is_set():
            self._fail("the film ended before the excerpt began: is the file truncated or corrupt?")
            return
        self.gate.end()
        self._close(finished=True)
        self._set_state(PlayerState.ENDED)
        self._observer.finished()

    def _fail(self, message: str) -> None:
        # Logged by the observer (the kiosk logs each broken file once, not at every load).
        log.debug("video %s (%s): %s", self.excerpt.path, self._state.value, message)
        self._error = message
        self._close(finished=False)
        self._set_state(PlayerState.ERROR)
        self._observer.failed(message)
        self._observer.finished()

    def _close(self, *, finished: bool) -> None:
        self._awaiting_frame.clear()
        if self._open:
            self._open = False
            self.gate.end()
            self.engine.stop()  # no frame or event reaches us after this
            self._kept = None
        if self._state is PlayerState.PLAYING and self._playing_since is not None:
            self._watched_ms += (self._now() - self._playing_since) * 1000
            self._playing_since = None
        if self._started:
            self._started = False
            watched, self._watched_ms = int(self._watched_ms), 0.0
            self._observer.stopped(watched)
