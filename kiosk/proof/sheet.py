"""The contact sheet: a summary page, then one page per panel, language and size, with marks.

Drawn with QPdfWriter and QPainter (no new dependency). Each panel's PNG is read back
from disk one at a time, so a long exhibition never holds every picture in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImageReader, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from kiosk.proof.marks import KINDS, Mark

DPI = 150
INK = QColor("#1F2A33")
MUTED = QColor("#6B7680")
RULE = QColor("#D9DCDF")
MARK = QColor("#D0342C")
GOOD = QColor("#2E7D4F")
KIND_COLOURS = {
    "translation": QColor("#B8621B"),
    "overflow": QColor("#D0342C"),
    "image": QColor("#7A4FB5"),
    "captions": QColor("#1F6FB2"),
    "media": QColor("#D0342C"),
    "placeholder": QColor("#D0342C"),
}
#: Thumbnails on one contact-sheet page (6 columns x 5 rows).
THUMB_COLUMNS, THUMB_ROWS = 6, 5
THUMBS_PER_PAGE = THUMB_COLUMNS * THUMB_ROWS
#: The PNG is drawn at most this wide (pixels) in the PDF: a sharp page, a file that stays small.
EMBED_WIDTH = 1600


@dataclass(frozen=True, slots=True)
class Page:
    png: Path
    size: tuple[int, int]
    language: str
    chapter_number: int
    chapter_id: str
    chapter_title: str
    panel_number: int
    panel_count: int
    panel_id: str
    panel_kind: str
    marks: tuple[Mark, ...]
    settled: bool = True
    fallbacks: tuple[tuple[float, float, float, float], ...] = ()


def _font(size_pt: float, *, bold: bool = False, family: str = "Noto Sans") -> QFont:
    font = QFont(family)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def _badge(painter: QPainter, centre: QPointF, number: int, radius: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(MARK)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QColor("white"))
    painter.setFont(_font(radius * 0.9 * 72 / DPI, bold=True))
    painter.drawText(
        QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
        Qt.AlignmentFlag.AlignCenter,
        str(number),
    )


class ContactSheet:
    def __init__(self, path: Path, *, title: str, source: str, accessibility: Sequence[str] = ()) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(DPI)
        self.writer.setTitle(f"Proof sheet: {title}")
        self.writer.setCreator("kiosk proof")
        self.writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
        )
        self.title = title
        self.source = source
        #: The accessibility count (kiosk.speech.coverage), one line each, for the summary page.
        self.accessibility = tuple(accessibility)
        self.painter = QPainter()
        self.page_number = 0
        self.total = 0
        self.first_panel_page = 2

    @property
    def page_rect(self) -> QRectF:
        rect = self.writer.pageLayout().paintRectPixels(DPI)
        return QRectF(rect).adjusted(70, 60, -70, -60)

    def _new_page(self) -> None:
        if self.page_number == 0:
            if not self.painter.begin(self.writer):
                raise OSError("cannot write the PDF")
        else:
            self.writer.newPage()
        self.page_number += 1
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = self.page_rect
        self.painter.setPen(MUTED)
        self.painter.setFont(_font(8))
        self.painter.drawText(
            QRectF(area.left(), area.bottom() - 20, area.width(), 24),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{self.title} · proof sheet",
        )
        self.painter.drawText(
            QRectF(area.left(), area.bottom() - 20, area.width(), 24),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"page {self.page_number} / {self.total}",
        )

    def write(self, pages: Sequence[Page], sizes: Sequence[tuple[int, int]], languages: Sequence[str]) -> int:
        """Write the whole sheet; returns the number of PDF pages.

        Page 1 is the summary, then the contact sheet proper (thumbnails of every page,
        THUMBS_PER_PAGE to a page, marked ones outlined in red), then one page per panel,
        language and size.
        """
        overview = -(-len(pages) // THUMBS_PER_PAGE)
        self.total = 1 + overview + len(pages)
        self.first_panel_page = 2 + overview
        self._summary(pages, sizes, languages)
        for start in range(0, len(pages), THUMBS_PER_PAGE):
            self._thumbnails(pages, start)
        for page in pages:
            self._panel_page(page)
        self.painter.end()
        return self.page_number

    # -- the summary page ---------------------------------------------------------------------
    def _summary(self, pages: Sequence[Page], sizes: Sequence[tuple[int, int]], languages: Sequence[str]) -> None:
        self._new_page()
        p, area = self.painter, self.page_rect
        y = area.top()
        p.setPen(MUTED)
        p.setFont(_font(10))
        p.drawText(QRectF(area.left(), y, area.width(), 30), Qt.AlignmentFlag.AlignLeft, "PROOF SHEET")
        y += 34
        p.setPen(INK)
        p.setFont(_font(24, bold=True, family="Noto Serif"))
        p.drawText(QRectF(area.left(), y, area.width(), 80), Qt.AlignmentFlag.AlignLeft, self.title)
        y += 80
        marked = [page for page in pages if page.marks]
        counts = Counter(mark.kind for page in pages for mark in page.marks)
        p.setFont(_font(11))
        p.setPen(MUTED)
        lines = [
            self.source,
            f"{len(pages)} panel pages: {len(pages) // max(1, len(sizes) * len(languages))} panels × "
            f"{len(languages)} languages ({', '.join(languages)}) × {len(sizes)} size(s) "
            f"({', '.join(f'{w}×{h}' for w, h in sizes)})",
            f"Made {datetime.now():%d %B %Y at %H:%M}",
        ]
        for line in lines:
            p.drawText(QRectF(area.left(), y, area.width(), 30), Qt.AlignmentFlag.AlignLeft, line)
            y += 30
        y += 20
        p.setFont(_font(14, bold=True))
        p.setPen(GOOD if not marked else INK)
        headline = (
            "Nothing to fix: no marks on any page."
            if not marked
            else f"{sum(counts.values())} marks on {len(marked)} of {len(pages)} pages"
        )
        p.drawText(QRectF(area.left(), y, area.width(), 40), Qt.AlignmentFlag.AlignLeft, headline)
        y += 50
        p.setFont(_font(11))
        for kind, label in KINDS.items():
            if counts.get(kind):
                p.setPen(KIND_COLOURS[kind])
                p.drawText(QRectF(area.left(), y, 420, 30), Qt.AlignmentFlag.AlignLeft, f"● {label}")
                p.setPen(INK)
                p.drawText(QRectF(area.left() + 420, y, 200, 30), Qt.AlignmentFlag.AlignLeft, str(counts[kind]))
                y += 30
        if self.accessibility:
            y += 10
            p.setFont(_font(11, bold=True))
            p.setPen(INK)
            p.drawText(QRectF(area.left(), y, area.width(), 30), Qt.AlignmentFlag.AlignLeft, "Accessibility")
            y += 30
            p.setFont(_font(10))
            for line in self.accessibility:
                p.drawText(QRectF(area.left(), y, area.width(), 26), Qt.AlignmentFlag.AlignLeft, line)
                y += 26
        y += 20
        p.setPen(RULE)
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        y += 16
        p.setFont(_font(9))
        bottom = area.bottom() - 40
        first_page = self.first_panel_page
        for index, page in enumerate(pages):
            if not page.marks:
                continue
            if y > bottom - 24:
                p.setPen(MUTED)
                p.drawText(
                    QRectF(area.left(), y, area.width(), 24),
                    Qt.AlignmentFlag.AlignLeft,
                    "… and more: see marks.csv beside this PDF",
                )
                break
            first = page.marks[0]
            more = f" (+{len(page.marks) - 1} more)" if len(page.marks) > 1 else ""
            p.setPen(INK)
            p.drawText(
                QRectF(area.left(), y, area.width(), 24),
                Qt.AlignmentFlag.AlignLeft,
                f"p. {first_page + index}   {page.chapter_id} › {page.panel_id} · {page.language} · "
                f"{page.size[0]}×{page.size[1]}   —   {KINDS[first.kind]}: {first.message}{more}",
            )
            y += 24

    # -- the contact sheet: thumbnails -----------------------------------------------------------
    def _thumbnails(self, pages: Sequence[Page], start: int) -> None:
        self._new_page()
        p, area = self.painter, self.page_rect
        p.setPen(INK)
        p.setFont(_font(13, bold=True))
        p.drawText(
            QRectF(area.left(), area.top(), area.width(), 36),
            Qt.AlignmentFlag.AlignLeft,
            "Contact sheet: every page at a glance (red: something to look at)",
        )
        top = area.top() + 50
        gap = 18
        cell_w = (area.width() - gap * (THUMB_COLUMNS - 1)) / THUMB_COLUMNS
        cell_h = (area.bottom() - 40 - top - gap * (THUMB_ROWS - 1)) / THUMB_ROWS
        for offset, page in enumerate(pages[start : start + THUMBS_PER_PAGE]):
            row, column = divmod(offset, THUMB_COLUMNS)
            x = area.left() + column * (cell_w + gap)
            y = top + row * (cell_h + gap)
            image = QImageReader(str(page.png)).read()
            if image.isNull():
                continue
            label_h = 26
            scale = min(cell_w / image.width(), (cell_h - label_h) / image.height())
            target = QRectF(x, y, image.width() * scale, image.height() * scale)
            p.drawImage(
                target,
                image.scaled(
                    int(target.width() * 2),
                    int(target.height() * 2),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                ),
            )
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(MARK, 4) if page.marks else QPen(RULE, 1))
            p.drawRect(target)
            p.setPen(MARK if page.marks else MUTED)
            p.setFont(_font(7, bold=bool(page.marks)))
            number = self.first_panel_page + start + offset
            p.drawText(
                QRectF(x, target.bottom() + 2, cell_w, label_h - 2),
                Qt.AlignmentFlag.AlignLeft,
                f"p. {number} · {page.panel_id} · {page.language}"
                + (f" · {len(page.marks)} mark{'s' if len(page.marks) > 1 else ''}" if page.marks else ""),
            )

    # -- one page per panel ------------------------------------------------------------------------
    def _panel_page(self, page: Page) -> None:
        self._new_page()
        p, area = self.painter, self.page_rect
        y = area.top()
        p.setPen(INK)
        p.setFont(_font(13, bold=True))
        p.drawText(
            QRectF(area.left(), y, area.width() * 0.7, 36),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{page.chapter_number:02d} · {page.chapter_title}   ›   {page.panel_number}/{page.panel_count} · "
            f"{page.panel_id} ({page.panel_kind})",
        )
        p.setFont(_font(13))
        p.drawText(
            QRectF(area.left(), y, area.width(), 36),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{page.language} · {page.size[0]}×{page.size[1]}",
        )
        y += 48
        image = QImageReader(str(page.png)).read()
        if image.isNull():
            raise OSError(f"cannot read back {page.png}")
        list_height = 34 * max(1, len(page.marks)) + 30
        room = QRectF(area.left(), y, area.width(), area.bottom() - 36 - list_height - y)
        scale = min(room.width() / image.width(), room.height() / image.height())
        target = QRectF(room.left(), room.top(), image.width() * scale, image.height() * scale)
        if image.width() > EMBED_WIDTH:
            image = image.scaledToWidth(EMBED_WIDTH, Qt.TransformationMode.SmoothTransformation)
        p.drawImage(target, image)
        p.setPen(QPen(RULE, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(target)
        factor = target.width() / page.size[0]
        for x, fy, w, h in page.fallbacks:
            p.setPen(QPen(KIND_COLOURS["translation"], 3, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(target.left() + x * factor, target.top() + fy * factor, w * factor, h * factor))
        for number, mark in enumerate(page.marks, start=1):
            if mark.rect is None:
                continue
            x, my, w, h = mark.rect
            box = QRectF(target.left() + x * factor, target.top() + my * factor, w * factor, h * factor)
            box = box.intersected(target.adjusted(2, 2, -2, -2))
            if box.isEmpty():  # wholly off screen: the list below says what it is
                continue
            p.setPen(QPen(MARK, 4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(box)
            _badge(p, box.topLeft(), number, 16)
        y = target.bottom() + 24
        p.setFont(_font(10))
        if not page.marks:
            p.setPen(GOOD)
            p.drawText(
                QRectF(area.left(), y, area.width(), 30), Qt.AlignmentFlag.AlignLeft, "✓ Nothing to fix on this page."
            )
        for number, mark in enumerate(page.marks, start=1):
            if mark.rect is not None:
                _badge(p, QPointF(area.left() + 14, y + 15), number, 14)
            p.setPen(KIND_COLOURS.get(mark.kind, MARK))
            p.setFont(_font(10, bold=True))
            p.drawText(
                QRectF(area.left() + 40, y, 260, 30),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                KINDS.get(mark.kind, mark.kind),
            )
            p.setPen(INK)
            p.setFont(_font(10))
            p.drawText(
                QRectF(area.left() + 300, y, area.width() - 300, 30),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                mark.message,
            )
            y += 34
        if not page.settled:
            p.setPen(MUTED)
            p.setFont(_font(9))
            p.drawText(
                QRectF(area.left(), y, area.width(), 26),
                Qt.AlignmentFlag.AlignLeft,
                "(this panel was still moving when it was photographed)",
            )
