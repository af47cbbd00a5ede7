"""Make a corpus of hostile media files and an exhibition that references every one of them.

    .venv/bin/python tools/make_hostile_media.py OUT_FOLDER

writes ``OUT_FOLDER/exhibition.yaml`` and ``OUT_FOLDER/media/``. The tests in tests/hostile/
build it into a temporary folder (nothing big is committed) and check that the loader
reports what it can see and that the running kiosk shows a placeholder for each file,
logs it once and keeps going with bounded memory.

The image bombs are real, valid files that stay small on disk: the JPEG is written by hand
with one-bit Huffman codes so every 8x8 block costs two bits (30000 x 30000 pixels in
3.5 MB), the PNG is one-bit grey deflated in a stream. Nothing here ever decodes them.

Each :class:`Case` says which panel and key reference the file and what the loader is
expected to say about it (a fragment of its message), or ``None`` when the damage cannot
be seen without decoding the file: the running kiosk must cope with those on its own.
"""

from __future__ import annotations

import argparse
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

#: Pixel size of the image bombs (the issue's 30000 x 30000).
BOMB_SIDE = 30_000
#: A big image the loader still accepts (49 megapixels, under its 60 MP limit): the kiosk
#: must decode it at display size, or one visit to it costs 49-196 MB.
LARGE_SIDE = 7_000


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile file and where the exhibition uses it.

    ``loader_says``: a fragment of the loader's message for it, or None when the loader
    cannot see the damage (then only the running kiosk can). ``severity`` is what the
    loader should call it. ``panel`` is the id of the panel that shows it.
    """

    name: str
    relative: str
    panel: str
    key: str
    loader_says: str | None
    severity: str = "error"
    why: str = ""


@dataclass(slots=True)
class Corpus:
    root: Path
    exhibition: Path
    media: Path
    cases: list[Case] = field(default_factory=list)

    def case(self, name: str) -> Case:
        return next(case for case in self.cases if case.name == name)

    @property
    def panels(self) -> list[str]:
        return list(dict.fromkeys(case.panel for case in self.cases))


# --- images -------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(width: int, height: int, rows: bytes | None = None, *, bit_depth: int = 8, colour: int = 2) -> bytes:
    """A PNG from raw scanlines (filter byte included); a grey gradient when ``rows`` is None."""
    if rows is None:
        channels = {0: 1, 2: 3}[colour]
        rows = b"".join(
            b"\x00" + bytes((x * 255 // max(1, width - 1)) for x in range(width) for _ in range(channels))
            for _ in range(height)
        )
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows, 9))
        + _png_chunk(b"IEND", b"")
    )


def write_png_bomb(path: Path, side: int) -> None:
    """A valid one-bit grey PNG of side x side pixels, deflated as a stream (about 0.1% of its raw size)."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)))
        block = row * 1000
        pieces: list[bytes] = []
        for start in range(0, side, 1000):
            pieces.append(compressor.compress(block if side - start >= 1000 else row * (side - start)))
        pieces.append(compressor.flush())
        out.write(_png_chunk(b"IDAT", b"".join(pieces)))
        out.write(_png_chunk(b"IEND", b""))


def write_flat_jpeg(path: Path, width: int, height: int) -> None:
    """A valid baseline greyscale JPEG of mid grey, two bits per 8x8 block, written in chunks.

    Both Huffman tables hold a single one-bit code ("0"): DC difference 0 and end-of-block.
    So the entropy-coded data is all zero bits, and a 30000 x 30000 picture is 3.5 MB.
    """
    if width % 8 or height % 8:
        raise ValueError("width and height must be multiples of 8")

    def segment(marker: int, payload: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    one_code = bytes([1] + [0] * 15)  # one code of length 1
    head = (
        b"\xff\xd8"
        + segment(0xDB, b"\x00" + b"\x01" * 64)  # quantisation table 0: all ones
        + segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")  # SOF0, one component
        + segment(0xC4, b"\x00" + one_code + b"\x00")  # DC table 0: category 0
        + segment(0xC4, b"\x10" + one_code + b"\x00")  # AC table 0: end of block
        + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")  # start of scan
    )
    bits = 2 * (width // 8) * (height // 8)
    whole, rest = divmod(bits, 8)
    with path.open("wb") as out:
        out.write(head)
        chunk = b"\x00" * (1 << 20)
        remaining = whole
        while remaining:
            size = min(remaining, len(chunk))
            out.write(chunk[:size])
            remaining -= size
        if rest:
            out.write(bytes([0xFF >> rest]))  # pad the last byte with one bits, as JPEG requires
        out.write(b"\xff\xd9")


def small_jpeg() -> bytes:
    from PIL import Image  # only the generator needs Pillow to write a photo-like JPEG

    image = Image.new("RGB", (320, 240))
    image.putdata([(x % 256, y % 256, (x * y) % 256) for y in range(240) for x in range(320)])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "photo.jpg"
        image.save(path, quality=85)
        return path.read_bytes()


def _corrupt_png_idat(png: bytes, *, keep_crc: bool) -> bytes:
    """Flip bytes inside the IDAT data; with ``keep_crc`` the chunk's checksum is recomputed,
    so only decoding the pixels can tell (the loader's header check cannot)."""
    start = png.index(b"IDAT") - 4
    length = struct.unpack(">I", png[start : start + 4])[0]
    data = bytearray(png[start + 8 : start + 8 + length])
    for offset in range(2, len(data) - 4, 7):
        data[offset] ^= 0x5A
    crc_stored = png[start + 8 + length : start + 12 + length]
    crc = struct.pack(">I", zlib.crc32(b"IDAT" + bytes(data)) & 0xFFFFFFFF) if keep_crc else crc_stored
    return png[: start + 8] + bytes(data) + crc + png[start + 12 + length :]


# --- films and captions ---------------------------------------------------------------------


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args], check=True)


def make_clip(path: Path, seconds: float = 3.0) -> None:
    """A small H.264/AAC film (320x180, 25 fps) with a moving test picture and a tone."""
    _ffmpeg(
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=s=320x180:r=25:d={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=440:duration={seconds}",
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        "-preset",
        "ultrafast",
        "-g",
        "25",
        "-c:a",
        "aac",
        "-b:a",
        "32k",
        "-shortest",
        "-movflags",
        "+faststart",
        str(path),
    )


def _noise_in_mdat(clip: bytes, seed: int = 6) -> bytes:
    """The film with its media data replaced by noise: the header is whole, the pictures are not."""
    offset = 0
    while offset + 8 <= len(clip):
        size = struct.unpack(">I", clip[offset : offset + 4])[0]
        if clip[offset + 4 : offset + 8] == b"mdat":
            noise = random.Random(seed).randbytes(size - 8)
            return clip[: offset + 8] + noise + clip[offset + size :]
        if size < 8:
            break
        offset += size
    raise ValueError("no mdat box in the clip")


GOOD_SRT = "1\n00:00:00,000 --> 00:00:01,000\nHello.\n\n2\n00:00:01,000 --> 00:00:02,500\nStill here.\n"


# --- the corpus -----------------------------------------------------------------------------


def make_corpus(root: Path) -> Corpus:
    """Write the hostile media and an exhibition using each file into ``root``."""
    media = root / "media"
    images, films, captions = media / "images", media / "video", media / "captions"
    for folder in (images, films, captions):
        folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root, root / "exhibition.yaml", media)
    add = corpus.cases.append

    # Good files, so a panel's damaged part stands beside working ones.
    good_png = png_bytes(64, 48)
    (images / "good.png").write_bytes(good_png)
    clip = films / "good.mp4"
    make_clip(clip)
    (captions / "good.en.srt").write_text(GOOD_SRT, encoding="utf-8")

    # -- images --------------------------------------------------------------------------
    jpeg = small_jpeg()
    (images / "zero.png").write_bytes(b"")
    add(Case("zero-byte image", "images/zero.png", "img-zero", "src", "is empty (0 bytes)"))
    (images / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    add(Case("truncated JPEG", "images/truncated.jpg", "img-truncated-jpeg", "src", "truncated"))
    (images / "truncated.png").write_bytes(good_png[: len(good_png) // 2])
    add(Case("truncated PNG", "images/truncated.png", "img-truncated-png", "src", "damaged"))
    (images / "text.png").write_text("Not a picture: a text file named .png\n", encoding="utf-8")
    add(Case("text named .png", "images/text.png", "img-text", "src", "is not an image"))
    shutil.copyfile(clip, images / "film.jpg")
    add(Case("film named .jpg", "images/film.jpg", "img-film", "src", "contains MP4 video data"))
    (images / "png-named.jpg").write_bytes(good_png)
    add(
        Case(
            "PNG named .jpg",
            "images/png-named.jpg",
            "img-png-named-jpg",
            "src",
            "rename it",
            severity="warning",
            why="shows normally: Qt reads the content, not the name",
        )
    )
    (images / "bad-crc.png").write_bytes(_corrupt_png_idat(good_png, keep_crc=False))
    add(Case("PNG chunk with a bad checksum", "images/bad-crc.png", "img-bad-crc", "src", "damaged"))
    (images / "bad-deflate.png").write_bytes(_corrupt_png_idat(good_png, keep_crc=True))
    add(
        Case(
            "PNG with corrupt pixel data (checksum intact)",
            "images/bad-deflate.png",
            "img-bad-deflate",
            "src",
            "damaged picture data",
            why="the header and checksums are fine: the loader inflates the pixel data to see it",
        )
    )
    write_flat_jpeg(images / "bomb.jpg", BOMB_SIDE, BOMB_SIDE)
    add(Case(f"JPEG of {BOMB_SIDE} x {BOMB_SIDE} pixels", "images/bomb.jpg", "img-bomb-jpeg", "src", "too large"))
    write_png_bomb(images / "bomb.png", BOMB_SIDE)
    add(Case(f"PNG of {BOMB_SIDE} x {BOMB_SIDE} pixels", "images/bomb.png", "img-bomb-png", "src", "too large"))
    write_flat_jpeg(images / "large.jpg", LARGE_SIDE, LARGE_SIDE)
    add(
        Case(
            f"JPEG of {LARGE_SIDE} x {LARGE_SIDE} pixels (allowed)",
            "images/large.jpg",
            "img-large",
            "src",
            None,
            why="under the loader's limit: the kiosk must decode it at display size",
        )
    )
    (images / "huge.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BOMB_SIDE}" height="{BOMB_SIDE}" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#808080"/><circle cx="5" cy="5" r="3" fill="#E2A740"/></svg>\n',
        encoding="utf-8",
    )
    add(
        Case(
            f"SVG declaring {BOMB_SIDE} x {BOMB_SIDE} pixels",
            "images/huge.svg",
            "img-huge-svg",
            "src",
            None,
            why="a vector picture: fine if rendered at display size, 3.6 GB if rendered at its declared size",
        )
    )
    add(Case("missing file", "images/goood.png", "img-missing", "src", "file not found"))

    # -- films ---------------------------------------------------------------------------
    clip_bytes = clip.read_bytes()
    (films / "zero.mp4").write_bytes(b"")
    add(Case("zero-byte film", "video/zero.mp4", "film-zero", "src", "is empty (0 bytes)"))
    (films / "truncated.mp4").write_bytes(clip_bytes[: len(clip_bytes) * 2 // 3])
    add(Case("truncated MP4", "video/truncated.mp4", "film-truncated", "src", "truncated"))
    with tempfile.TemporaryDirectory() as tmp:
        sound = Path(tmp) / "sound.m4a"
        _ffmpeg(
            "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", "-b:a", "32k", "-f", "mp4", str(sound)
        )
        shutil.copyfile(sound, films / "sound-only.mp4")
    add(Case("MP4 with no video stream", "video/sound-only.mp4", "film-no-video", "src", "no video picture"))
    (films / "picture.mp4").write_bytes(good_png)
    add(Case("PNG named .mp4", "video/picture.mp4", "film-png", "src", "contains PNG image data"))
    (films / "text.mp4").write_text("Not a film.\n", encoding="utf-8")
    add(Case("text named .mp4", "video/text.mp4", "film-text", "src", "is not a film"))
    (films / "noise.mp4").write_bytes(_noise_in_mdat(clip_bytes))
    add(
        Case(
            "MP4 with noise for pictures (header intact)",
            "video/noise.mp4",
            "film-noise",
            "src",
            None,
            why="its boxes are whole: only decoding shows the pictures are garbage",
        )
    )

    # -- captions ------------------------------------------------------------------------
    (captions / "latin1.fr.srt").write_bytes("1\n00:00:00,000 --> 00:00:01,000\nDéjà vu.\n".encode("latin-1"))
    add(Case("SRT in Latin-1", "captions/latin1.fr.srt", "captions-bad-a", "captions.fr", "not UTF-8"))
    (captions / "bad-time.en.srt").write_text(
        "1\n00:00:00,000 --> 00:00:01,000\nHello.\n\n2\n00:00:01:50 --> 00:00:02,000\nBroken.\n", encoding="utf-8"
    )
    add(
        Case(
            "SRT with a broken timestamp", "captions/bad-time.en.srt", "captions-bad-a", "captions.en", "bad cue timing"
        )
    )
    (captions / "zero.ar.srt").write_bytes(b"")
    add(Case("zero-byte SRT", "captions/zero.ar.srt", "captions-bad-a", "captions.ar", "is empty (0 bytes)"))
    (captions / "utf16.fr.srt").write_bytes(GOOD_SRT.encode("utf-16"))
    add(Case("SRT in UTF-16 (Notepad)", "captions/utf16.fr.srt", "captions-bad-b", "captions.fr", "not UTF-8"))
    (captions / "backwards.en.srt").write_text("1\n00:00:02,000 --> 00:00:01,000\nBackwards.\n", encoding="utf-8")
    add(
        Case(
            "SRT cue ending before it starts",
            "captions/backwards.en.srt",
            "captions-bad-b",
            "captions.en",
            "ends before it starts",
        )
    )
    (captions / "binary.ar.srt").write_bytes(random.Random(7).randbytes(2048))
    add(Case("random bytes named .srt", "captions/binary.ar.srt", "captions-bad-b", "captions.ar", "not UTF-8"))

    # -- posters and covers --------------------------------------------------------------
    add(
        Case(
            "poster with corrupt pixel data",
            "images/bad-deflate.png",
            "film-bad-poster",
            "poster",
            "damaged picture data",
            why="same file as img-bad-deflate, as a film's poster",
        )
    )
    add(
        Case(
            "chapter cover that is a bomb",
            "images/bomb.png",
            "images",
            "cover",
            "too large",
            why="a chapter tile, on the home screen every visitor sees",
        )
    )

    corpus.exhibition.write_text(_exhibition_yaml(corpus.cases), encoding="utf-8")
    return corpus


def _exhibition_yaml(cases: list[Case]) -> str:
    title = '{fr: "Fichiers hostiles", en: "Hostile files", ar: "ملفات معادية"}'
    lines = [
        "# Generated by tools/make_hostile_media.py: every panel shows a damaged or dangerous file.",
        "version: 1",
        "exhibition:",
        "  id: hostile-media",
        f"  title: {title}",
        "  languages: [fr, en, ar]",
        "  media: media",
        "attract:",
        "  # The loop cycles through the worst of them: the kiosk spends its nights here.",
        "  items: [img-bomb-jpeg, img-large, film-noise, img-bad-deflate, img-huge-svg, film-no-video]",
        "  invitation: {fr: Touchez l'écran, en: Touch the screen, ar: المس الشاشة}",
        "  item_duration: 2s",
        "chapters:",
    ]
    image_panels = [case for case in cases if case.key == "src" and case.panel.startswith("img-")]
    film_panels = [case for case in cases if case.key == "src" and case.panel.startswith("film-")]

    def tr(text: str) -> str:
        return f'{{fr: "{text}", en: "{text}", ar: "{text}"}}'

    lines += [
        "  - id: images",
        f"    title: {tr('Images')}",
        "    cover: images/bomb.png",
        "    panels:",
    ]
    for case in image_panels:
        lines += [
            f"      - id: {case.panel}",
            "        type: image",
            f"        src: {case.relative}",
            f"        alt: {tr(case.name)}",
            f"        title: {tr(case.name)}",
        ]
    lines += ["  - id: films", f"    title: {tr('Films')}", "    panels:"]
    for case in film_panels:
        lines += _video_panel(case.panel, case.relative, "images/good.png", case.name, tr)
    lines += _video_panel("film-bad-poster", "video/good.mp4", "images/bad-deflate.png", "Bad poster", tr)
    lines += ["  - id: captions", f"    title: {tr('Captions')}", "    panels:"]
    for panel in ("captions-bad-a", "captions-bad-b"):
        tracks = {case.key.split(".")[1]: case.relative for case in cases if case.panel == panel}
        lines += _video_panel(panel, "video/good.mp4", "images/good.png", panel, tr)
        lines += ["        captions:"] + [f"          {lang}: {path}" for lang, path in tracks.items()]
    return "\n".join(lines) + "\n"


def _video_panel(panel: str, src: str, poster: str, name: str, tr: object) -> list[str]:
    assert callable(tr)
    return [
        f"      - id: {panel}",
        "        type: video",
        f"        src: {src}",
        '        start: "00:00"',
        '        end: "00:02"',
        f"        poster: {poster}",
        f"        title: {tr(name)}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write exhibition.yaml and media/")
    args = parser.parse_args(argv)
    corpus = make_corpus(args.folder)
    for case in corpus.cases:
        said = f"loader: '{case.loader_says}'" if case.loader_says else "loader cannot see it"
        print(f"{case.relative:28} {case.panel:20} {said}  {case.why}".rstrip())
    print(f"wrote {corpus.exhibition}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
