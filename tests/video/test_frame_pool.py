"""FramePool: frames copied out of libVLC's buffer into reused buffers, never one that is held."""

from __future__ import annotations

import ctypes

from kiosk.video.engine import Frame
from kiosk.video.frame_pool import FramePool

_SOURCES: dict[int, ctypes.Array[ctypes.c_char]] = {}


def source(fill: int, size: int = 64) -> ctypes.Array[ctypes.c_char]:
    """libVLC's buffer, as it were: kept alive for the test's run (the pool copies from its address)."""
    return _SOURCES.setdefault(fill, ctypes.create_string_buffer(bytes([fill]) * size, size))


def test_a_copy_holds_the_source_bytes() -> None:
    pool = FramePool(64)
    picture = source(7)
    assert pool.copy_from(ctypes.addressof(picture)) == bytes([7]) * 64


def test_a_buffer_comes_back_once_nothing_holds_it() -> None:
    pool = FramePool(64)
    first = source(1)
    frame = Frame(pool.copy_from(ctypes.addressof(first)), 4, 4, 16)
    buffer_id = id(frame.data)
    second = pool.copy_from(ctypes.addressof(source(2)))
    assert second is not frame.data  # held by a frame: never written over
    assert frame.data == bytes([1]) * 64
    del second
    kept = frame.data
    del frame
    third = pool.copy_from(ctypes.addressof(source(3)))
    assert id(third) != buffer_id and kept == bytes([1]) * 64  # still held, through its data alone
    del kept, third
    fourth = pool.copy_from(ctypes.addressof(source(4)))
    assert pool.buffers == 2 and fourth == bytes([4]) * 64  # reused, not a third buffer


def test_a_buffer_borrowed_through_a_view_is_not_reused() -> None:
    pool = FramePool(64)
    view = memoryview(pool.copy_from(ctypes.addressof(source(5))))  # as a QImage borrows it
    again = pool.copy_from(ctypes.addressof(source(6)))
    assert bytes(view) == bytes([5]) * 64 and again == bytes([6]) * 64


def test_beyond_its_size_the_pool_hands_out_buffers_it_does_not_keep() -> None:
    pool = FramePool(64, keep=2)
    held = [pool.copy_from(ctypes.addressof(source(n))) for n in range(4)]
    assert [b[0] for b in held] == [0, 1, 2, 3]
    assert pool.buffers == 2 and pool.overflows == 2
