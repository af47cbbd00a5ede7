"""Exhibitions with media written into temporary folders, and a stand-in for Syncthing's copying."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from PIL import Image

from kiosk.fleet.manifest import (
    MANIFEST_NAME,
    TEMP_PREFIX,
    FileEntry,
    Manifest,
    file_sha256,
    read_manifest,
    write_manifest,
)

EXHIBITION = """\
# A comment the publish keeps
exhibition:
  id: fleet-test
  title: {{en: "{title}", fr: "Titre"}}
  languages: [en, fr]
  media: {media}   # where the pictures are
attract:
  items: [intro]
  invitation: {{en: Touch, fr: Touchez}}
  idle_timeout: 90s
chapters:
  - id: one
    title: {{en: One, fr: Un}}
    panels:
      - {{id: intro, type: text, title: {{en: Hello, fr: Bonjour}}, body: {{en: World, fr: Monde}}}}
      - id: photo
        type: image
        src: images/photo.png
        alt: {{en: A square, fr: Un carré}}
"""


def make_exhibition(root: Path, title: str = "First title", *, colour: str = "red", layout: str = "split") -> Path:
    """An exhibition with one picture; ``layout='split'`` puts it in config/ with media/ beside (``../media``)."""
    if layout == "split":
        config, media, media_text = root / "config", root / "media", "../media"
    else:
        config, media, media_text = root, root / "media", "media"
    (media / "images").mkdir(parents=True, exist_ok=True)
    config.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 64), colour).save(media / "images" / "photo.png")
    path = config / "exhibition.yaml"
    path.write_text(EXHIBITION.format(title=title, media=media_text), encoding="utf-8")
    return path


def files_of(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def sync(
    publish_folder: Path,
    received: Path,
    *,
    only: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    manifest: bool = True,
) -> None:
    """Copy what Syncthing would carry: every file but our temporaries and .stignore; ``only``
    limits it to some names (relative, posix), ``skip`` leaves some out, ``manifest=False``
    leaves the manifest behind (a sync still in progress)."""
    wanted = set(only) if only is not None else None
    for name in files_of(publish_folder):
        base = name.rsplit("/", 1)[-1]
        if base.startswith(TEMP_PREFIX) or base in (".stignore", ".kiosk-publish.lock") or name in skip:
            continue
        if name == MANIFEST_NAME and not manifest:
            continue
        if wanted is not None and name not in wanted and name != MANIFEST_NAME:
            continue
        target = received / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(publish_folder / name, target)
    for name in files_of(received):  # Syncthing carries deletions too
        if not (publish_folder / name).exists() and wanted is None:
            (received / name).unlink()


def break_publish(folder: Path, *, new_id: bool = False) -> Manifest:
    """Turn the publish in ``folder`` into one that does not load on a kiosk but whose manifest matches:
    what a publish made by a newer publisher (a panel kind this kiosk does not know) looks like here."""
    broken = folder / "exhibition/exhibition.yaml"
    broken.write_text(broken.read_text().replace("type: image", "type: hologram"), encoding="utf-8")
    manifest = read_manifest(folder)
    assert manifest is not None
    files = dict(manifest.files)
    files["exhibition/exhibition.yaml"] = FileEntry(broken.stat().st_size, file_sha256(broken))
    manifest = replace(manifest, files=files, publish_id=manifest.publish_id + ("-broken" if new_id else ""))
    write_manifest(folder, manifest)
    return manifest
