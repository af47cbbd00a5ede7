"""FFmpeg's libswscale, the one module that loads it: a YUV picture converted to RGB32.

libVLC 3 can hand its pictures over as the decoder made them (I420: a full-size plane of
brightness and two quarter-size planes of colour, 12 bits a pixel) instead of converting each
into RGB32 first (32 bits a pixel): at 2160p a picture is 12 MiB instead of 32, and libVLC keeps
no converted copy of its own. The kiosk then converts each picture once, straight into what
shows it (the window's own image on the software scene graph: no RGB copy at all). libswscale is
the library made for that conversion, and it is already on every machine where libVLC's own
converter runs (its ``swscale`` plugin links it). Where it is not found (libVLC builds that link
FFmpeg into their plugins, such as VLC for Windows), :func:`available` says so and the kiosk asks
libVLC for RGB32 as before. No Qt, no vlc: ctypes alone.

Measured here (AMD EPYC, libswscale 6): a 3840x2160 picture in 2.3 ms (median of 20).
"""

from __future__ import annotations

import ctypes
import dataclasses
import logging
import os
import threading
from pathlib import Path

from kiosk.video.engine import Frame, PixelFormat

log = logging.getLogger(__name__)

#: FFmpeg's pixel formats (``enum AVPixelFormat``): their numbers are part of its ABI.
_AV_PIX_FMT_YUV420P = 0
_AV_PIX_FMT_BGRA = 28  # bytes B,G,R,A: QImage.Format_RGB32 on a little-endian machine
#: Bilinear when the size changes; at the same size a plain colour conversion either way.
_SWS_BILINEAR = 2
#: libswscale converts a line in runs of pixels and writes the last run whole, past the width
#: asked for, when the line has room: 16 pixels here (libswscale 6, SSSE3), measured by
#: tests/video/test_swscale.py. Twice that, in case a build of wider vectors writes longer runs.
RUN_PIXELS = 32
#: The library's names, newest first: FFmpeg 5 (6), 6 (7), 7 (8).
_NAMES = ("libswscale.so.8", "libswscale.so.7", "libswscale.so.6")

_lock = threading.Lock()
_library: ctypes.CDLL | None = None
_tried = False
_error = ""


def _candidates(near: str | None) -> list[str]:
    """Where to look: beside libVLC first (a bundle carries its own copy), then the system's."""
    found: list[str] = []
    if near:
        folder = Path(near).parent
        found += [str(folder / name) for name in _NAMES if (folder / name).is_file()]
    return [*found, *_NAMES]


def _load(near: str | None) -> ctypes.CDLL | None:
    global _library, _tried, _error
    with _lock:
        if _tried:
            return _library
        _tried = True
        if os.environ.get("KIOSK_NO_SWSCALE"):
            _error = "turned off (KIOSK_NO_SWSCALE)"
            return None
        for name in [*_candidates(near), ""]:
            if not name:  # last: ask the system where it keeps a libswscale of another number
                from ctypes.util import find_library  # here only: it imports subprocess, which a start does without

                name = find_library("swscale") or ""
                if not name:
                    break
            try:
                library = ctypes.CDLL(name)
            except OSError:
                continue
            try:
                _declare(library)
            except AttributeError as error:  # a libswscale without these calls: not ours to use
                _error = f"{name}: {error}"
                continue
            _library = library
            log.debug("libswscale from %s", name)
            return library
        _error = _error or "libswscale not found"
        return None


def _declare(library: ctypes.CDLL) -> None:
    library.sws_getCachedContext.restype = ctypes.c_void_p
    library.sws_getCachedContext.argtypes = [
        ctypes.c_void_p,
        *[ctypes.c_int] * 7,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    library.sws_scale.restype = ctypes.c_int
    library.sws_scale.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_int),
    ]
    library.sws_freeContext.restype = None
    library.sws_freeContext.argtypes = [ctypes.c_void_p]


def available(near: str | None = None) -> bool:
    """Whether libswscale can be used; ``near`` is a library whose folder is looked in first."""
    return _load(near) is not None


def why_not() -> str:
    """Why :func:`available` said no (empty when it said yes or was not asked)."""
    return _error


#: Contexts a converter keeps, one per pair of sizes (a repaint of parts converts a few sizes).
_CONTEXTS_KEPT = 8


class Converter:
    """Converts I420 pictures to RGB32, at any size. One per thread that converts: libswscale's
    contexts are not shared between threads. Keeps a context for each pair of sizes it met last
    (making one takes a fraction of a millisecond, and its tables a few hundred kB)."""

    def __init__(self) -> None:
        library = _load(None)
        if library is None:
            raise RuntimeError(f"libswscale unavailable: {_error}")
        self._library = library
        self._contexts: dict[tuple[int, int, int, int], int] = {}
        self._src = (ctypes.c_void_p * 4)()
        self._src_strides = (ctypes.c_int * 4)()
        self._dst = (ctypes.c_void_p * 4)()
        self._dst_strides = (ctypes.c_int * 4)()

    def convert(
        self,
        source: int,
        offsets: tuple[int, int, int],
        strides: tuple[int, int, int],
        size: tuple[int, int],
        target: int,
        target_stride: int,
        target_size: tuple[int, int],
    ) -> None:
        """The I420 picture at address ``source`` (``size`` pixels; its Y, U and V planes at
        ``offsets`` from it, ``strides`` bytes a line each) into the RGB32 pixels at
        address ``target`` (``target_size`` pixels, ``target_stride`` bytes a line), scaled
        bilinearly when the sizes differ. Both must stay valid until this returns. Each line is
        written in whole runs of pixels (:data:`RUN_PIXELS`), past the width when the stride has
        room: give a stride of :func:`padded_width`, or a width of whole runs."""
        width, height = size
        target_width, target_height = target_size
        key = (width, height, target_width, target_height)
        context = self._contexts.pop(key, None)  # put back last: the dictionary's order is of use
        if context is None:
            context = self._library.sws_getCachedContext(
                None, width, height, _AV_PIX_FMT_YUV420P,
                target_width, target_height, _AV_PIX_FMT_BGRA, _SWS_BILINEAR, None, None, None,
            )  # fmt: skip
            if not context:
                raise RuntimeError(f"libswscale refused {width}x{height} to {target_width}x{target_height}")
            if len(self._contexts) >= _CONTEXTS_KEPT:
                self._library.sws_freeContext(self._contexts.pop(next(iter(self._contexts))))
        self._contexts[key] = context
        for index in range(3):
            self._src[index] = source + offsets[index]
            self._src_strides[index] = strides[index]
        self._dst[0] = target
        self._dst_strides[0] = target_stride
        self._library.sws_scale(context, self._src, self._src_strides, 0, height, self._dst, self._dst_strides)

    def close(self) -> None:
        contexts, self._contexts = self._contexts, {}
        for context in contexts.values():
            self._library.sws_freeContext(context)

    def __del__(self) -> None:
        self.close()


def padded_width(width: int) -> int:
    """Pixels a line of ``width`` pixels needs to receive libswscale's output without spilling:
    the width in whole runs, and a run more."""
    return (width + RUN_PIXELS - 1) // RUN_PIXELS * RUN_PIXELS + RUN_PIXELS


def to_rgb32(frame: Frame, converter: Converter | None = None) -> Frame:
    """An I420 frame as a new RGB32 frame of the same size (an RGB32 frame as it is): for what
    needs RGB pixels (a texture for a graphics card, the editor's still picture, a test reading
    a frame's number)."""
    if frame.pixel_format is not PixelFormat.I420:
        return frame
    data = writable(frame.data)  # held until done
    stride = padded_width(frame.width) * 4
    pixels = bytearray(stride * frame.height)
    (converter or Converter()).convert(
        address_of(data), frame.plane_offsets, frame.plane_strides, (frame.width, frame.height),
        address_of(pixels), stride, (frame.width, frame.height),
    )  # fmt: skip
    return dataclasses.replace(
        frame, data=pixels, stride=stride, pixel_format=PixelFormat.RGB32, plane_offsets=(0, 0, 0),
        plane_strides=(stride, 0, 0),
    )  # fmt: skip


def writable(data: bytes | bytearray) -> bytearray:
    """A frame's bytes as a buffer whose address can be taken (a pooled buffer as it is)."""
    return data if isinstance(data, bytearray) else bytearray(data)


def address_of(buffer: bytearray) -> int:
    """The address of a buffer's first byte, for :meth:`Converter.convert` (valid while held)."""
    return ctypes.addressof(ctypes.c_char.from_buffer(buffer))
