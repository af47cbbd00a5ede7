"""Rendered speech on disk: made ahead of time by ``kiosk speak``, looked up by the kiosk.

Each rendering is a WAV file named by a hash of its text, voice and settings, so an
unchanged panel is never rendered twice and a changed one is never played stale. A
``manifest.json`` beside the files says which panel and language each file speaks, and
the text it says, so staff can listen to a panel and read what they should hear.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.model.exhibition import Exhibition, Panel, PlaceholderPanel, VideoPanel
from kiosk.model.localized import ANY_LANGUAGE, Localized
from kiosk.speech.script import Part, description_script, fallbacks_for, panel_script, plain
from kiosk.speech.synth import SpeechError, synthesise, synthesiser_version, voice_for
from kiosk.text import localize

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
#: Silence between two parts in different languages, so the change of voice is heard as a break.
_GAP_S = 0.35
_RENDERED_NAME = re.compile(r"^[0-9a-f]{24}\.wav$")


def speech_folder(exhibition: Exhibition) -> Path:
    """Where ``kiosk speak`` writes by default and where the kiosk looks: ``speech/`` in the media folder."""
    return exhibition.media_root / "speech"


def panel_key(panel_id: str, language: str) -> str:
    return f"panel/{panel_id}/{language}"


def described_key(panel_id: str, index: int, language: str) -> str:
    return f"described/{panel_id}/{index}/{language}"


def digest(parts: tuple[Part, ...], rate: int) -> str:
    """The cache key of a rendering: its text, the voice of each part and the settings."""
    voices = [voice_for(part.language, rate).settings() | {"text": part.text} for part in parts]
    data = json.dumps({"format": FORMAT_VERSION, "parts": voices}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def label_key(language: str, text: str) -> str:
    return f"label/{language}/{text}"


@dataclass(frozen=True, slots=True)
class Job:
    """One thing to say: a panel in a language, or one audio-description cue."""

    key: str
    parts: tuple[Part, ...]
    at_ms: int | None = None


def jobs(exhibition: Exhibition) -> Iterator[Job]:
    """Every text the kiosk may speak for this exhibition, in every language it offers."""
    for _, panel in exhibition.panels():
        if isinstance(panel, PlaceholderPanel):
            continue
        for language in exhibition.languages:
            fallbacks = fallbacks_for(exhibition, language)
            parts = panel_script(panel, language, fallbacks)
            recorded = panel.narration.get(language)
            if parts and (recorded is None or not recorded.usable):
                yield Job(panel_key(panel.id, language), parts)
            if isinstance(panel, VideoPanel):
                for index, (at_ms, part) in enumerate(description_script(panel, language, fallbacks)):
                    yield Job(described_key(panel.id, index, language), (part,), at_ms)
    seen: set[tuple[str, str]] = set()
    for language, label in label_texts(exhibition):
        text = plain(label)
        if text and (language, text) not in seen:
            seen.add((language, text))
            yield Job(label_key(language, text), (Part(language, text),))


def label_texts(exhibition: Exhibition) -> Iterator[tuple[str, str]]:
    """What the keypad's focus speech may say: chapter and panel titles, the kiosk's own words,
    each language's name (in that language)."""
    for language in exhibition.languages:
        fallbacks = fallbacks_for(exhibition, language)
        yield language, localize.native_name(language)
        for key in localize.SPOKEN_CHROME:
            yield language, localize.chrome(key, language)
        for chapter in exhibition.chapters:
            yield from _titled(chapter.title, language, fallbacks)
            for panel in chapter.panels:
                yield from _titled(getattr(panel, "title", None), language, fallbacks)


def _titled(text: Localized | None, language: str, fallbacks: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    if text is not None:
        resolved = text.resolve(language, fallbacks)
        spoken = plain(resolved.text)
        if spoken:
            yield (language if resolved.language == ANY_LANGUAGE else resolved.language), spoken


@dataclass(frozen=True, slots=True)
class RenderReport:
    rendered: int
    reused: int
    failed: tuple[str, ...]
    removed: int


def render(
    exhibition: Exhibition,
    out: Path,
    *,
    rate: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> RenderReport:
    """Render every job into ``out`` (reusing files already made), then write the manifest."""
    from kiosk.speech.synth import DEFAULT_RATE

    rate = rate or DEFAULT_RATE
    out.mkdir(parents=True, exist_ok=True)
    entries: dict[str, dict[str, object]] = {}
    rendered = reused = 0
    failed: list[str] = []
    for job in jobs(exhibition):
        name = f"{digest(job.parts, rate)}.wav"
        target = out / name
        if target.exists():
            reused += 1
        else:
            try:
                _render_parts(job.parts, rate, target)
            except (SpeechError, OSError, ValueError) as error:
                failed.append(f"{job.key}: {error}")
                continue
            rendered += 1
        if progress is not None:
            progress(job.key)
        entry: dict[str, object] = {
            "file": name,
            "text": " / ".join(part.text for part in job.parts),
            "languages": [part.language for part in job.parts],
        }
        if job.at_ms is not None:
            entry["at_ms"] = job.at_ms
        entries[job.key] = entry
    manifest = {
        "format": FORMAT_VERSION,
        "synthesiser": f"espeak-ng {synthesiser_version() or '?'}",
        "rate": rate,
        "entries": entries,
    }
    partial = out / (MANIFEST + ".part")
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(out / MANIFEST)
    kept = {str(entry["file"]) for entry in entries.values()}
    removed = 0
    for stale in out.iterdir():
        # Only files this command made (hash-named) are removed: staff's own files are left alone.
        if _RENDERED_NAME.match(stale.name) and stale.name not in kept:
            stale.unlink()
            removed += 1
    return RenderReport(rendered, reused, tuple(failed), removed)


def _render_parts(parts: tuple[Part, ...], rate: int, target: Path) -> None:
    if len(parts) == 1:
        synthesise(parts[0].text, voice_for(parts[0].language, rate), target)
        return
    pieces: list[Path] = []
    try:
        for index, part in enumerate(parts):
            piece = target.with_name(f"{target.stem}.{index}.part.wav")
            pieces.append(synthesise(part.text, voice_for(part.language, rate), piece))
        _join_wavs(pieces, target)
    finally:
        for piece in pieces:
            piece.unlink(missing_ok=True)


def _join_wavs(pieces: list[Path], target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    with wave.open(str(partial), "wb") as joined:
        for index, piece in enumerate(pieces):
            with wave.open(str(piece), "rb") as stream:
                if index == 0:
                    joined.setparams(stream.getparams())
                    silence = b"\0" * (
                        int(stream.getframerate() * _GAP_S) * stream.getsampwidth() * stream.getnchannels()
                    )
                else:
                    joined.writeframes(silence)
                joined.writeframes(stream.readframes(stream.getnframes()))
    os.replace(partial, target)


class SpeechLibrary:
    """What the kiosk plays for a panel: recorded narration first, else the rendered speech.

    A rendering whose text no longer matches the panel (the YAML changed since ``kiosk speak``)
    is not played: silence is better than reading a visitor yesterday's text.
    """

    def __init__(self, exhibition: Exhibition, folder: Path | None = None) -> None:
        self.exhibition = exhibition
        self.folder = folder if folder is not None else speech_folder(exhibition)
        self.rate = 0
        self.entries: dict[str, dict[str, object]] = {}
        self.problem: str | None = None
        path = self.folder / MANIFEST
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            self.rate = int(manifest["rate"])
            self.entries = dict(manifest["entries"])
        except FileNotFoundError:
            self.problem = f"no rendered speech in {self.folder}: run 'kiosk speak' on the exhibition"
        except (OSError, ValueError, KeyError, TypeError) as error:
            self.problem = f"the speech manifest {path} cannot be read ({error}): run 'kiosk speak' again"
        if self.problem:
            log.warning("%s", self.problem)

    def _rendered(self, key: str, parts: tuple[Part, ...]) -> Path | None:
        entry = self.entries.get(key)
        if not entry or not parts or not self.rate:
            return None
        name = f"{digest(parts, self.rate)}.wav"
        if entry.get("file") != name:
            return None  # stale: the text changed since it was rendered
        path = self.folder / name
        return path if path.is_file() else None

    def for_panel(self, panel: Panel, language: str) -> Path | None:
        """The sound file that reads ``panel`` in ``language``, or None when there is none."""
        if isinstance(panel, PlaceholderPanel):
            return None
        narration = panel.narration.get(language)
        if narration is not None and narration.usable:
            return narration.path
        parts = panel_script(panel, language, fallbacks_for(self.exhibition, language))
        return self._rendered(panel_key(panel.id, language), parts)

    def described(self, panel: VideoPanel, language: str) -> tuple[tuple[int, Path], ...]:
        """The excerpt's rendered description cues in ``language``: (ms on the film, file)."""
        result = []
        for index, (at_ms, part) in enumerate(
            description_script(panel, language, fallbacks_for(self.exhibition, language))
        ):
            path = self._rendered(described_key(panel.id, index, language), (part,))
            if path is not None:
                result.append((at_ms, path))
        return tuple(result)

    def for_label(self, text: str, language: str) -> Path | None:
        """The rendering of a short label (a title, a button's name) for the keypad's focus speech."""
        spoken = plain(text)
        if not spoken:
            return None
        return self._rendered(label_key(language, spoken), (Part(language, spoken),))

    def missing(self) -> list[str]:
        """Keys of the speech the exhibition needs but the folder lacks or holds stale."""
        if not self.rate:
            return [job.key for job in jobs(self.exhibition)]
        return [job.key for job in jobs(self.exhibition) if self._rendered(job.key, job.parts) is None]
