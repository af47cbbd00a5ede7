"""``kiosk publish``: put a valid exhibition into the folder Syncthing sends to every kiosk.

Order matters, and is what lets a kiosk tell a whole publish from a half one:

1. the exhibition is validated with the kiosk's own loader; a file with errors is refused;
2. the YAML and every file of its media folder are copied (each through a temporary file and a
   rename) into ``FOLDER/exhibition/``, the YAML's ``media:`` made to name ``media`` beside it;
3. the copy is validated again where it lies;
4. the manifest (every file's size and SHA-256, the exhibition id, a publish id and time) is
   written **last**, atomically;
5. files of an earlier publish that this one no longer has are removed.

Two publishes to one folder at once are kept apart by a lock. docs/fleet.md.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.fleet.manifest import (
    CONTENT_DIR,
    EXHIBITION_NAME,
    MANIFEST_NAME,
    MEDIA_DIR,
    TEMP_PREFIX,
    FileEntry,
    Manifest,
    copy_hashing,
    file_sha256,
    walk_files,
    write_atomically,
    write_manifest,
)
from kiosk.loader import load_exhibition

LOCK_NAME = ".kiosk-publish.lock"
#: The publisher's .stignore: our temporaries and lock never travel.
STIGNORE = f"// kiosk publish: its temporary files and lock stay on the publisher\n{TEMP_PREFIX}*\n{LOCK_NAME}\n"


class PublishRefused(Exception):
    """The exhibition is not valid: nothing was published. ``problems`` are the loader's lines."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class PublishReport:
    manifest: Manifest
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def new_publish_id(now: float, prefix: str = "") -> str:
    """Sortable by time, unique across publishers: 20261206T195012Z-3f2a1c9b."""
    return prefix + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now)) + "-" + uuid.uuid4().hex[:8]


def media_pointing_beside(yaml_text: str) -> str:
    """The YAML text with ``exhibition.media`` naming ``media`` (comments and layout kept).

    Only that one scalar changes; a file without the key already means ``media`` beside it.
    """
    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:  # the loader accepted it, so this would be a kiosk fault
        raise PublishRefused(f"the exhibition file cannot be read again: {error}") from None
    info = _child(root, "exhibition")
    node = _child(info, "media") if info is not None else None
    if node is None:
        return yaml_text
    start, end = node.start_mark.index, node.end_mark.index
    return yaml_text[:start] + MEDIA_DIR + yaml_text[end:]


def _child(node: Any, key: str) -> Any:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value
    return None


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with open(folder / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def publish(
    exhibition_file: Path,
    folder: Path,
    *,
    now: Callable[[], float] = time.time,
    progress: Callable[[str], None] = lambda _line: None,
    before_manifest: Callable[[], None] = lambda: None,
    id_prefix: str = "",
) -> PublishReport:
    """Validate ``exhibition_file`` and publish it with its media into ``folder``; see the module doc.

    ``before_manifest`` runs after every file is in place and before the manifest is written:
    tests interrupt a publish there.
    """
    exhibition_file, folder = Path(exhibition_file), Path(folder)
    result = load_exhibition(exhibition_file)
    if not result.ok or result.exhibition is None:
        raise PublishRefused(
            f"{exhibition_file} has errors: nothing was published",
            [str(p) for p in result.problems if p.severity == "error"],
        )
    warnings = [str(p) for p in result.warnings]
    exhibition = result.exhibition
    yaml_text = exhibition_file.read_text(encoding="utf-8")
    published_yaml = media_pointing_beside(yaml_text).encode("utf-8")

    folder.mkdir(parents=True, exist_ok=True)
    stignore = folder / ".stignore"
    if not stignore.exists():
        write_atomically(stignore, STIGNORE.encode())
    with _locked(folder):
        content = folder / CONTENT_DIR
        report = PublishReport(manifest=Manifest("pending", exhibition.info.id, 0.0), warnings=warnings)
        files: dict[str, FileEntry] = {}
        name = f"{CONTENT_DIR}/{EXHIBITION_NAME}"
        target = content / EXHIBITION_NAME
        entry = FileEntry(len(published_yaml), hashlib.sha256(published_yaml).hexdigest())
        if _same(target, entry):
            report.unchanged.append(name)
        else:
            write_atomically(target, published_yaml)
            report.copied.append(name)
        files[name] = entry
        (content / MEDIA_DIR).mkdir(parents=True, exist_ok=True)
        media_root = Path(exhibition.media_root)
        for source in walk_files(media_root):
            relative = source.relative_to(media_root).as_posix()
            name = f"{CONTENT_DIR}/{MEDIA_DIR}/{relative}"
            target = content / MEDIA_DIR / relative
            source_entry = FileEntry(source.stat().st_size, file_sha256(source))
            if _same(target, source_entry):
                files[name] = source_entry
                report.unchanged.append(name)
                continue
            progress(f"copying {relative}")
            files[name] = copy_hashing(source, target)
            report.copied.append(name)
        check = load_exhibition(content / EXHIBITION_NAME)
        if not check.ok:
            raise PublishRefused(
                "the published copy does not load (a fault in kiosk publish): the manifest was not written",
                [str(p) for p in check.errors],
            )
        before_manifest()
        stamp = now()
        manifest = Manifest(
            publish_id=new_publish_id(stamp, id_prefix),
            exhibition_id=exhibition.info.id,
            published_at=stamp,
            files=files,
            publisher=socket.gethostname(),
        )
        write_manifest(folder, manifest)
        report.manifest = manifest
        report.removed = _remove_stale(content, folder, set(files))
    return report


def _same(target: Path, entry: FileEntry) -> bool:
    try:
        return target.stat().st_size == entry.size and file_sha256(target) == entry.sha256
    except OSError:
        return False


def _remove_stale(content: Path, folder: Path, keep: set[str]) -> list[str]:
    removed = []
    for path in list(walk_files(content)):
        name = path.relative_to(folder).as_posix()
        if name not in keep and name != MANIFEST_NAME:
            path.unlink(missing_ok=True)
            removed.append(name)
    for current, subfolders, files in os.walk(content, topdown=False):
        if current != str(content) and not subfolders and not files and Path(current).name != MEDIA_DIR:
            with suppress(OSError):
                os.rmdir(current)
    return removed
