"""Telling the picture a seek brings, while paused, from libVLC repainting the one before. No Qt, no vlc.

While paused, libVLC 3 repaints the picture it last displayed about every 60 ms, and each repaint
reaches the video callbacks as a picture of its own (measured: tests/video/test_scrub_repaints.py).
A seek while paused flushes that picture and decodes the one at the new time, but a repaint can
come between the seek asked for and its picture: on a busy machine it did, and the kiosk showed
the old picture under the new time and hid the new one. The pictures carry no timestamp, so their
pixels tell them apart: a picture that repeats the one libVLC painted before the seek, or the one
last shown, is a repaint.
"""

from __future__ import annotations

import threading
import zlib

from kiosk.video.engine import Frame, PixelFormat

#: One row in this many goes into a picture's fingerprint: a 2160p picture then costs 0.5 ms
#: to read, and two different frames of a film differ on far more rows than one in 16.
ROW_STEP = 16


def fingerprint(frame: Frame) -> int:
    """A checksum of every ``ROW_STEP``-th row of the picture's visible pixels: of its RGB32
    pixels, or of an I420 picture's brightness (its first plane). Never of the spare bytes at the
    end of a row: a pooled buffer keeps whatever an earlier picture left there."""
    view = memoryview(frame.data)
    row_bytes = frame.width * (4 if frame.pixel_format is PixelFormat.RGB32 else 1)
    first = frame.plane_offsets[0]
    checksum = zlib.crc32(frame.width.to_bytes(4, "little") + frame.height.to_bytes(4, "little"))
    for top in range(first, first + frame.height * frame.stride, ROW_STEP * frame.stride):
        checksum = zlib.crc32(view[top : top + row_bytes], checksum)
    return checksum


class Repaints:
    """What libVLC painted while paused: ``painted`` for each picture hidden while paused,
    ``seek_asked`` as a seek goes to libVLC, ``is_new`` for each picture after it."""

    def __init__(self) -> None:
        # libVLC's video thread reports pictures; the owner thread asks for seeks.
        self._lock = threading.Lock()
        self._held: int | None = None  # the picture libVLC last painted
        self._stale: int | None = None  # the one it painted before the seek: its repaints are not the seek's
        self._shown: int | None = None  # the last one shown since the seek

    def paused(self) -> None:
        """Paused again: what was painted or shown before belongs to another stretch of film."""
        with self._lock:
            self._held = self._stale = self._shown = None

    def painted(self, frame: Frame) -> None:
        """A picture libVLC painted while paused, no seek asked for: a repaint, or the picture in
        flight when the pause came."""
        mark = fingerprint(frame)
        with self._lock:
            self._held = mark

    def seek_asked(self) -> None:
        with self._lock:
            self._stale = self._held

    def is_new(self, frame: Frame) -> bool:
        """Whether a picture painted after a seek shows something new: not a repaint of the
        picture before the seek, nor of the one last shown."""
        mark = fingerprint(frame)
        with self._lock:
            self._held = mark
            if mark in (self._stale, self._shown):
                return False
            self._shown = mark
            return True
