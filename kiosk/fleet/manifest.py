"""The publish manifest: every published file with its size and SHA-256, written last.

A kiosk trusts nothing in the folder Syncthing fills until the manifest names it and the
bytes match; a half-synchronised folder (the manifest of one publish beside files of the
next) therefore never matches and is never shown. docs/decisions/0049-fleet-manifest.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk import atomic

#: The manifest's name at the root of the publish folder.
MANIFEST_NAME = "kiosk-manifest.json"
#: Where the exhibition and its media live inside the publish folder (and inside a release).
CONTENT_DIR = "exhibition"
#: The exhibition file inside CONTENT_DIR; its ``media:`` names the folder beside it.
EXHIBITION_NAME = "exhibition.yaml"
MEDIA_DIR = "media"
#: Temporary files of a publish in progress start with this: .stignore keeps them from syncing.
TEMP_PREFIX = ".kiosk-tmp-"
FORMAT = 1
CHUNK = 1 << 20


class ManifestError(ValueError):
    """A manifest that cannot be read or is not one of ours."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    publish_id: str
    exhibition_id: str
    published_at: float  # seconds since the epoch, UTC
    files: dict[str, FileEntry] = field(default_factory=dict)
    publisher: str = ""

    @property
    def exhibition(self) -> str:
        return f"{CONTENT_DIR}/{EXHIBITION_NAME}"

    @property
    def content_sha256(self) -> str:
        """One hash for the whole content: equal for two publishes of the same files."""
        digest = hashlib.sha256()
        for name in sorted(self.files):
            entry = self.files[name]
            digest.update(f"{name}\0{entry.size}\0{entry.sha256}\n".encode())
        return digest.hexdigest()

    @property
    def total_bytes(self) -> int:
        return sum(entry.size for entry in self.files.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "publish_id": self.publish_id,
            "exhibition_id": self.exhibition_id,
            "exhibition": self.exhibition,
            "published_at": self.published_at,
            "publisher": self.publisher,
            "content_sha256": self.content_sha256,
            "files": {name: {"size": e.size, "sha256": e.sha256} for name, e in sorted(self.files.items())},
        }

    @classmethod
    def from_dict(cls, data: Any) -> Manifest:
        try:
            if data.get("format") != FORMAT:
                raise ManifestError(f"manifest format {data.get('format')!r}, this kiosk reads format {FORMAT}")
            files = {}
            for name, entry in data["files"].items():
                check_relative(name)
                size, sha = int(entry["size"]), str(entry["sha256"])
                if size < 0 or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
                    raise ManifestError(f"{name}: not a size and a SHA-256")
                files[name] = FileEntry(size, sha)
            manifest = cls(
                publish_id=_safe_id(str(data["publish_id"])),
                exhibition_id=str(data["exhibition_id"]),
                published_at=float(data["published_at"]),
                files=files,
                publisher=str(data.get("publisher", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            if isinstance(error, ManifestError):
                raise
            raise ManifestError(f"not a kiosk manifest ({type(error).__name__}: {error})") from None
        if manifest.exhibition not in files:
            raise ManifestError(f"the manifest does not list {manifest.exhibition}")
        return manifest


def _safe_id(text: str) -> str:
    if not text or len(text) > 80 or any(not (c.isascii() and (c.isalnum() or c in "-_.")) for c in text):
        raise ManifestError(f"publish id {text!r} is not letters, digits, '-', '_' or '.'")
    if text.startswith("."):
        raise ManifestError(f"publish id {text!r} starts with a dot")
    return text


def check_relative(name: str) -> PurePosixPath:
    """A manifest path must stay inside the folder: no absolute path, no '..', no backslash."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or "\\" in name or any(part in ("", ".", "..") for part in name.split("/")):
        raise ManifestError(f"{name!r} is not a path inside the publish folder")
    return path


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, None when there is none yet; ManifestError when it is unreadable."""
    path = Path(folder) / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: cannot be read ({error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ManifestError(f"{path}: not JSON ({error})") from None
    return Manifest.from_dict(data)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader (or Syncthing) sees the old file or the new one whole.

    Its temporary file carries :data:`TEMP_PREFIX`, which the publish folder's ``.stignore`` keeps
    from travelling.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_atomically(path, data, prefix=TEMP_PREFIX, mode=0o644)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    text = json.dumps(manifest.as_dict(), ensure_ascii=False, indent=1) + "\n"
    write_atomically(Path(folder) / MANIFEST_NAME, text.encode("utf-8"))


def file_sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def copy_hashing(source: Path, target: Path) -> FileEntry:
    """Copy ``source`` to ``target`` (via a temporary file and a rename), hashing the bytes copied.

    The hash is of what was written, so a file that changes while it is copied cannot pass
    for the one the manifest names.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with open(source, "rb") as stream, os.fdopen(handle, "wb") as out:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return FileEntry(size, digest.hexdigest())


def walk_files(root: Path) -> Iterator[Path]:
    """Every file under ``root`` a publish carries: hidden files, editors' backups and our temporaries left out."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith("~"):
                continue
            yield Path(folder) / name
