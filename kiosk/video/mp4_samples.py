"""Which frame is which in an MP4: the video track's own sample tables, read without Qt or libVLC.

An MP4 (ISO BMFF) film lists every frame of its video track in the ``stbl`` box: how long each
one is in decoding order (``stts``), how much later than it is decoded it is shown
(``ctts``, present with B-frames), which ones are key frames (``stss``; absent when every frame
is one), and the ``elst`` edit list shifts the whole track so that the first frame shown is at 0.
From them every frame's decoding and presentation time is known exactly, which libVLC's frame
callbacks never say. The kiosk uses them to know where libVLC will start a film it is asked
to open at a time (its MP4 demuxer goes to the last key frame *decoded* at or before that time,
docs/video.md), and so to start it where it lands on the exact frame.

Only what that needs is read: the first video track, version 0 and 1 boxes, 32- and 64-bit box
sizes. Fragmented MP4s (``moof``) have no sample tables in ``moov``: :func:`read_samples` gives
None for them, and for anything it cannot read, as for a film it was not told about.
"""

from __future__ import annotations

import bisect
import os
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Boxes that only contain other boxes, on the way to the sample tables.
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts"}
#: A moov larger than this is not read (a film's moov is kilobytes to a few megabytes).
_MAX_MOOV = 64 * 1024 * 1024


class _Malformed(Exception):
    pass


@dataclass(frozen=True, slots=True)
class VideoSamples:
    """The frames of a film's video track, in presentation order, times in milliseconds."""

    #: Presentation time of each frame, ascending (the first shown is at about 0).
    shown_ms: tuple[float, ...]
    #: Decoding time of each of those frames (same order as ``shown_ms``).
    decoded_ms: tuple[float, ...]
    #: Indexes (into ``shown_ms``) of the key frames, ascending.
    key_frames: tuple[int, ...]
    #: The picture's size in pixels as coded (its visible part: 1920x1080 where the decoder
    #: works on 1920x1088); (0, 0) when the sample description does not say.
    width: int = 0
    height: int = 0

    @property
    def frame_count(self) -> int:
        return len(self.shown_ms)

    def frame_at(self, film_ms: float) -> int:
        """Index of the frame showing at ``film_ms`` (the last shown at or before it)."""
        return max(0, bisect.bisect_right(self.shown_ms, film_ms + 1e-6) - 1)

    def key_frame_for_seek(self, film_ms: float) -> int:
        """The key frame a demuxer that seeks by decoding time starts from for ``film_ms``: the
        last key frame decoded at or before it (libVLC 3's MP4 demuxer)."""
        chosen = self.key_frames[0]
        for index in self.key_frames:
            if self.decoded_ms[index] <= film_ms + 1e-6:
                chosen = index
            else:
                break
        return chosen

    def lands_late(self, film_ms: float) -> bool:
        """True when a start at ``film_ms`` would begin decoding at a key frame shown after it:
        the frames between ``film_ms`` and that key frame are never decoded, the start is late."""
        key = self.key_frame_for_seek(film_ms)
        return self.shown_ms[key] > film_ms + 1e-6 and self.frame_at(film_ms) < key

    def safe_start_ms(self, film_ms: float) -> float:
        """A time at or before ``film_ms`` from which libVLC decodes the frame at ``film_ms``:
        ``film_ms`` itself, or just before the decoding time of the key frame it would land on."""
        if not self.lands_late(film_ms):
            return film_ms
        key = self.key_frame_for_seek(film_ms)
        return max(0.0, self.decoded_ms[key] - 1.0)


def read_samples(path: Path | str) -> VideoSamples | None:
    """The video track's frames of the MP4 at ``path``, or None (not an MP4, no video track,
    fragmented, damaged, unreadable)."""
    try:
        with open(path, "rb") as stream:
            moov = _find_moov(stream)
            if moov is None:
                return None
            for trak in _children(memoryview(moov), b"trak"):  # views: no copy of each box
                samples = _video_track(trak)
                if samples is not None:
                    return samples
    except (OSError, _Malformed, struct.error, ValueError, IndexError):
        return None
    return None


def _find_moov(stream: object) -> bytes | None:
    import io

    assert isinstance(stream, io.BufferedIOBase)
    offset = 0
    while True:
        stream.seek(offset)
        header = stream.read(16)
        if len(header) < 8:
            return None
        size, kind = struct.unpack(">I4s", header[:8])
        head = 8
        if size == 1:
            size, head = struct.unpack(">Q", header[8:16])[0], 16
        elif size == 0:
            return stream.read()[head - 8 :] if kind == b"moov" else None
        if size < head:
            raise _Malformed
        if kind == b"moov":
            if size > _MAX_MOOV:
                return None
            stream.seek(offset + head)
            body = stream.read(size - head)
            if len(body) < size - head:
                raise _Malformed
            return body
        offset += size


def _boxes(data: bytes | memoryview) -> Iterator[tuple[bytes, bytes | memoryview]]:
    """(type, body) of each box in ``data``."""
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, offset)
        head = 8
        if size == 1:
            size, head = struct.unpack_from(">Q", data, offset + 8)[0], 16
        elif size == 0:
            size = len(data) - offset
        if size < head or offset + size > len(data):
            raise _Malformed
        yield bytes(kind), data[offset + head : offset + size]
        offset += size


def _children(data: bytes | memoryview, kind: bytes) -> Iterator[bytes | memoryview]:
    return (body for found, body in _boxes(data) if found == kind)


def _child(data: bytes | memoryview, *path: bytes) -> bytes | memoryview | None:
    for kind in path:
        found = next(_children(data, kind), None)
        if found is None:
            return None
        data = found
    return data


def _video_track(trak: bytes | memoryview) -> VideoSamples | None:
    mdia = _child(trak, b"mdia")
    if mdia is None:
        return None
    hdlr = _child(mdia, b"hdlr")
    if hdlr is None or hdlr[8:12] != b"vide":
        return None
    mdhd = _child(mdia, b"mdhd")
    stbl = _child(mdia, b"minf", b"stbl")
    if mdhd is None or stbl is None:
        return None
    timescale = struct.unpack_from(">I", mdhd, 20 if mdhd[0] == 1 else 12)[0]
    stts = _child(stbl, b"stts")
    if not timescale or stts is None:
        return None
    durations = _runs(stts)
    count = len(durations)
    if count == 0:
        return None
    ctts = _child(stbl, b"ctts")
    offsets = _runs(ctts, signed=ctts[0] == 1) if ctts is not None else [0] * count
    if len(offsets) < count:
        offsets += [0] * (count - len(offsets))
    stss = _child(stbl, b"stss")
    keys = {n - 1 for n in _table(stss)} if stss is not None else set(range(count))
    shift = _edit_shift(trak)
    decoded = []
    clock = 0
    for duration in durations:
        decoded.append(clock)
        clock += duration
    shown = [d + o for d, o in zip(decoded, offsets[:count], strict=True)]
    order = sorted(range(count), key=shown.__getitem__)
    scale = 1000.0 / timescale
    shown_ms = tuple((shown[i] - shift) * scale for i in order)
    decoded_ms = tuple((decoded[i] - shift) * scale for i in order)
    position = {sample: rank for rank, sample in enumerate(order)}
    key_frames = tuple(sorted(position[k] for k in keys if k < count))
    if not key_frames:
        return None
    width, height = _coded_size(stbl)
    return VideoSamples(shown_ms, decoded_ms, key_frames, width, height)


def _coded_size(stbl: bytes | memoryview) -> tuple[int, int]:
    """Width and height from the first visual sample entry (avc1, hvc1...) of ``stsd``."""
    stsd = _child(stbl, b"stsd")
    if stsd is None or len(stsd) < 8 + 36:
        return 0, 0
    entry = stsd[8:]  # after version, flags and the entry count
    width, height = struct.unpack_from(">HH", entry, 32)
    return int(width), int(height)


def _edit_shift(trak: bytes | memoryview) -> int:
    """The media time the edit list starts the track at (B-frame delay), in track units."""
    elst = _child(trak, b"edts", b"elst")
    if elst is None:
        return 0
    version = elst[0]
    entries = struct.unpack_from(">I", elst, 4)[0]
    offset = 8
    for _ in range(entries):
        if version == 1:
            _duration, media_time = struct.unpack_from(">Qq", elst, offset)
            offset += 16
        else:
            _duration, media_time = struct.unpack_from(">Ii", elst, offset)
            offset += 8
        offset += 4  # rate
        if media_time >= 0:  # -1 is an empty edit (a delay before the track)
            return int(media_time)
    return 0


def _runs(box: bytes | memoryview, *, signed: bool = False) -> list[int]:
    """stts or ctts: (count, value) runs expanded to one value per sample."""
    entries = struct.unpack_from(">I", box, 4)[0]
    if entries > 10_000_000:
        raise _Malformed
    values: list[int] = []
    form = ">Ii" if signed else ">II"
    for index in range(entries):
        count, value = struct.unpack_from(form, box, 8 + 8 * index)
        if len(values) + count > 50_000_000:
            raise _Malformed
        values.extend([value] * count)
    return values


def _table(box: bytes | memoryview) -> list[int]:
    entries = struct.unpack_from(">I", box, 4)[0]
    return list(struct.unpack_from(f">{entries}I", box, 8))


_known: dict[tuple[str, int, int], VideoSamples | None] = {}
_reading: set[tuple[str, int, int]] = set()
_known_lock = threading.Lock()


def _key(path: Path | str) -> tuple[str, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (str(path), status.st_size, status.st_mtime_ns)


def samples_for(path: Path | str) -> VideoSamples | None:
    """:func:`read_samples`, remembered while the file keeps its size and modification time (a
    kiosk opens the same few films again and again). Reads the file when it is not known yet:
    off the UI thread, call :func:`read_ahead` early and :func:`known_samples` at the moment."""
    key = _key(path)
    if key is None:
        return None
    with _known_lock:
        if key in _known:
            return _known[key]
    samples = read_samples(path)
    with _known_lock:
        if len(_known) > 64:  # an exhibition has a few films; forget all when there are many
            _known.clear()
        _known[key] = samples
    return samples


def known_samples(path: Path | str) -> VideoSamples | None:
    """The film's tables if they have been read already; never reads the file (for the UI
    thread: a two-hour film's tables take most of a second to read in Python)."""
    key = _key(path)
    with _known_lock:
        return _known.get(key) if key is not None else None


def read_ahead(path: Path | str) -> None:
    """Read the film's tables on a thread of their own, if they are not known or being read."""
    key = _key(path)
    if key is None:
        return
    with _known_lock:
        if key in _known or key in _reading:
            return
        _reading.add(key)

    def read() -> None:
        try:
            samples_for(path)
        finally:
            with _known_lock:
                _reading.discard(key)

    threading.Thread(target=read, name="mp4-samples", daemon=True).start()


_sizes: dict[tuple[str, int, int], tuple[int, int]] = {}


def coded_size(path: Path | str) -> tuple[int, int]:
    """The video track's visible size from its sample description, (0, 0) when unknown. Cheap
    enough for the UI thread (the ``moov`` box is read, its sample tables are not expanded),
    and remembered while the file is unchanged."""
    samples = known_samples(path)
    if samples is not None:
        return samples.width, samples.height
    key = _key(path)
    if key is None:
        return 0, 0
    with _known_lock:
        if key in _sizes:
            return _sizes[key]
    size = (0, 0)
    try:
        with open(path, "rb") as stream:
            found = _find_moov(stream)
        moov = memoryview(found) if found is not None else None  # boxes as views: no copies
        for trak in _children(moov, b"trak") if moov is not None else ():
            mdia = _child(trak, b"mdia")
            hdlr = _child(mdia, b"hdlr") if mdia is not None else None
            stbl = _child(mdia, b"minf", b"stbl") if mdia is not None else None
            if hdlr is not None and hdlr[8:12] == b"vide" and stbl is not None:
                size = _coded_size(stbl)
                break
    except (OSError, _Malformed, struct.error, ValueError, IndexError):
        size = (0, 0)
    with _known_lock:
        if len(_sizes) > 64:
            _sizes.clear()
        _sizes[key] = size
    return size


def landing_start_ms(path: Path | str, film_ms: float) -> float:
    """Where to ask libVLC to start so that it decodes the frame at ``film_ms``: ``film_ms``,
    or just before the key frame its demuxer would otherwise land on past it. Uses the tables
    only if they have been read (:func:`read_ahead`); else ``film_ms``, as before they existed."""
    samples = known_samples(path)
    return film_ms if samples is None else samples.safe_start_ms(film_ms)
