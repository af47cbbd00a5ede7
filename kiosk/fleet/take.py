"""On a kiosk: take a published exhibition only once it has arrived whole, and switch to it atomically.

The received folder is Syncthing's receive-only copy of the publisher's folder. Nothing in it
is shown: a publish is *taken* when its manifest is there and every file it names has the
size and SHA-256 the manifest says. Taking copies each file into a new release folder, hashing
the bytes as they are copied; the release is validated with the kiosk's loader; then the
``current`` symlink is swapped to it (a rename: atomic). The release it replaces becomes
``previous``, the last good one kept; older releases are removed.

State folder::

    releases/<publish id>/kiosk-manifest.json
    releases/<publish id>/exhibition/exhibition.yaml, media/...
    current -> releases/<publish id>       what the kiosk shows
    previous -> releases/<publish id>      the last good before it
    refused.json                           the last publish refused, with its problems
    status.json                            what the taker last found (for staff and metrics)

A file of the received folder changed by hand (Syncthing keeps such local changes in a
receive-only folder until reverted) does not block a later publish: a file whose bytes are
unchanged is taken from a kept release instead, its hash checked the same way.

No Qt: :mod:`kiosk.fleet.qt_hook` runs :meth:`Taker.check` off the UI thread and hands the
switch to the live-reload path. docs/decisions/0050-fleet-switch.md.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kiosk.atomic import sync_folder
from kiosk.fleet.manifest import (
    MANIFEST_NAME,
    MEDIA_DIR,
    TEMP_PREFIX,
    FileEntry,
    Manifest,
    ManifestError,
    copy_hashing,
    file_sha256,
    read_manifest,
    write_atomically,
    write_manifest,
)

log = logging.getLogger(__name__)

Kind = Literal["no-publish", "unchanged", "waiting", "refused", "taken"]


@dataclass
class Outcome:
    """What one look at the received folder found."""

    kind: Kind
    publish_id: str = ""
    #: Why a publish is not taken yet (waiting) or never (refused): one line each.
    reasons: list[str] = field(default_factory=list)
    manifest: Manifest | None = None
    #: Files of the shown release changed since it was taken (None: not looked at this time).
    changed_by_hand: list[str] | None = None


def _default_load(path: Path) -> Any:
    from kiosk.loader import load_exhibition

    return load_exhibition(path)


class Taker:
    """Looks at ``received`` and keeps ``state`` (see the module doc). Thread-safe enough for one caller."""

    def __init__(
        self,
        received: Path,
        state: Path,
        *,
        load: Callable[[Path], Any] = _default_load,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.received = Path(received)
        self.state = Path(state)
        self._load = load
        self._now = now
        (self.state / "releases").mkdir(parents=True, exist_ok=True)
        for leftover in (self.state / "releases").glob(f"{TEMP_PREFIX}*"):
            _remove_tree(leftover)  # a stage cut short by a crash or power loss
        self.last: Outcome = Outcome("no-publish")
        #: The release on screen, when it is not ``current`` yet (a switch waits for the visit to end):
        #: never removed while shown. Set by the kiosk when it applies an exhibition.
        self.shown: Path | None = None
        self._hashes: dict[str, tuple[tuple[int, int, int], str]] = {}
        self._kept: dict[FileEntry, Path] = {}

    # -- what the kiosk shows --------------------------------------------------------------
    @property
    def current_link(self) -> Path:
        return self.state / "current"

    def current(self) -> Manifest | None:
        return self.release_manifest(self.current_link)

    def previous(self) -> Manifest | None:
        return self.release_manifest(self.state / "previous")

    def exhibition_file(self) -> Path | None:
        """The exhibition to run, through the ``current`` link (so a reload after a switch reads the new one)."""
        manifest = self.current()
        return self.current_link / manifest.exhibition if manifest else None

    def refused(self) -> dict[str, Any]:
        try:
            data = json.loads((self.state / "refused.json").read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def received_manifest(self) -> Manifest | None:
        try:
            return read_manifest(self.received)
        except ManifestError:
            return None

    # -- one look -----------------------------------------------------------------------------
    def check(self) -> Outcome:
        """Look at the received folder once; take a complete new publish. Never raises for bad content."""
        try:
            outcome = self._check()
        except OSError as error:
            outcome = Outcome("waiting", reasons=[f"the received folder cannot be read: {error}"])
        if outcome.kind in ("waiting", "refused") and (
            outcome.kind != self.last.kind or outcome.reasons != self.last.reasons
        ):
            log.warning("publish %s %s: %s", outcome.publish_id or "?", outcome.kind, "; ".join(outcome.reasons[:5]))
        elif outcome.kind == "taken":
            log.info("publish %s taken", outcome.publish_id)
        self.last = outcome
        self._write_status(outcome)
        return outcome

    def _check(self) -> Outcome:
        try:
            manifest = read_manifest(self.received)
        except ManifestError as error:
            return Outcome("waiting", reasons=[str(error)])
        if manifest is None:
            return Outcome("no-publish", reasons=["no manifest in the received folder yet"])
        current = self.current()
        if current is not None and current.publish_id == manifest.publish_id:
            return Outcome("unchanged", manifest.publish_id, manifest=manifest)
        if self.refused().get("publish_id") == manifest.publish_id:
            return Outcome("refused", manifest.publish_id, list(self.refused().get("problems", [])), manifest)
        self._index_kept()
        names = {str(self.received / name) for name in manifest.files}
        self._hashes = {key: value for key, value in self._hashes.items() if key in names}  # bounded
        missing = self._not_arrived(manifest)
        if missing:
            return Outcome("waiting", manifest.publish_id, missing, manifest)
        return self._take(manifest)

    def _not_arrived(self, manifest: Manifest) -> list[str]:
        """Every file there with its size and hash (or kept from a release), before anything is copied.

        Hashes are remembered by size, modification time and inode, so while a publish arrives each
        look hashes only the files that changed since the last; the copy into the release is hashed
        again (a file may still change between this look and the copy).
        """
        reasons = []
        for name, entry in manifest.files.items():
            path = self.received / name
            try:
                info = path.stat()
            except OSError:
                if self._kept_copy(entry) is None:
                    reasons.append(f"{name}: not arrived yet")
                continue
            if self._kept_copy(entry) is not None:
                continue
            if info.st_size != entry.size:
                reasons.append(f"{name}: {info.st_size} of {entry.size} bytes")
            elif self._hash(path, info) != entry.sha256:
                reasons.append(f"{name}: its bytes do not match the manifest (SHA-256 or size)")
        return reasons

    def _hash(self, path: Path, info: os.stat_result) -> str:
        key = (info.st_size, info.st_mtime_ns, info.st_ino)
        cached = self._hashes.get(str(path))
        if cached is not None and cached[0] == key:
            return cached[1]
        try:
            digest = file_sha256(path)
        except OSError:
            return ""
        self._hashes[str(path)] = (key, digest)
        return digest

    def _take(self, manifest: Manifest, *, repair: bool = False) -> Outcome:
        releases = self.state / "releases"
        name = f"{manifest.publish_id}.r{time.time_ns()}" if repair else manifest.publish_id
        stage = releases / f"{TEMP_PREFIX}{name}"
        _remove_tree(stage)
        (stage / manifest.exhibition).parent.joinpath(MEDIA_DIR).mkdir(parents=True)  # even with no media files
        try:
            mismatched = self._stage(manifest, stage)
            if mismatched:
                _remove_tree(stage)
                return Outcome("waiting", manifest.publish_id, mismatched, manifest)
            result = self._load(stage / manifest.exhibition)
            if not result.ok or result.exhibition is None:
                # As the publish names its files (exhibition/exhibition.yaml:LINE:COLUMN), not by the stage's path.
                problems = [
                    str(p).replace(f"{stage}{os.sep}", "")
                    for p in result.problems
                    if getattr(p, "severity", "error") == "error"
                ]
                problems = problems or ["the exhibition could not be read"]
                _remove_tree(stage)
                if repair:  # it loaded when it was taken: leave the publish alone
                    return Outcome("waiting", manifest.publish_id, problems, manifest)
                self._refuse(manifest, problems)
                return Outcome("refused", manifest.publish_id, problems, manifest)
            if result.exhibition.info.id != manifest.exhibition_id:
                log.info("publish %s changes the exhibition id to %s", manifest.publish_id, result.exhibition.info.id)
            write_manifest(stage, manifest)
            release = releases / name
            _remove_tree(release)
            _make_read_only(stage)
            os.replace(stage, release)
            sync_folder(releases)
        except OSError as error:  # a full disk, a file vanishing under the copy: try again at the next look
            _remove_tree(stage)
            return Outcome("waiting", manifest.publish_id, [f"the release could not be made: {error}"], manifest)
        except BaseException:
            _remove_tree(stage)
            raise
        if repair:
            _replace_link(self.current_link, release)  # ``previous`` stays the last good before it
            self._prune()
        else:
            self._switch(release)
        return Outcome("taken", manifest.publish_id, manifest=manifest)

    def _stage(self, manifest: Manifest, stage: Path) -> list[str]:
        """Copy every file into ``stage``, hashing it; the reasons for any that do not match."""
        mismatched = []
        for name, entry in manifest.files.items():
            target = stage / name
            copied: FileEntry | None = None
            source = self.received / name
            try:
                copied = copy_hashing(source, target)
            except FileNotFoundError:  # gone from the received folder: a kept release may have it
                copied = None
            if copied != entry:
                kept = self._kept_copy(entry)
                if kept is not None:
                    copied = copy_hashing(kept, target)
                    if copied == entry:
                        log.warning(
                            "%s in the received folder differs from the publish (changed by hand?): "
                            "taken from the kept release instead",
                            name,
                        )
                        continue
                target.unlink(missing_ok=True)
                mismatched.append(f"{name}: its bytes do not match the manifest (SHA-256 or size)")
        return mismatched

    def _kept_copy(self, entry: FileEntry) -> Path | None:
        """A file of a kept release with this size and hash, per that release's manifest."""
        path = self._kept.get(entry)
        return path if path is not None and path.is_file() else None

    def _index_kept(self) -> None:
        """Which sizes and hashes the kept releases hold, read once per look (not once per file)."""
        self._kept = {}
        for link in (self.state / "previous", self.current_link):  # current's paths win
            manifest = self.release_manifest(link)
            if manifest is not None:
                self._kept.update({entry: link / name for name, entry in manifest.files.items()})

    def _switch(self, release: Path) -> None:
        """current -> release and previous -> what current was, each by an atomic rename of a new link."""
        old = self.current_link.resolve() if self.current_link.is_symlink() else None
        if old is not None and old != release.resolve() and old.is_dir():
            _replace_link(self.state / "previous", old)
        _replace_link(self.current_link, release)
        self._prune()

    def release_of(self, exhibition_file: Path) -> Path | None:
        """The release folder an exhibition file (as the loader resolved it) lies in, if it is one of ours."""
        releases = (self.state / "releases").resolve()
        path = Path(exhibition_file).resolve()
        return releases / path.relative_to(releases).parts[0] if path.is_relative_to(releases) else None

    def _prune(self) -> None:
        keep = {p.resolve() for p in (self.current_link, self.state / "previous") if p.is_symlink()}
        shown = self.shown
        if shown is not None:
            keep.add(shown.resolve())
        for release in (self.state / "releases").iterdir():
            if release.resolve() not in keep and not release.name.startswith(TEMP_PREFIX):
                _remove_tree(release)

    def _refuse(self, manifest: Manifest, problems: list[str]) -> None:
        record = {
            "publish_id": manifest.publish_id,
            "exhibition_id": manifest.exhibition_id,
            "refused_at": self._now(),
            "problems": problems[:50],
        }
        write_atomically(self.state / "refused.json", json.dumps(record, ensure_ascii=False, indent=1).encode())

    def _write_status(self, outcome: Outcome) -> None:
        current = self.current()
        status = {
            "checked_at": self._now(),
            "kind": outcome.kind,
            "publish_id": outcome.publish_id,
            "reasons": outcome.reasons[:20],
            "current": current.publish_id if current else "",
        }
        try:
            write_atomically(self.state / "status.json", json.dumps(status, ensure_ascii=False).encode())
        except OSError as error:
            log.debug("status not written: %s", error)

    def seed(self, config: Path) -> Outcome:
        """Make a release of a local exhibition file (the bundled one, before any publish has arrived).

        Its publish id starts with ``local-``; the first real publish replaces it like any other.
        Raises PublishRefused when the file is not valid (the kiosk then shows it as it is).
        """
        from kiosk.fleet.publish import publish

        folder = self.state / f"{TEMP_PREFIX}seed"
        _remove_tree(folder)
        try:
            publish(config, folder, id_prefix="local-")
            return Taker(folder, self.state, load=self._load, now=self._now).check()
        finally:
            _remove_tree(folder)

    def repair(self) -> Outcome | None:
        """Make the shown publish whole again when files of its release were changed by hand.

        The same publish is staged anew from the received folder (or an intact kept release), hashed
        and validated, and ``current`` is swapped to it; None when nothing was changed. The changed
        release stays on disk while it is on screen.
        """
        changed = self.verify_current()
        manifest = self.current()
        if not changed or manifest is None:
            return None
        log.warning(
            "files of the shown release were changed by hand: %s; taking the publish again", "; ".join(changed[:5])
        )
        self._index_kept()
        outcome = self._take(manifest, repair=True)
        outcome.changed_by_hand = changed
        return outcome

    def verify_current(self) -> list[str]:
        """Files of the shown release that no longer match its manifest (changed by hand): one line each."""
        manifest = self.current()
        if manifest is None:
            return []
        changed = []
        for name, entry in manifest.files.items():
            path = self.current_link / name
            try:
                if path.stat().st_size != entry.size or file_sha256(path) != entry.sha256:
                    changed.append(f"{name}: changed since it was published")
            except OSError:
                changed.append(f"{name}: missing")
        return changed

    @staticmethod
    def release_manifest(link: Path) -> Manifest | None:
        try:
            return read_manifest(link) if link.is_dir() else None
        except ManifestError:
            return None


def _replace_link(link: Path, target: Path) -> None:
    temporary = link.with_name(f"{TEMP_PREFIX}{link.name}")
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), temporary)
    os.replace(temporary, link)
    sync_folder(link.parent)


def _make_read_only(root: Path) -> None:
    """Releases are not to be edited by hand: files 0444, folders 0555 (undone before removal)."""
    for folder, _subfolders, files in os.walk(root):
        for name in files:
            os.chmod(os.path.join(folder, name), 0o444)
    for folder, _subfolders, _files in os.walk(root, topdown=False):
        if folder != str(root):
            os.chmod(folder, 0o555)


def _remove_tree(path: Path) -> None:
    if not path.exists() and not path.is_symlink():
        return

    def writable(function: Any, name: str, _error: Any) -> None:
        os.chmod(os.path.dirname(name), stat.S_IRWXU)
        os.chmod(name, stat.S_IRWXU)
        function(name)

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=writable)
    else:
        shutil.rmtree(path, onerror=writable)


__all__ = ["MANIFEST_NAME", "Outcome", "Taker"]
