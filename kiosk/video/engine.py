"""What the kiosk asks of a video engine, free of Qt and of vlc.

The one implementation is :mod:`kiosk.video.vlc_engine`; the playback logic in
:mod:`kiosk.video.playback` only sees these types, so it is tested without Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The range ``start_ms``..``end_ms`` of a film; ``audio`` False for the muted attract loop."""

    path: Path
    start_ms: int
    end_ms: int
    audio: bool = True

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


class PixelFormat(enum.Enum):
    """How a frame's bytes hold its picture."""

    RGB32 = "RV32"  # one plane, bytes B,G,R,X: QImage.Format_RGB32
    I420 = "I420"  # planes Y (full size), then U and V (half the width and height each)


@dataclass(frozen=True, slots=True)
class Frame:
    """One picture, in RGB32 unless ``pixel_format`` says otherwise. ``data`` may be a pooled
    buffer (frame_pool.py): hold it (or the frame) for as long as the pixels are needed.
    ``stride`` is the first plane's; an I420 frame's three planes start at ``plane_offsets``
    in ``data``, ``plane_strides`` bytes a line each."""

    data: bytes | bytearray
    width: int
    height: int
    stride: int
    film_ms: float = 0.0
    shown_at: float = 0.0  # time.monotonic() when libVLC displayed it
    pixel_format: PixelFormat = PixelFormat.RGB32
    plane_offsets: tuple[int, int, int] = (0, 0, 0)
    plane_strides: tuple[int, int, int] = (0, 0, 0)


class EngineEvent(enum.Enum):
    OPENING = "opening"
    PLAYING = "playing"
    VIDEO_OUTPUT = "video-output"  # the picture's size and frame rate are known from now on
    PAUSED = "paused"
    END_REACHED = "end-reached"  # the film itself ended (or a truncated file did)
    ERROR = "error"
    STOPPED = "stopped"


class EngineListener(Protocol):
    """Receives what the engine sees. Called on the engine's own threads: never call
    the engine back from here (libVLC deadlocks), hand the work to the owner thread."""

    def frame_displayed(self, at: float, read: Callable[[], Frame]) -> None: ...

    def time_reported(self, film_ms: int, at: float) -> None: ...

    def engine_event(self, event: EngineEvent, detail: str) -> None: ...


#: How much of a film libVLC reads ahead of the picture shown (its ``file-caching``). An opening
#: straight at the excerpt needs libVLC's default: libVLC applies the start time only after its
#: first demux pass (250 ms of an MP4), and reading 300 ms ahead is what keeps the frames from the
#: film's beginning it decoded on that pass off the screen (at 30 ms, 14 of 48 tap-started starts
#: were within one frame, some showing frames from seconds before the excerpt; measured). Reading
#: ahead costs memory: libVLC 3 decodes as far ahead as it reads, into a pool of 20 pictures,
#: which 300 ms fills (250 MiB at 2160p; docs/decisions/0065).
READ_AHEAD_MS = 300


class VideoEngine(Protocol):
    """A player for one excerpt at a time; all methods are called on the owner thread."""

    def open(
        self,
        excerpt: Excerpt,
        listener: EngineListener,
        from_ms: int,
        *,
        read_ahead_ms: int = READ_AHEAD_MS,
        counted_start: bool = False,
    ) -> None:
        """Load the film and play from ``from_ms`` (the gate hides what comes before), reading
        ``read_ahead_ms`` of it ahead of what is shown. ``counted_start``: the gate names the
        first pictures by counting them (a start with no lead-in, kiosk/video/known_start.py)."""

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def seek(self, film_ms: int) -> None: ...

    def set_volume(self, volume: int) -> None:
        """0..100."""

    def stop(self) -> None:
        """Stop decoding; no listener call happens after this returns (the decoder may still
        be winding down: the next open waits for it)."""

    def release(self) -> None: ...

    def shed(self) -> None:
        """Give the frame buffers nothing holds back to the system; after :meth:`stop` only (the
        next open waits for it). A stop sheds those nothing shows; this, the one that was shown."""

    def set_max_size(self, width: int, height: int) -> None:
        """The largest frame to deliver from the next opening on (the size it is shown at)."""

    def fps(self) -> float | None: ...

    def video_size(self) -> tuple[int, int] | None:
        """The film's picture size (its shape: libVLC hands frames in a padded buffer)."""
