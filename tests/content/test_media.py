"""The stand-in media in media/: small, labelled in the picture, and matching the YAML."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from kiosk.loader import LoadResult
from kiosk.model.exhibition import VideoPanel

from .helpers import MEDIA, ROOT, STARTER, files_under, generator

MEDIA_LIMIT = 20 * 1024 * 1024
#: What tools/make_stand_ins.py writes into every PNG it draws.
GENERATOR_TAG = "kiosk tools/make_stand_ins.py"


def manifest() -> dict[str, dict[str, str]]:
    data = json.loads((MEDIA / "stand-ins.json").read_text(encoding="utf-8"))
    return {entry["path"]: entry for entry in data["files"]}


def test_media_folder_stays_under_20_mb() -> None:
    total = sum(path.stat().st_size for path in files_under(MEDIA))
    assert total < MEDIA_LIMIT, f"media/ holds {total / 1e6:.1f} MB"


def test_manifest_lists_existing_files_with_a_label() -> None:
    entries = manifest()
    assert entries
    for relative, entry in entries.items():
        assert (MEDIA / relative).is_file(), relative
        assert "stand-in" in entry["label"].lower(), relative
        assert entry["replace_with"], relative


@pytest.mark.parametrize("folder", [MEDIA, STARTER / "media"], ids=["media", "starter"])
def test_every_drawn_picture_says_it_is_a_stand_in(folder: Path) -> None:
    """A PNG the generator drew carries its label; one it drew but nobody listed would slip by."""
    listed = manifest() if folder == MEDIA else None
    drawn = 0
    for path in files_under(folder):
        if path.suffix != ".png":
            continue
        if not generated_png(path):
            continue  # a licensed file that replaced a stand-in
        with Image.open(path) as image:
            text = dict(getattr(image, "text", {}))
        drawn += 1
        assert "stand-in" in text.get("Description", "").lower(), path
        if listed is not None:
            assert path.relative_to(folder).as_posix() in listed, f"{path} is not in stand-ins.json"
    assert drawn, f"no generated picture found in {folder}"


def generated_png(path: Path) -> bool:
    if path.suffix != ".png":
        return False
    with Image.open(path) as image:
        return dict(getattr(image, "text", {})).get("Software") == GENERATOR_TAG


def test_every_stand_in_the_exhibition_uses_is_listed(default_result: LoadResult) -> None:
    """Staff find every stand-in to replace in stand-ins.json; a licensed file needs no entry."""
    exhibition = default_result.exhibition
    assert exhibition is not None
    listed = set(manifest())
    used: set[str] = set()
    for chapter, panel in exhibition.panels():
        if chapter.cover is not None:
            used.add(chapter.cover.relative)
        for name in ("src", "poster", "image"):
            media = getattr(panel, name, None)
            if media is not None:
                used.add(media.relative)
        if isinstance(panel, VideoPanel):
            used.update(track.file.relative for track in panel.captions.values())
    assert len(used) >= 15
    unlisted = [path for path in sorted(used - listed) if "stand-in" in path or generated_png(MEDIA / path)]
    assert not unlisted, f"stand-ins missing from media/stand-ins.json: {unlisted}"


def test_excerpts_in_the_yaml_match_the_stand_in_film(default_result: LoadResult) -> None:
    make = generator()
    exhibition = default_result.exhibition
    assert exhibition is not None
    videos = {panel.id: panel for _, panel in exhibition.panels() if isinstance(panel, VideoPanel)}
    assert set(videos) == {panel_id for panel_id, _, _ in make.EXCERPTS}
    for panel_id, start, end in make.EXCERPTS:
        panel = videos[panel_id]
        assert panel.src.relative == make.FILM_FILE
        assert (panel.start.ms, panel.end.ms) == (start * 1000, end * 1000), panel_id
        assert panel.end.ms <= make.FILM_LENGTH * 1000, panel_id


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffprobe (package ffmpeg)")
@pytest.mark.parametrize(
    ("film", "seconds", "max_bytes"),
    [("media/video/the-cave-stand-in.mp4", 210, 8_000_000), ("kiosk/starter/media/video/sample.mp4", 5, 200_000)],
)
def test_films_are_h264_aac_25fps_and_as_long_as_planned(film: str, seconds: int, max_bytes: int) -> None:
    path = ROOT / film
    assert path.stat().st_size < max_bytes
    probe = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,pix_fmt,r_frame_rate:format=duration",
            "-of",
            "json",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(probe.stdout)
    codecs = {stream["codec_name"] for stream in info["streams"]}
    assert codecs == {"h264", "aac"}
    video = next(stream for stream in info["streams"] if stream["codec_name"] == "h264")
    assert video["pix_fmt"] == "yuv420p"
    assert video["r_frame_rate"] == "25/1"
    assert abs(float(info["format"]["duration"]) - seconds) < 0.2


def test_each_photo_stand_in_keeps_its_label_where_the_attract_loop_crops() -> None:
    """The attract loop crops a picture by a quarter at most to fill the screen, then zooms: a
    stand-in photograph's label (the accent-coloured pill along its top) and its words must stay
    in the middle of the picture that every crop keeps."""
    made = generator()
    accent = made.ACCENT.getRgb()[:3]
    for relative, _size, _what, _figure in made.PHOTOS:
        path = MEDIA / relative
        if not generated_png(path):
            continue  # the licensed photograph is in place
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            width, height = rgb.size
            top = rgb.crop((0, 0, width, height // 5))
            columns = [
                x
                for x in range(top.width)
                for y in range(0, top.height, 4)
                if all(abs(a - b) <= 12 for a, b in zip(top.getpixel((x, y)), accent, strict=True))
            ]
        assert columns, f"{relative}: no label found along the top"
        kept = made.KEPT_BY_CROPS
        left, right = width * (1 - kept) / 2, width * (1 + kept) / 2
        assert left <= min(columns) and max(columns) <= right, (relative, min(columns), max(columns), left, right)
