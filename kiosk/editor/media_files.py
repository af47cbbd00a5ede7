"""Bringing a picture or a film into the exhibition's media folder: a clean name, a copy, a resize if huge.

No Qt here: the window asks the questions, these functions do the work and say what went wrong in
words staff can act on (:class:`MediaError`).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

#: Where each kind of file goes inside the media folder.
SUBFOLDERS = {"image": "images", "video": "video", "captions": "captions"}
#: The largest screen the kiosk drives: a picture more than twice as large in both directions wastes memory.
SCREEN = (3840, 2160)
_UNSAFE = re.compile(r"[^a-z0-9._-]+")


class MediaError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Imported:
    relative: str  # as the YAML names it, relative to the media folder
    path: Path
    size: tuple[int, int] | None = None


def clean_name(name: str) -> str:
    """``Photo d'Amani (2018).JPG`` -> ``photo-d-amani-2018.jpg``: no spaces, accents or capitals to trip a path."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_stem.lower()).strip("-.") or "file"
    return f"{cleaned}.{suffix.lower()}" if suffix else cleaned


def free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def picture_size(path: Path) -> tuple[int, int]:
    """Width and height, read from the header; a file that is not a picture raises MediaError."""
    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError) as error:
        raise MediaError(f"{path.name} is not a picture the kiosk can show (PNG, JPEG or WebP)") from error


def far_larger_than_screen(size: tuple[int, int], screen: tuple[int, int] = SCREEN) -> bool:
    return size[0] > 2 * screen[0] or size[1] > 2 * screen[1]


def import_file(source: Path, media_root: Path, kind: str, *, resize_to: tuple[int, int] | None = None) -> Imported:
    """Copy ``source`` into the media folder under a clean, free name; shrink a picture to fit ``resize_to``."""
    if not source.is_file():
        raise MediaError(f"{source} is not a file")
    size = picture_size(source) if kind == "image" else None
    folder = media_root / SUBFOLDERS.get(kind, "")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = free_name(folder, clean_name(source.name))
        if kind == "image" and resize_to is not None and size is not None and far_larger_than_screen(size, resize_to):
            with Image.open(source) as image:
                image.thumbnail(resize_to, Image.Resampling.LANCZOS)
                image.save(target)
                size = image.size
        else:
            shutil.copyfile(source, target)
    except OSError as error:
        raise MediaError(f"could not copy {source.name} into {folder}: {error.strerror or error}") from error
    return Imported(target.relative_to(media_root).as_posix(), target, size)
