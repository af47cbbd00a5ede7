"""Caption files (SubRip .srt and WebVTT .vtt), parsed into timed cues.

Pure Python on purpose: the loader must point staff at the exact line of a bad
timestamp, which the caption libraries on PyPI do not report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[,.](\d{3})"
_CUE_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_TIMING_LIKE = re.compile(r"-+>|\d{1,2}:\d{2}")
_TAG = re.compile(r"</?(?:[a-z]+)(?:\.[^>\s]*)?(?:\s[^>]*)?>|<\d{1,2}:\d{2}[^>]*>", re.IGNORECASE)


class CaptionError(ValueError):
    """A caption file the kiosk cannot read; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption, shown from ``start_ms`` (inclusive) to ``end_ms`` (exclusive)."""

    start_ms: int
    end_ms: int
    text: str


def _ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def decode_caption_bytes(data: bytes) -> str:
    """Caption text as UTF-8 (a BOM is allowed); other encodings are refused with the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CaptionError(
            line, f"not UTF-8 text (byte 0x{data[error.start]:02X}); save the captions as UTF-8"
        ) from None


def parse_captions(text: str) -> tuple[Cue, ...]:
    """Parse SRT or WebVTT text; raise :class:`CaptionError` at the first bad line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 0
    if lines and lines[0].startswith("WEBVTT"):
        index = 1
        # Skip the header block, and NOTE, STYLE and REGION blocks up to the first cue.
    cues: list[Cue] = []
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if line.startswith(("NOTE", "STYLE", "REGION")):
            while index < len(lines) and lines[index].strip():
                index += 1
            continue
        timing = _CUE_TIMING.match(line)
        if timing is None and index + 1 < len(lines):
            # A cue number (SRT) or identifier (WebVTT) comes before the timing line.
            timing = _CUE_TIMING.match(lines[index + 1])
            if timing is not None:
                index += 1
        if timing is None:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            # A line holding a time or an arrow was meant as the timing line, even when mangled
            # ("->", a missing millisecond): say so, at that line.
            looks_like_timing = bool(_TIMING_LIKE.search(line) or _TIMING_LIKE.search(following))
            bad = index + 1 if _TIMING_LIKE.search(line) or not looks_like_timing else index + 2
            raise CaptionError(
                bad,
                "bad cue timing; write it as 00:01:02,500 --> 00:01:04,000"
                if looks_like_timing
                else f"expected a cue number or a timing line, found '{line.strip()[:40]}'",
            )
        start = _ms(*timing.groups()[:4])
        end = _ms(*timing.groups()[4:])
        if end <= start:
            raise CaptionError(index + 1, "the cue ends before it starts")
        if int(timing.group(3)) > 59 or int(timing.group(7)) > 59:
            raise CaptionError(index + 1, "seconds must be 00 to 59")
        index += 1
        body: list[str] = []
        while index < len(lines) and lines[index].strip():
            body.append(_TAG.sub("", lines[index]).strip())
            index += 1
        cues.append(Cue(start, end, "\n".join(body)))
    return tuple(sorted(cues, key=lambda cue: cue.start_ms))


def cue_at(cues: tuple[Cue, ...], position_ms: int) -> Cue | None:
    """The cue showing at ``position_ms`` (ms from the start of the file's timeline)."""
    for cue in cues:
        if cue.start_ms <= position_ms < cue.end_ms:
            return cue
        if cue.start_ms > position_ms:
            break
    return None
