"""Caption files for the editor: read as the kiosk reads them, written with pysubs2, checked as subtitlers check.

Reading uses the kiosk's own parser (kiosk/model/captions.py), the one the loader uses: what the editor
shows is what visitors will get, and a bad timestamp is reported at its line (pysubs2 reads the good
files identically but says neither where nor why for a bad one). Writing uses pysubs2's SubRip and
WebVTT writers, chosen by the file's suffix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pysubs2

from kiosk.editor.saving import SaveError, write_atomically
from kiosk.model.captions import CaptionError, Cue, decode_caption_bytes, parse_captions

#: From the Netflix Timed Text Style Guide (adults): what professional subtitlers check.
MAX_LINE = 42
MAX_LINES = 2
MAX_CPS = 17
MIN_MS = 833
MAX_MS = 7000


@dataclass(frozen=True, slots=True)
class CueNote:
    index: int
    serious: bool  # overlapping or outside the excerpt: visitors would miss it
    message: str


def read_cues(path: Path) -> list[Cue]:
    """The cues as the kiosk reads them; CaptionError (with its line) when the file is wrong."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaptionError(1, f"cannot be read ({error.strerror})") from error
    return list(parse_captions(decode_caption_bytes(data)))


def write_cues(path: Path, cues: Sequence[Cue]) -> None:
    """Write ``cues`` as SubRip (.srt) or WebVTT (.vtt), atomically; SaveError says why not."""
    subs = pysubs2.SSAFile()
    for cue in sorted(cues, key=lambda c: (c.start_ms, c.end_ms)):
        subs.append(pysubs2.SSAEvent(start=cue.start_ms, end=cue.end_ms, text=cue.text.replace("\n", r"\N")))
    fmt = "vtt" if path.suffix.lower() == ".vtt" else "srt"
    write_atomically(path, subs.to_string(fmt), keep_backup=True)


def check_cues(cues: Sequence[Cue], start_ms: int, end_ms: int) -> list[CueNote]:
    """Cues that overlap or fall outside the excerpt (serious), and those too fast, short, long or wide."""
    notes: list[CueNote] = []
    order = sorted(range(len(cues)), key=lambda i: cues[i].start_ms)
    for position, index in enumerate(order):
        cue = cues[index]
        if cue.end_ms <= cue.start_ms:
            notes.append(CueNote(index, True, "ends before it starts"))
        if cue.end_ms <= start_ms or cue.start_ms >= end_ms:
            notes.append(CueNote(index, True, "outside the excerpt: never shown"))
        elif cue.start_ms < start_ms or cue.end_ms > end_ms:
            notes.append(CueNote(index, True, "partly outside the excerpt"))
        if position + 1 < len(order) and cues[order[position + 1]].start_ms < cue.end_ms:
            notes.append(CueNote(index, True, "overlaps the next cue"))
        duration = cue.end_ms - cue.start_ms
        lines = cue.text.splitlines() or [""]
        if 0 < duration < MIN_MS:
            notes.append(CueNote(index, False, f"on screen {duration} ms: under 5/6 of a second"))
        if duration > MAX_MS:
            notes.append(CueNote(index, False, f"on screen {duration / 1000:.1f} s: over 7 seconds"))
        characters = sum(len(line) for line in lines)
        # The kiosk wraps a cue itself: what counts is whether it fits in two lines of 42.
        if len(lines) > MAX_LINES or characters > MAX_LINES * MAX_LINE:
            notes.append(CueNote(index, False, f"longer than {MAX_LINES} lines of {MAX_LINE} characters"))
        if duration > 0 and characters * 1000 / duration > MAX_CPS:
            notes.append(
                CueNote(index, False, f"{characters * 1000 / duration:.0f} characters a second: over {MAX_CPS}")
            )
    return notes


__all__ = ["CaptionError", "Cue", "CueNote", "SaveError", "check_cues", "read_cues", "write_cues"]
