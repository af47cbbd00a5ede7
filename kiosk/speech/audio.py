"""Measuring a rendered WAV file from its samples: how long, and whether it holds sound at all."""

from __future__ import annotations

import array
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measure:
    duration_s: float
    rms: float  # root mean square of the samples, 0..1 of full scale
    voiced_fraction: float  # share of 20 ms windows louder than -40 dBFS


def measure_wav(path: Path) -> Measure:
    """Duration and loudness of a 16-bit PCM WAV file."""
    with wave.open(str(path), "rb") as stream:
        if stream.getsampwidth() != 2:
            raise ValueError(f"{path.name}: only 16-bit WAV is measured")
        rate = stream.getframerate()
        channels = stream.getnchannels()
        samples = array.array("h")
        samples.frombytes(stream.readframes(stream.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    frames = len(samples) // max(channels, 1)
    if not samples:
        return Measure(0.0, 0.0, 0.0)
    total = sum(s * s for s in samples)
    window = max(1, rate * channels // 50)
    loud = 0
    windows = 0
    for start in range(0, len(samples), window):
        chunk = samples[start : start + window]
        windows += 1
        if math.sqrt(sum(s * s for s in chunk) / len(chunk)) / 32768 > 0.01:
            loud += 1
    return Measure(frames / rate, math.sqrt(total / len(samples)) / 32768, loud / windows)
