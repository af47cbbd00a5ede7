"""The loader inflates a PNG's pixel data to see damage its checksums hide, in bounded memory."""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from pathlib import Path

from kiosk.loader.media_check import MediaChecker
from kiosk.model.fields import MediaKind


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(path: Path, width: int, height: int, idat: bytes) -> None:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def black_rows(width: int, height: int) -> bytes:
    """Filter byte 0 and black pixels, compressed row by row (never the whole picture in memory)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    return b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()


def problem_of(folder: Path, name: str) -> str | None:
    return MediaChecker(folder).check(name, MediaKind.IMAGE).problem


def test_a_whole_png_passes_and_the_check_keeps_no_pixels(tmp_path: Path) -> None:
    # 4000 x 4000 RGB: 48 MB of pixel data once inflated, 50 KB on disk.
    write_png(tmp_path / "big.png", 4000, 4000, black_rows(4000, 4000))
    tracemalloc.start()
    try:
        assert problem_of(tmp_path, "big.png") is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"the check held {peak / 2**20:.1f} MiB"


def test_damaged_pixel_data_under_a_correct_checksum_is_reported(tmp_path: Path) -> None:
    data = bytearray(black_rows(300, 200))
    for offset in range(len(data) // 3, len(data) // 3 + 12):
        data[offset] ^= 0x5A  # the checksum is computed after the damage, as a repair tool would
    write_png(tmp_path / "damaged.png", 300, 200, bytes(data))
    problem = problem_of(tmp_path, "damaged.png")
    assert problem is not None and "damaged picture data" in problem, problem


def test_pixel_data_that_stops_short_is_reported(tmp_path: Path) -> None:
    data = black_rows(300, 200)
    write_png(tmp_path / "short.png", 300, 200, data[: len(data) // 2])
    problem = problem_of(tmp_path, "short.png")
    assert problem is not None and "damaged picture data" in problem, problem
