"""libSwscale through kiosk/video/swscale.py, and how the engine lays I420 pictures out."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from kiosk.video import swscale
from kiosk.video.engine import Frame, PixelFormat

pytestmark = pytest.mark.skipif(not swscale.available(), reason="libswscale is part of libVLC's install here")


def i420(width: int, height: int, y: int, u: int, v: int) -> Frame:
    """A one-colour I420 frame laid out as the engine lays it out (32-byte lines)."""
    from kiosk.video.vlc_engine import picture_layout

    layout = picture_layout(width, height, True)
    data = bytearray(layout.size)
    for plane, value in enumerate((y, u, v)):
        for line in range(layout.lines[plane]):
            start = layout.offsets[plane] + line * layout.pitches[plane]
            data[start : start + layout.pitches[plane]] = bytes([value]) * layout.pitches[plane]
    return layout.frame(data)


def rgb_at(frame: Frame, x: int, y: int) -> tuple[int, int, int]:
    offset = y * frame.stride + x * 4
    blue, green, red = frame.data[offset : offset + 3]
    return red, green, blue


@pytest.mark.parametrize(
    ("yuv", "rgb"),
    [
        ((235, 128, 128), (255, 255, 255)),  # studio-range white
        ((16, 128, 128), (0, 0, 0)),
        ((81, 90, 240), (255, 0, 0)),  # BT.601 red
        ((145, 54, 34), (0, 255, 0)),
    ],
)
def test_an_i420_picture_becomes_the_rgb_it_stands_for(yuv: tuple[int, int, int], rgb: tuple[int, int, int]) -> None:
    frame = swscale.to_rgb32(i420(70, 40, *yuv))
    assert frame.pixel_format is PixelFormat.RGB32 and (frame.width, frame.height) == (70, 40)
    for x, y in ((0, 0), (69, 39), (35, 20)):
        got = rgb_at(frame, x, y)
        assert all(abs(a - b) <= 3 for a, b in zip(got, rgb, strict=True)), (x, y, got, rgb)


def test_a_converted_frame_keeps_its_times() -> None:
    frame = i420(64, 36, 128, 128, 128)
    timed = Frame(
        frame.data, 64, 36, frame.stride, 1234.5, 99.0, PixelFormat.I420, frame.plane_offsets, frame.plane_strides
    )
    converted = swscale.to_rgb32(timed)
    assert (converted.film_ms, converted.shown_at) == (1234.5, 99.0)
    assert swscale.to_rgb32(converted) is converted  # RGB32 stays as it is


@pytest.mark.parametrize("width", [2, 10, 30, 32, 46, 64, 70, 100])
def test_a_line_is_written_no_further_than_its_padded_width(width: int) -> None:
    """libswscale writes whole runs of pixels past the width asked for: the padding the kiosk gives
    every line it converts into must hold them, or it would write over the next thing in memory
    (and, in the window's image, over what lies beside the picture)."""
    source = i420(128, 8, 128, 128, 128)
    stride = (swscale.padded_width(width) + 64) * 4  # room past the padding, to see a spill
    target = bytearray(b"\xaa") * (stride * 8)
    address = ctypes.addressof(ctypes.c_char.from_buffer(target))
    data = source.data
    assert isinstance(data, bytearray)
    swscale.Converter().convert(
        ctypes.addressof(ctypes.c_char.from_buffer(data)), source.plane_offsets, source.plane_strides,
        (width, 8), address, stride, (width, 8),
    )  # fmt: skip
    line = target[:stride]
    written = [pixel for pixel in range(stride // 4) if line[pixel * 4 : pixel * 4 + 4] != b"\xaa" * 4]
    assert written[0] == 0 and max(written) < swscale.padded_width(width)
    # And a width of whole runs is written exactly: the straight way into the window relies on it.
    if width % swscale.RUN_PIXELS == 0:
        assert max(written) == width - 1


def test_without_libswscale_it_says_why_and_the_smoke_says_large_films_come_as_rgb() -> None:
    code = (
        "from kiosk.video import swscale; from kiosk.smoke import large_films_check; "
        "print(swscale.available(), swscale.why_not()); print(large_films_check(''))"
    )
    env = dict(os.environ, KIOSK_NO_SWSCALE="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["False turned off (KIOSK_NO_SWSCALE)", "as RGB (turned off (KIOSK_NO_SWSCALE))"]


def test_the_smoke_converts_a_picture_to_know_large_films_come_as_i420() -> None:
    from kiosk.smoke import large_films_check

    assert large_films_check("") == "as I420 (libswscale)"


def test_the_rgb_layout_holds_every_line_and_the_i420_one_its_three_planes() -> None:
    from kiosk.video.vlc_engine import picture_layout

    rgb = picture_layout(640, 360, False)
    assert rgb.pixel_format is PixelFormat.RGB32 and rgb.pitches[0] == 2560
    assert rgb.size >= 2560 * 364  # every line, and spare ones for converters that write past the last
    yuv = picture_layout(642, 361, True)
    assert yuv.pitches == (672, 336, 336)  # 32-byte lines
    assert yuv.offsets == (0, 672 * 361, 672 * 361 + 336 * 181)
    assert yuv.size >= yuv.offsets[2] + 336 * 181


def test_i420_pays_for_large_pictures_shown_at_their_own_size() -> None:
    from kiosk.video.vlc_engine import yuv_pays

    assert yuv_pays(3840, 2160, 3840, 2160)
    assert yuv_pays(3840, 1600, 3840, 2160)  # a wide film fills the width
    assert not yuv_pays(2560, 1440, 3840, 2160)  # enlarged to the screen: RGB is cheaper
    assert not yuv_pays(1920, 1080, 1920, 1080)  # small: little to save
