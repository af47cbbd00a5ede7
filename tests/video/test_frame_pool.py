"""FramePool: the buffers libVLC draws pictures into, reused, never one that is held."""

from __future__ import annotations

import ctypes

from kiosk.video.engine import Frame
from kiosk.video.frame_pool import FramePool


def draw(pool: FramePool, fill: int) -> bytearray:
    """Take a buffer and fill it through its address, as libVLC's converter does."""
    buffer, address = pool.take()
    ctypes.memset(address, fill, pool.size)
    return buffer


def test_the_address_is_the_buffers_own() -> None:
    pool = FramePool(64)
    assert draw(pool, 7) == bytes([7]) * 64


def test_a_buffer_comes_back_once_nothing_holds_it() -> None:
    pool = FramePool(64)
    frame = Frame(draw(pool, 1), 4, 4, 16)
    buffer_id = id(frame.data)
    second = draw(pool, 2)
    assert second is not frame.data  # held by a frame: never drawn over
    assert frame.data == bytes([1]) * 64
    assert pool.in_use() == 2
    del second
    kept = frame.data
    del frame
    third = draw(pool, 3)
    assert id(third) != buffer_id and kept == bytes([1]) * 64  # still held, through its data alone
    del kept, third
    assert pool.in_use() == 0
    fourth = draw(pool, 4)
    assert pool.buffers == 2 and fourth == bytes([4]) * 64  # reused, not a third buffer


def test_a_buffer_borrowed_through_a_view_is_not_reused() -> None:
    pool = FramePool(64)
    view = memoryview(draw(pool, 5))  # as a QImage borrows it
    again = draw(pool, 6)
    assert bytes(view) == bytes([5]) * 64 and again == bytes([6]) * 64


def test_beyond_its_size_the_pool_hands_out_buffers_it_does_not_keep() -> None:
    pool = FramePool(64, keep=2)
    held = [draw(pool, n) for n in range(4)]
    assert [b[0] for b in held] == [0, 1, 2, 3]
    assert pool.buffers == 2 and pool.overflows == 2


def test_a_buffer_left_spare_after_a_stall_goes_back_to_the_system() -> None:
    pool = FramePool(64, spare_takes=5)
    stalled = [draw(pool, n) for n in range(3)]  # the screen held three at once
    assert pool.buffers == 3
    shown = stalled.pop()
    del stalled  # the stall is over: one on screen, two free
    for n in range(4):
        shown = draw(pool, n)  # each take finds two free: not yet long enough
    assert pool.buffers == 3 and pool.returned == 0
    shown = draw(pool, 9)
    assert pool.buffers == 2 and pool.returned == 1  # the spare one is gone
    for n in range(20):
        shown = draw(pool, n)  # one held, one free: nothing more to give back
    assert pool.buffers == 2 and pool.returned == 1 and shown == bytes([19]) * 64


def test_a_pool_whose_buffers_are_needed_keeps_them() -> None:
    pool = FramePool(64, spare_takes=3)
    held: list[bytearray] = []
    for n in range(30):
        held.append(draw(pool, n))
        if len(held) > 2:  # a screen two frames behind: three needed at times, two free never
            held.pop(0)
    assert pool.buffers == 3 and pool.returned == 0 and pool.overflows == 0


def test_a_stopped_players_pool_sheds_all_but_the_picture_still_shown() -> None:
    pool = FramePool(64)
    held = [draw(pool, n) for n in range(3)]
    last = held.pop()  # the last picture stays on screen after the stop
    del held
    assert pool.shed() == 2
    assert pool.buffers == 1 and last == bytes([2]) * 64
    assert draw(pool, 7) is not last  # the next opening draws into a new buffer
    del last
    assert pool.shed() == 2 and pool.buffers == 0
