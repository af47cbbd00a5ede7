"""Make the tiny media files the loader tests use (tests/loader/fixtures/media/).

Run it again only to change them: the files are committed (a few KB in all) so the
tests never need ffmpeg. ``python tests/loader/make_fixtures.py``
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

MEDIA = Path(__file__).parent / "fixtures" / "media"


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args], check=True)


def main() -> None:
    images = MEDIA / "images"
    films = MEDIA / "video"
    captions = MEDIA / "captions"
    for folder in (images, films, captions):
        folder.mkdir(parents=True, exist_ok=True)

    Image.new("RGB", (16, 16), (200, 120, 40)).save(images / "photo.png")
    Image.new("RGB", (16, 16), (40, 120, 200)).save(images / "photo.jpg", quality=70)
    Image.new("RGB", (16, 16), (90, 90, 90)).save(images / "poster.png")
    png = (images / "photo.png").read_bytes()
    (images / "truncated.png").write_bytes(png[: len(png) // 2])
    (images / "not-really.png").write_text("This is a text file wearing a .png name.\n", encoding="utf-8")
    # A PNG named .jpg: loads, with a warning about the name.
    (images / "png-named.jpg").write_bytes(png)

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "tone.m4a"
        _ffmpeg(
            "-f",
            "lavfi",
            "-i",
            "color=c=gray:s=32x32:r=10:d=1",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-preset",
            "ultrafast",
            "-movflags",
            "+faststart",
            str(films / "clip.mp4"),
        )
        # A two-hour film in a few KB (one frame every ten minutes), for excerpts far into a film.
        _ffmpeg(
            "-f",
            "lavfi",
            "-i",
            "color=c=gray:s=32x32:r=1/600:d=7200",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-preset",
            "ultrafast",
            "-movflags",
            "+faststart",
            str(films / "long.mp4"),
        )
        _ffmpeg(
            "-f", "lavfi", "-i", "sine=frequency=440:duration=0.3", "-c:a", "aac", "-b:a", "16k", "-f", "mp4", str(wav)
        )
        (films / "sound-only.mp4").write_bytes(wav.read_bytes())
    clip = (films / "clip.mp4").read_bytes()
    (films / "truncated.mp4").write_bytes(clip[: len(clip) * 2 // 3])

    (captions / "good.en.srt").write_text(
        "1\n00:00:00,000 --> 00:00:00,500\nHello.\n\n2\n00:00:00,500 --> 00:00:01,000\nGoodbye.\n",
        encoding="utf-8",
    )
    (captions / "good.fr.vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:00.500\nBonjour.\n\n00:00.500 --> 00:01.000\nAu revoir.\n",
        encoding="utf-8",
    )
    # Line 6 holds the bad timestamp (a colon where the comma goes, and one digit short).
    (captions / "bad-time.en.srt").write_text(
        "1\n00:00:00,000 --> 00:00:00,500\nHello.\n\n2\n00:00:00:50 --> 00:00:01,000\nGoodbye.\n",
        encoding="utf-8",
    )
    # Line 3 holds a Latin-1 'é'.
    (captions / "latin1.fr.srt").write_bytes("1\n00:00:00,000 --> 00:00:00,500\nD\u00e9j\u00e0.\n".encode("latin-1"))


if __name__ == "__main__":
    main()
