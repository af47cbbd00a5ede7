"""Where an MP4's key frames are, and whether it has B-frames: read from its sample tables, nothing decoded.

Why the editor wants it (docs/video.md): a visitor who taps play on a film the kiosk has not prepared
starts it the quick way, and libVLC, looking the start up by decoding time, begins 2-3 frames late when
the start lies one or two frames before a key frame of a film with B-frames. The picker warns there and
offers the key frame itself, which starts exactly either way.
"""

from __future__ import annotations

import itertools
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Boxes that hold other boxes on the way to a video track's sample tables.
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}
#: A moov larger than this is not read (a film's is a few MB at most).
MAX_MOOV_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class KeyFrames:
    """Presentation times (ms) of the video's key frames, and whether frames are reordered (B-frames)."""

    times_ms: tuple[float, ...]
    reordered: bool

    def late_start(self, start_ms: float, frame_ms: float) -> float | None:
        """The key frame a quick start at ``start_ms`` would land on instead, if it lies within two frames after."""
        if not self.reordered:
            return None
        for key in self.times_ms:
            if 0 < key - start_ms <= 2 * frame_ms + 0.5:
                return key
        return None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    offset = start
    while offset + 8 <= end:
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        header = 8
        if size == 1 and offset + 16 <= end:
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            return
        yield kind, offset + header, offset + size
        offset += size


def _find(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for found, body, stop in _boxes(data, start, end):
        if found == kind:
            return body, stop
    return None


def _read_moov(path: Path) -> bytes | None:
    with path.open("rb") as stream:
        size_of_file = path.stat().st_size
        offset = 0
        while offset + 8 <= size_of_file:
            stream.seek(offset)
            header = stream.read(16)
            size, kind = struct.unpack(">I4s", header[:8])
            if size == 1:
                size = struct.unpack(">Q", header[8:16])[0]
            elif size == 0:
                size = size_of_file - offset
            if size < 8:
                return None
            if kind == b"moov":
                if size > MAX_MOOV_BYTES:
                    return None
                stream.seek(offset)
                return stream.read(size)
            offset += size
    return None


def key_frames(path: Path) -> KeyFrames | None:
    """The video track's key frames, or None when the file is not an MP4 this can read."""
    try:
        moov = _read_moov(path)
    except (OSError, struct.error):
        return None
    if moov is None:
        return None
    try:
        return _video_key_frames(moov)
    except (struct.error, IndexError, ValueError):
        return None


def _video_key_frames(moov: bytes) -> KeyFrames | None:
    for kind, body, stop in _boxes(moov, 8, len(moov)):
        if kind != b"trak":
            continue
        mdia = _find(moov, body, stop, b"mdia")
        if mdia is None:
            continue
        hdlr = _find(moov, *mdia, b"hdlr")
        if hdlr is None or moov[hdlr[0] + 8 : hdlr[0] + 12] != b"vide":
            continue
        mdhd = _find(moov, *mdia, b"mdhd")
        minf = _find(moov, *mdia, b"minf")
        stbl = _find(moov, *minf, b"stbl") if minf else None
        if mdhd is None or stbl is None:
            return None
        version = moov[mdhd[0]]
        timescale = struct.unpack(">I", moov[mdhd[0] + (20 if version == 1 else 12) :][:4])[0]
        return _from_tables(moov, stbl, timescale)
    return None


def _from_tables(moov: bytes, stbl: tuple[int, int], timescale: int) -> KeyFrames | None:
    stts = _find(moov, *stbl, b"stts")
    if stts is None or timescale <= 0:
        return None
    decode_times: list[int] = []
    count = struct.unpack(">I", moov[stts[0] + 4 : stts[0] + 8])[0]
    clock = 0
    for entry in range(count):
        samples, delta = struct.unpack(">II", moov[stts[0] + 8 + 8 * entry : stts[0] + 16 + 8 * entry])
        for _ in range(samples):
            decode_times.append(clock)
            clock += delta
    offsets = [0] * len(decode_times)
    ctts = _find(moov, *stbl, b"ctts")
    if ctts is not None:
        version = moov[ctts[0]]
        count = struct.unpack(">I", moov[ctts[0] + 4 : ctts[0] + 8])[0]
        sample = 0
        for entry in range(count):
            samples, offset = struct.unpack(
                ">I" + ("i" if version == 1 else "I"), moov[ctts[0] + 8 + 8 * entry : ctts[0] + 16 + 8 * entry]
            )
            for _ in range(samples):
                if sample < len(offsets):
                    offsets[sample] = offset
                sample += 1
    presentation = [decode + offset for decode, offset in zip(decode_times, offsets, strict=True)]
    reordered = any(later < earlier for earlier, later in itertools.pairwise(presentation))
    stss = _find(moov, *stbl, b"stss")
    if stss is None:  # every sample is a key frame
        keys = list(range(len(presentation)))
    else:
        count = struct.unpack(">I", moov[stss[0] + 4 : stss[0] + 8])[0]
        keys = [struct.unpack(">I", moov[stss[0] + 8 + 4 * i : stss[0] + 12 + 4 * i])[0] - 1 for i in range(count)]
    # Times relative to the first picture shown (an edit list usually shifts B-frame films by that much).
    first = min(presentation) if presentation else 0
    times = tuple(sorted((presentation[k] - first) * 1000 / timescale for k in keys if 0 <= k < len(presentation)))
    return KeyFrames(times, reordered)
