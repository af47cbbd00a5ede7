"""The offline speech synthesiser: espeak-ng, run as a command, writing a WAV file.

A command and not a library binding: espeak-ng's Debian package is the command and its
data, its output is a plain 22.05 kHz mono WAV that libVLC plays, and a synthesiser that is
missing or crashes costs one failed render, never the process that asked for it.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: espeak-ng voice for each exhibition language (the language's base code).
VOICES = {"fr": "fr", "en": "en-gb", "ar": "ar"}
#: Words per minute: a little slower than espeak-ng's 175, for a noisy booth.
DEFAULT_RATE = 160
DEFAULT_TIMEOUT_S = 60.0


class SpeechError(RuntimeError):
    """Speech could not be made; the message says why, in words staff can act on."""


@dataclass(frozen=True, slots=True)
class Voice:
    """Everything that changes the sound of a rendering (and so belongs in its cache key)."""

    language: str
    name: str
    rate: int = DEFAULT_RATE
    pitch: int = 50

    def settings(self) -> dict[str, object]:
        return {"language": self.language, "voice": self.name, "rate": self.rate, "pitch": self.pitch}


def voice_for(language: str, rate: int = DEFAULT_RATE) -> Voice:
    base = language.split("-")[0].lower()
    name = VOICES.get(base)
    if name is None:
        raise SpeechError(f"no voice for the language '{language}' (voices: {', '.join(VOICES)})")
    return Voice(base, name, rate)


def find_synthesiser() -> str | None:
    """The espeak-ng command, or None when it is not installed."""
    return shutil.which("espeak-ng")


def synthesiser_version(command: str | None = None) -> str | None:
    command = command or find_synthesiser()
    if command is None:
        return None
    try:
        out = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    # "eSpeak NG text-to-speech: 1.51  Data at: ..."
    words = out.stdout.split()
    return words[3] if len(words) > 3 else (out.stdout.strip() or None)


def synthesise(text: str, voice: Voice, out: Path, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Path:
    """Render ``text`` spoken by ``voice`` into the WAV file ``out`` (written whole or not at all)."""
    if not text.strip():
        raise SpeechError("there is no text to speak (the text is empty)")
    command = find_synthesiser()
    if command is None:
        raise SpeechError("the speech synthesiser espeak-ng is not installed (apt-get install espeak-ng)")
    partial = out.with_name(out.name + ".part")
    args = [
        command,
        "-v",
        voice.name,
        "-s",
        str(voice.rate),
        "-p",
        str(voice.pitch),
        "-b",
        "1",
        "--stdin",
        "-w",
        str(partial),
    ]
    try:
        # Text on standard input, never in the arguments: a text starting with '-' stays text.
        result = subprocess.run(args, input=text.encode("utf-8"), capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        partial.unlink(missing_ok=True)
        raise SpeechError(f"espeak-ng took longer than {timeout_s:g} s and was stopped") from None
    except OSError as error:
        raise SpeechError(f"espeak-ng could not be started ({error.strerror})") from None
    if result.returncode != 0 or not partial.exists() or partial.stat().st_size <= 44:
        partial.unlink(missing_ok=True)
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SpeechError(f"espeak-ng failed ({detail[-1] if detail else f'exit status {result.returncode}'})")
    partial.replace(out)
    return out
