"""A caption file with bad timestamps or a wrong encoding is a loader problem with its line.

Parsing is kiosk/model/captions.py and the loader calls it; this checks, for the video part,
that a broken caption file reaches staff as FILE:LINE and never stops the excerpt itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from clips import Clip
from harness import make_poster

from kiosk.loader import load_exhibition

YAML = """\
exhibition:
  id: captions-test
  title: Captions
  languages: [en, ar, fr]
attract:
  items: [film]
  invitation: Touch
chapters:
  - id: one
    title: One
    panels:
      - id: film
        type: video
        src: video/clip.mp4
        start: "00:01"
        end: "00:03"
        poster: images/poster.png
        captions: {en: captions/film.en.srt, ar: captions/film.ar.srt, fr: captions/film.fr.vtt}
"""


def test_bad_caption_files_are_loader_problems_with_their_line(tmp_path: Path, clip: Clip) -> None:
    media = tmp_path / "media"
    for folder in ("video", "images", "captions"):
        (media / folder).mkdir(parents=True)
    shutil.copy(clip.path, media / "video" / "clip.mp4")
    shutil.copy(make_poster(tmp_path), media / "images" / "poster.png")
    (media / "captions" / "film.en.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nGood\n\n2\n00:00:02,000 --> 00:00:03,5O0\nBad time\n",
        encoding="utf-8",
    )
    (media / "captions" / "film.ar.srt").write_bytes("1\n00:00:01,000 --> 00:00:02,000\nd\xe9j\xe0\n".encode("latin-1"))
    (media / "captions" / "film.fr.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBien\n", encoding="utf-8")
    (tmp_path / "exhibition.yaml").write_text(YAML, encoding="utf-8")

    result = load_exhibition(tmp_path / "exhibition.yaml")

    lines = [str(problem) for problem in result.problems]
    en = [p for p in result.problems if p.file and str(p.file).endswith("film.en.srt")]
    ar = [p for p in result.problems if p.file and str(p.file).endswith("film.ar.srt")]
    assert en and en[0].line == 6, lines  # the bad timing line, 1-based
    assert ar and ar[0].line == 3 and "UTF-8" in ar[0].message, lines
    assert result.exhibition is not None  # the kiosk still has its exhibition
    panel = result.exhibition.panel("film")
    assert panel is not None and panel.kind == "video"
    assert [cue.text for cue in panel.captions["fr"].cues] == ["Bien"]  # good files still load
