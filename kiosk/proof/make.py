"""Put a proof together: PNGs on disk, marks.csv and marks.json, then the contact-sheet PDF."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.proof.marks import KINDS
from kiosk.proof.render import shots
from kiosk.proof.sheet import THUMBS_PER_PAGE, ContactSheet, Page
from kiosk.speech.coverage import coverage


@dataclass(frozen=True, slots=True)
class Proof:
    pdf: Path
    pages: tuple[Page, ...]
    pdf_pages: int

    @property
    def marks(self) -> int:
        return sum(len(page.marks) for page in self.pages)


def panel_count(result: Any) -> int:
    return sum(len(chapter.panels) for chapter in result.exhibition.chapters)


def make_proof(
    result: Any,
    out: Path,
    sizes: Sequence[tuple[int, int]],
    languages: Sequence[str],
    *,
    on_page: Callable[[Page], None] = lambda _page: None,
) -> Proof:
    exhibition = result.exhibition
    default = exhibition.default_language
    out.mkdir(parents=True, exist_ok=True)
    pages: list[Page] = []
    for shot in shots(result, list(sizes), list(languages)):
        folder = out / "png" / f"{shot.size[0]}x{shot.size[1]}" / shot.language
        folder.mkdir(parents=True, exist_ok=True)
        png = folder / f"{shot.chapter_index + 1:02d}-{shot.chapter.id}-{shot.panel_index + 1:02d}-{shot.panel.id}.png"
        shot.image.save(str(png))
        page = Page(
            png=png,
            size=shot.size,
            language=shot.language,
            chapter_number=shot.chapter_index + 1,
            chapter_id=shot.chapter.id,
            chapter_title=shot.chapter.title.resolve(default).text,
            panel_number=shot.panel_index + 1,
            panel_count=len(shot.chapter.panels),
            panel_id=shot.panel.id,
            panel_kind=shot.panel.kind,
            marks=shot.marks,
            settled=shot.settled,
            fallbacks=shot.fallbacks,
        )
        pages.append(page)
        on_page(page)

    first_panel_page = 2 + -(-len(pages) // THUMBS_PER_PAGE)
    rows = [
        {
            "page": first_panel_page + index,
            "size": f"{page.size[0]}x{page.size[1]}",
            "language": page.language,
            "chapter": page.chapter_id,
            "panel": page.panel_id,
            "kind": mark.kind,
            "what": KINDS[mark.kind],
            "message": mark.message,
            "png": str(page.png.relative_to(out)),
        }
        for index, page in enumerate(pages)
        for mark in page.marks
    ]
    with (out / "marks.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(
            f, fieldnames=["page", "size", "language", "chapter", "panel", "kind", "what", "message", "png"]
        )
        writer.writeheader()
        writer.writerows(rows)
    (out / "marks.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")

    pdf = out / "proof.pdf"
    title = exhibition.info.title.resolve(default).text
    sheet = ContactSheet(pdf, title=title, source=str(exhibition.source), accessibility=coverage(exhibition).lines())
    count = sheet.write(pages, sizes, languages)
    return Proof(pdf, tuple(pages), count)
