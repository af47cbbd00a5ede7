"""kiosk proof through the real QML, offscreen: the default exhibition, and a flawed one."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk import paths
from kiosk.cli import main
from kiosk.loader import load_exhibition
from kiosk.model.exhibition import TextPanel
from kiosk.model.localized import Localized
from kiosk.proof.marks import panel_marks

ROOT = Path(__file__).resolve().parents[2]


FLAWED = """\
exhibition:
  id: flawed
  title: {en: "A flawed exhibition", fr: "Une exposition fautive"}
  languages: [en, fr]
attract:
  items: [short]
  invitation: {en: Touch, fr: Touchez}
chapters:
  - id: one
    title: {en: One, fr: Un}
    panels:
      - id: short
        type: text
        title: {en: "Only in English"}
        body: {en: "A short text.", fr: "Un texte court."}
      - id: long
        type: text
        title: {en: Long, fr: Long}
        body:
          en: "LONG_EN"
          fr: "LONG_FR"
      - id: tiny
        type: image
        src: images/tiny.png
        alt: {en: "A tiny picture", fr: "Une toute petite image"}
      - id: clip
        type: video
        src: video/clip.mp4
        start: "00:00"
        end: "00:05"
        poster: images/poster.png
        captions: {en: captions/clip.en.srt}
"""


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    folder = tmp_path / "flawed"
    for sub in ("images", "video", "captions"):
        (folder / "media" / sub).mkdir(parents=True)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3d7a8c"))
    image.save(str(folder / "media" / "images" / "tiny.png"))
    poster = QImage(1920, 1080, QImage.Format.Format_RGB32)
    poster.fill(QColor("#202020"))
    poster.save(str(folder / "media" / "images" / "poster.png"))
    shutil.copy(
        paths.resource_root() / "media" / "video" / "the-cave-stand-in.mp4", folder / "media" / "video" / "clip.mp4"
    )
    (folder / "media" / "captions" / "clip.en.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\nHello\n")
    long_en = " ".join(["This paragraph goes on and on, far longer than any screen can hold."] * 60)
    long_fr = " ".join(["Ce paragraphe n'en finit pas, bien plus long qu'un écran."] * 60)
    config = folder / "exhibition.yaml"
    config.write_text(FLAWED.replace("LONG_EN", long_en).replace("LONG_FR", long_fr), encoding="utf-8")
    return config


def test_the_flawed_exhibition_is_marked(flawed: Path, tmp_path: Path) -> None:
    out = tmp_path / "proof"
    assert main(["proof", str(flawed), "--out", str(out)]) == 0
    # Summary, one contact-sheet page of thumbnails, then one page per panel and language.
    assert pdf_pages(out / "proof.pdf") == 1 + 1 + 4 * 2
    marks = json.loads((out / "marks.json").read_text(encoding="utf-8"))
    found = {(m["panel"], m["language"], m["kind"]) for m in marks}
    assert ("short", "fr", "translation") in found  # title only in English
    assert ("short", "en", "translation") not in found
    assert ("long", "en", "overflow") in found and ("long", "fr", "overflow") in found
    assert ("tiny", "en", "image") in found
    assert ("clip", "fr", "captions") in found  # English captions only
    assert ("clip", "en", "captions") not in found
    assert ("clip", "en", "image") not in found  # the poster is full size
    overflow = next(m for m in marks if m["panel"] == "long" and m["kind"] == "overflow")
    assert "longer than its frame" in overflow["message"]
    pngs = sorted(p.relative_to(out).as_posix() for p in (out / "png").rglob("*.png"))
    assert len(pngs) == 8 and "png/1920x1080/fr/01-one-03-tiny.png" in pngs
    # The summary's accessibility count: the film is captioned in English only.
    if shutil.which("pdftotext"):
        summary = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(out / "proof.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Accessibility" in summary and "Films captioned: en 1/1, fr 0/1" in summary, summary
    assert main(["proof", str(flawed), "--out", str(out), "--strict"]) == 1


def test_a_second_size_doubles_the_pages(flawed: Path, tmp_path: Path) -> None:
    out = tmp_path / "proof"
    assert (
        main(["proof", str(flawed), "--out", str(out), "--size", "1920x1080", "--size", "1080x1920", "--lang", "en"])
        == 0
    )
    assert pdf_pages(out / "proof.pdf") == 1 + 1 + 4 * 2
    portrait = QImage(str(out / "png" / "1080x1920" / "en" / "01-one-01-short.png"))
    assert (portrait.width(), portrait.height()) == (1080, 1920)


@pytest.mark.slow
def test_the_default_exhibition_has_a_page_per_panel_and_language(tmp_path: Path) -> None:
    config = paths.default_exhibition()
    exhibition = load_exhibition(config).exhibition
    assert exhibition is not None
    panels = sum(len(chapter.panels) for chapter in exhibition.chapters)
    out = tmp_path / "proof"
    assert main(["proof", str(config), "--out", str(out)]) == 0
    pages = panels * len(exhibition.languages)
    assert pdf_pages(out / "proof.pdf") == 1 + -(-pages // 30) + pages
    assert len(list((out / "png").rglob("*.png"))) == panels * len(exhibition.languages)
    marks = json.loads((out / "marks.json").read_text(encoding="utf-8"))
    # Fully translated, captioned in every language, pictures at screen size.
    assert not [m for m in marks if m["kind"] in ("translation", "captions", "image", "media", "placeholder")]


def test_model_marks_without_qt() -> None:
    panel = TextPanel("p", Localized.of({"en": "Title"}), Localized.of("Same text for all"))
    marks = panel_marks(panel, "fr", (1920, 1080))
    assert [m.kind for m in marks] == ["translation"]
    assert marks[0].message.startswith("title: no fr text")
    assert panel_marks(panel, "en", (1920, 1080)) == []


def test_an_unreadable_exhibition_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("exhibition: [\n")
    assert main(["proof", str(broken), "--out", str(tmp_path / "out")]) == 2
    assert "cannot be read" in capsys.readouterr().err
