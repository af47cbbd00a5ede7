"""Checking media files: inside the media folder, present, and of the right kind by content.

The extension is not trusted: a file is sniffed by its first bytes, an image's header
is read (never its pixels) to refuse image bombs, a PNG's pixel data is inflated in
bounded steps to catch damage its checksums hide, and an MP4's top-level boxes are
walked to catch a truncated copy or a film without a picture.
"""

from __future__ import annotations

import difflib
import os
import re
import struct
import zlib
from pathlib import Path, PurePosixPath

from kiosk.loader.media_cache import MediaCheckCache, Remembered
from kiosk.model.fields import MediaKind
from kiosk.model.media import MediaFile

#: The problem of every file when the media folder itself is missing (reported once, for the folder).
NO_MEDIA_FOLDER = "cannot be shown: the media folder is missing"
#: Larger images are refused: decoding one would take seconds and gigabytes.
MAX_IMAGE_PIXELS = 60_000_000
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MP4_VIDEO_HANDLER = re.compile(rb"hdlr.{8}vide", re.DOTALL)

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
_IMAGE_EXTENSIONS = {"PNG": {".png"}, "JPEG": {".jpg", ".jpeg"}, "WEBP": {".webp"}, "GIF": {".gif"}}


def sniff(head: bytes) -> tuple[str, str] | None:
    """(kind, format) of a file from its first bytes, e.g. ("image", "PNG")."""
    for signature, name in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return "image", name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "WEBP"
    if head[4:8] == b"ftyp":
        return "video", "MP4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "Matroska/WebM"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video", "AVI"
    if head.startswith(b"OggS"):
        return "video", "Ogg"
    if head.startswith(b"\x00\x00\x01\xba"):
        return "video", "MPEG"
    if len(head) > 188 and head[0] == 0x47 and head[188] == 0x47:
        return "video", "MPEG-TS"
    if head.lstrip().startswith((b"<svg", b"<?xml")):
        return "image", "SVG"
    return None


def sniff_audio(head: bytes) -> str | None:
    """The format of a sound file from its first bytes (None when it is not one the kiosk plays)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "WAV"
    if head.startswith(b"OggS"):
        return "Ogg"
    if head.startswith(b"fLaC"):
        return "FLAC"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "MP3"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"M4B", b"mp4", b"iso", b"dash"):
        return "M4A"
    return None


def _wav_problem(path: Path, size: int) -> str | None:
    """A WAV file whose header promises more sound than the file holds was cut short."""
    with path.open("rb") as stream:
        data = stream.read(4096)
    offset = 12
    while offset + 8 <= len(data):
        chunk, length = data[offset : offset + 4], int.from_bytes(data[offset + 4 : offset + 8], "little")
        if chunk == b"data":
            if offset + 8 + length > size and length != 0xFFFFFFFF:
                return "is truncated (it ends in the middle of its sound): copy or export it again"
            return None
        offset += 8 + length + (length & 1)
    return "has no sound data (no 'data' chunk): export it again"


def _movie_duration_ms(moov: bytes) -> int | None:
    """The film's length from the 'mvhd' box inside 'moov' (None when absent or unknown)."""
    offset = 8
    while offset + 8 <= len(moov):
        box_size = int.from_bytes(moov[offset : offset + 4], "big")
        if moov[offset + 4 : offset + 8] == b"mvhd":
            body = moov[offset + 8 : offset + max(box_size, 8)]
            if body[:1] == b"\x01" and len(body) >= 32:
                timescale = int.from_bytes(body[20:24], "big")
                duration = int.from_bytes(body[24:32], "big")
                unknown = 0xFFFFFFFFFFFFFFFF
            elif len(body) >= 20:
                timescale = int.from_bytes(body[12:16], "big")
                duration = int.from_bytes(body[16:20], "big")
                unknown = 0xFFFFFFFF
            else:
                return None
            if timescale == 0 or duration in (0, unknown):
                return None
            return duration * 1000 // timescale
        if box_size < 8:
            return None
        offset += box_size
    return None


def _mp4_problem(path: Path, size: int, durations: dict[Path, int] | None = None) -> str | None:
    """Why an MP4/MOV file cannot play, from its top-level boxes; None when it looks whole."""
    found: set[bytes] = set()
    video = False
    with path.open("rb") as stream:
        offset = 0
        while offset < size:
            stream.seek(offset)
            header = stream.read(16)
            if len(header) < 8:
                return "is truncated (it ends in the middle of its data): copy the file again"
            box_size = int.from_bytes(header[:4], "big")
            box_type = header[4:8]
            if box_size == 1 and len(header) >= 16:
                box_size = int.from_bytes(header[8:16], "big")
            elif box_size == 0:
                box_size = size - offset
            if box_size < 8 or offset + box_size > size:
                return "is truncated (it ends in the middle of its data): copy the file again"
            found.add(box_type)
            if box_type == b"moov" and box_size < 64 * 1024 * 1024:
                stream.seek(offset)
                moov = stream.read(box_size)
                video = bool(_MP4_VIDEO_HANDLER.search(moov))
                if durations is not None:
                    length = _movie_duration_ms(moov)
                    if length is not None:
                        durations[path] = length
            offset += box_size
    if b"moov" not in found:
        return "has no movie header ('moov' box): the file is incomplete or was not finished when saved"
    if not video:
        return "has no video picture (sound only?): choose a film file"
    return None


def film_length_ms(path: Path) -> int | None:
    """The length of an MP4 film from its header (None for another format, or when unknown)."""
    durations: dict[Path, int] = {}
    try:
        with path.open("rb") as stream:
            if stream.read(8)[4:8] != b"ftyp":
                return None
        _mp4_problem(path, path.stat().st_size, durations)
    except OSError:
        return None
    return durations.get(path)


class MediaChecker:
    """Checks media paths against one media folder; remembers results within a load."""

    def __init__(self, root: Path, shown_root: str | None = None, remembered: MediaCheckCache | None = None) -> None:
        self.root = root
        #: Answers of earlier loads for files unchanged since (media_cache.py); None: check every file.
        self.remembered = remembered
        #: The media folder as staff would write it (``config/../media`` -> ``media``), for messages.
        self.shown_root = shown_root if shown_root is not None else str(root)
        self._resolved_root = root.resolve()
        self.root_exists = root.is_dir()
        self._cache: dict[tuple[str, MediaKind], MediaFile] = {}
        #: Length of each film whose header says it (MP4), for checking excerpts against it.
        self.durations: dict[Path, int] = {}

    def consulted(self) -> list[Path]:
        """Every file and folder whose state the checks so far depend on: the media folder, and
        each file named (present or not) with the folder it is in (a file moved in or out of it;
        a missing file's suggestion lists it)."""
        paths = [self.root]
        for media in self._cache.values():
            paths.append(media.path)
            paths.append(media.path.parent)
        return list(dict.fromkeys(paths))

    def shown(self, relative: str) -> str:
        """Where a media file is, as a path staff can open from where they ran the check."""
        return os.path.normpath(os.path.join(self.shown_root, relative))

    def check(self, relative: str, kind: MediaKind) -> MediaFile:
        key = (relative, kind)
        if key not in self._cache:
            path, problem = self._locate(relative)
            if problem is None:
                problem = self._content_problem(path, kind)
            self._cache[key] = MediaFile(relative, path, problem)
        return self._cache[key]

    def _locate(self, relative: str) -> tuple[Path, str | None]:
        text = relative.strip().replace("\\", "/")
        if not text:
            return self.root, "is empty: give a file name inside the media folder"
        if _CONTROL.search(text):
            return self.root, "holds an invisible control character: type the file name again"
        if text.startswith("/") or _WINDOWS_DRIVE.match(text):
            return Path(text), (
                "must be a path inside the media folder (like images/portrait.jpg), not an absolute path"
            )
        parts = PurePosixPath(text).parts
        if ".." in parts:
            return self.root / text, "must not leave the media folder: remove the '..'"
        if not self.root_exists:
            return self.root / text, NO_MEDIA_FOLDER
        path = self.root.joinpath(*parts)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError, ValueError):  # a symlink loop; a name the system refuses
            return path, "cannot be followed (a symbolic link loop?)"
        if not resolved.is_relative_to(self._resolved_root):
            return path, "leads outside the media folder through a symbolic link: copy the file into it"
        if not path.exists():
            return path, f"file not found in the media folder{self._suggest(path)}"
        if not path.is_file():
            return path, "is a folder, not a file"
        return path, None

    def _suggest(self, path: Path) -> str:
        try:
            siblings = [entry.name for entry in os.scandir(path.parent)]
        except OSError:
            return f" (the folder '{path.parent.name}' does not exist)"
        close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.6)
        if not close:
            close = [name for name in siblings if name.lower() == path.name.lower()]
        return f"; did you mean '{close[0]}'?" if close else ""

    def _content_problem(self, path: Path, kind: MediaKind) -> str | None:
        """Why the file cannot be shown as ``kind``, from its content; remembered across loads while
        the file is unchanged (read errors are not remembered: they may pass)."""
        if kind is MediaKind.CAPTIONS or self.remembered is None:
            return self._check_content(path, kind)
        try:
            status = path.stat()
            resolved = path.resolve()
        except (OSError, RuntimeError):
            return self._check_content(path, kind)
        known = self.remembered.lookup(resolved, kind.value, status)
        if known is not None:
            if known.duration_ms is not None:
                self.durations[path] = known.duration_ms
            return known.problem
        problem = self._check_content(path, kind)
        if problem is None or not problem.startswith("cannot be read"):
            self.remembered.remember(resolved, kind.value, status, Remembered(problem, self.durations.get(path)))
        return problem

    def _check_content(self, path: Path, kind: MediaKind) -> str | None:
        try:
            size = path.stat().st_size
            if size == 0:
                return "is empty (0 bytes): copy the file again"
            with path.open("rb") as stream:
                head = stream.read(512)
        except OSError as error:
            return f"cannot be read ({error.strerror})"
        if kind is MediaKind.CAPTIONS:
            return None  # captions are read and parsed by the caption converter
        if kind is MediaKind.AUDIO:
            audio = sniff_audio(head)
            if audio is None:
                found_other = sniff(head)
                if found_other is not None:
                    return f"should be a sound file but contains {found_other[1]} {found_other[0]} data"
                return "is not a sound file the kiosk can play (its content is not WAV, Ogg, MP3, FLAC or M4A)"
            try:
                return _wav_problem(path, size) if audio == "WAV" else None
            except OSError as error:
                return f"cannot be read ({error.strerror})"
        found = sniff(head)
        wanted = "image" if kind is MediaKind.IMAGE else "video"
        if found is None:
            if wanted == "image":
                return "is not an image the kiosk can read (its content is not PNG, JPEG, WebP, GIF or SVG)"
            return "is not a film the kiosk can read (its content is not MP4, MKV, WebM, AVI, Ogg or MPEG)"
        found_kind, found_format = found
        if found_kind != wanted:
            article = "an image" if wanted == "image" else "a film"
            return f"should be {article} but contains {found_format} {found_kind} data"
        try:
            if found_kind == "image":
                return _image_problem(path, found_format, size)
            if found_format == "MP4":
                return _mp4_problem(path, size, self.durations)
        except OSError as error:
            return f"cannot be read ({error.strerror})"
        return None


def _image_problem(path: Path, image_format: str, size: int) -> str | None:
    if image_format == "SVG":
        return None
    from PIL import Image  # lazy: only the loader's media check needs Pillow

    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return (
                    f"is {width} x {height} pixels, too large to show safely "
                    f"(at most {MAX_IMAGE_PIXELS // 1_000_000} megapixels): resize it, 3840 x 2160 is plenty"
                )
            if image_format == "PNG":
                image.verify()  # checks every chunk's checksum without decoding pixels
    except Image.DecompressionBombError:
        return f"is too large to show safely (more than {MAX_IMAGE_PIXELS // 1_000_000} megapixels): resize it"
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, ValueError...) for a damaged file
        return "is damaged or cut short and cannot be shown: copy or export it again"
    if image_format == "JPEG":
        with path.open("rb") as stream:
            stream.seek(max(0, size - 4096))
            if b"\xff\xd9" not in stream.read():
                return "is truncated (the JPEG has no end marker): copy or export it again"
    if image_format == "PNG" and not _png_pixel_data_inflates(path):
        return "has damaged picture data and cannot be shown: copy or export it again"
    return None


#: Inflate in steps of this much output, discarded at once: memory stays bounded whatever the size.
_INFLATE_STEP = 1 << 20


def _png_pixel_data_inflates(path: Path) -> bool:
    """Whether the PNG's pixel data (its IDAT chunks) inflates cleanly to the end.

    A file whose bytes were damaged and whose chunk checksums were then recomputed (some copy
    and repair tools do) passes Pillow's verify() and fails only when Qt decodes it, on screen.
    Inflating costs a fraction of decoding (no filtering, no pixels kept) and tells staff now.
    """
    inflater = zlib.decompressobj()
    try:
        with path.open("rb") as stream:
            stream.seek(8)  # the signature, already checked
            while True:
                header = stream.read(8)
                if len(header) < 8:
                    return False
                length, kind = struct.unpack(">I4s", header)
                if kind == b"IEND":
                    break
                if kind != b"IDAT":
                    stream.seek(length + 4, 1)  # the chunk and its checksum
                    continue
                left = length
                while left:
                    data = stream.read(min(left, 1 << 16))
                    if not data:
                        return False
                    left -= len(data)
                    inflater.decompress(data, _INFLATE_STEP)
                    while inflater.unconsumed_tail:
                        inflater.decompress(inflater.unconsumed_tail, _INFLATE_STEP)
                stream.seek(4, 1)
    except zlib.error:
        return False
    return inflater.eof


def extension_mismatch(media: MediaFile) -> str | None:
    """A warning when an image's extension does not match its content (e.g. a PNG named .jpg)."""
    if not media.usable:
        return None
    try:
        with media.path.open("rb") as stream:
            found = sniff(stream.read(512))
    except OSError:
        return None
    if not found or found[0] != "image" or found[1] not in _IMAGE_EXTENSIONS:
        return None
    if media.path.suffix.lower() not in _IMAGE_EXTENSIONS[found[1]]:
        return f"is a {found[1]} image named '{media.path.suffix}': rename it to avoid confusion"
    return None
