#!/usr/bin/env python3
"""Draw and encode every stand-in media file of the default exhibition and of the starter.

The default exhibition (config/exhibition.yaml) needs photographs and film excerpts
the forum has not licensed yet. Until they arrive, this script makes stand-ins that
say, in the picture itself, that they are stand-ins and what replaces them.

    .venv/bin/python tools/make_stand_ins.py              # media/ and kiosk/starter/media/
    .venv/bin/python tools/make_stand_ins.py --no-video   # pictures and captions only

Why QPainter and not Pillow: Qt shapes and orders Arabic text (joining forms, right
to left); Pillow does not without libraqm. Why fixed font files: the same fonts give
the same pixels on every machine that has fonts-noto-core and fonts-dejavu-core.
The outputs are committed, so CI never runs this script; run it again after changing
a drawing, then look at the pictures and commit them with the script.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextOption,
)

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "media"
STARTER_MEDIA = ROOT / "kiosk" / "starter" / "media"
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
MONO_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-Italic.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
SANS, SERIF, NASKH, ARABIC_SANS = "Noto Sans", "Noto Serif", "Noto Naskh Arabic", "Noto Sans Arabic"

# The exhibition theme's colours (kiosk.model.exhibition.Theme defaults), so stand-ins sit well on screen.
BACKGROUND = QColor("#14161A")
SURFACE = QColor("#20242B")
SURFACE_LIGHT = QColor("#2C323B")
TEXT = QColor("#F4F1EA")
MUTED = QColor("#B8B2A7")
ACCENT = QColor("#E2A740")
ACCENT_DARK = QColor("#8A6426")
SKY = QColor("#2A3A4A")
SAND = QColor("#3A3328")
OLIVE = QColor("#4E5A3A")

#: The starter's sample pictures (for staff, not visitors) carry this badge.
STAND_IN_BADGE = "STAND-IN  ·  PROVISOIRE  ·  عنصر مؤقت"
#: The manifest's label for the stand-in film (staff read it in media/stand-ins.json, visitors never).
FILM_LABEL = "STAND-IN — replace with The Cave (Feras Fayyad, 2019), licensed"

# ----------------------------------------------------------------- what visitors read
# Every word drawn into the exhibition's pictures and film is written here, as data, so that
# tests/content can check it (no path, tool name, panel id or timecode; all three languages;
# the same years and titles as config/exhibition.yaml). visitor_words() lists them by file.
# Tuples are (French, English, Arabic).

#: On every picture or clip that holds the place of a licensed one, and on nothing else.
PHOTO_BADGE = ("Image provisoire", "Photo to come", "صورة مؤقتة")
CLIP_BADGE = ("Extrait provisoire", "Stand-in clip", "مقطع مؤقت")
BADGE_SEPARATOR = "  ·  "

TITLE_CARD_NAME = "Amani Ballour"
TITLE_CARD_ROLES = ("Médecin, directrice d\u2019hôpital, témoin", "Doctor, hospital director, witness")
TITLE_CARD_ARABIC = "أماني بلّور — طبيبة، مديرة مستشفى، شاهدة"
TITLE_CARD_FORUM = "Forum mondial Normandie pour la Paix · Normandy World Peace Forum · Caen"

#: (year, French, English, Arabic): the years and titles of the timeline panel `life-timeline`.
TIMELINE: tuple[tuple[str, str, str, str], ...] = (
    ("2011", "Le soulèvement", "The uprising", "الانتفاضة"),
    ("2013", "Attaque au sarin", "Sarin attack", "الهجوم بالسارين"),
    ("2016", "Directrice", "Director", "مديرة"),
    ("2018", "L\u2019exil", "Exile", "المنفى"),
    ("2019", "Le film", "The film", "الفيلم"),
    ("2020", "Le prix", "The prize", "الجائزة"),
)

#: The map's words: the country, its neighbours, the places of the route, the note on scale.
MAP_COUNTRY = ("SYRIE · SYRIA", "سوريا")
MAP_NEIGHBOURS: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("LIBAN · LEBANON", "لبنان"), 34.35, 34.15),
    (("JORDANIE · JORDAN", "الأردن"), 37.2, 32.3),
    (("IRAK · IRAQ", "العراق"), 40.3, 33.5),
    (("Méditerranée", "Mediterranean", "البحر المتوسط"), 33.7, 35.6),
)
#: (place, lines, dx, dy, label to the left of the dot)
MAP_PLACES: tuple[tuple[str, tuple[str, ...], int, int, bool], ...] = (
    ("damascus", ("Damas · Damascus", "دمشق"), -24, 10, True),
    ("ghouta", ("Ghouta", "الغوطة"), 30, -30, False),
    ("idlib", ("Idlib · إدلب", "2018"), 30, -24, False),
    ("turkey", ("Turquie · Turkey · تركيا",), 30, -20, False),
)
MAP_BERLIN = ("Berlin",)
MAP_OFF_THE_MAP = ("Allemagne · Germany · ألمانيا", "hors carte · off the map", "خارج حدود الخريطة")
MAP_SCALE = ("Schéma sans échelle · Schematic, not to scale", "رسم تخطيطي بلا مقياس رسم")

#: Photographs to come: (file, size, what the photograph will show, figure drawn).
PHOTOS: tuple[tuple[str, tuple[int, int], tuple[str, str, str], str], ...] = (
    (
        "images/portrait-amani.png",
        (1080, 1350),
        ("Portrait du Dr Amani Ballour", "Portrait of Dr Amani Ballour", "صورة للدكتورة أماني بلّور"),
        "portrait",
    ),
    (
        "images/photo-ghouta.png",
        (1620, 1080),
        ("La Ghouta sous le blocus", "Ghouta under blockade", "الغوطة تحت الحصار"),
        "town",
    ),
    (
        "images/photo-prize.png",
        (1620, 1080),
        ("Le prix Raoul Wallenberg, 2020", "The Raoul Wallenberg Prize, 2020", "جائزة راؤول والنبرغ، 2020"),
        "stage",
    ),
)

#: The film's scenes: each excerpt's title, the same as its video panel's title in the YAML.
SCENE_TEXT: dict[str, tuple[str, str, str]] = {
    "hospital": ("Dans l\u2019hôpital", "Inside the hospital", "داخل المستشفى"),
    "in-charge": ("À la tête de l\u2019hôpital", "Running the hospital", "على رأس المستشفى"),
    "leaving": ("Le départ", "Leaving", "الرحيل"),
}
SCENE_HEADING = "Extrait · Excerpt · مقطع"
OPENING_CARD = ("Film provisoire", "Stand-in film", "فيلم مؤقت")
CLOSING_CARD = "Fin · End · النهاية"

# The stand-in film: scenes (start s, end s, card) and the excerpts the YAML plays from it.
FILM_FILE = "video/the-cave-stand-in.mp4"
FILM_SIZE = (960, 540)
FPS = 25
FILM_SCENES: tuple[tuple[int, int, str], ...] = (
    (0, 15, "opening"),
    (15, 75, "hospital"),
    (75, 135, "in-charge"),
    (135, 195, "leaving"),
    (195, 210, "closing"),
)
FILM_LENGTH = FILM_SCENES[-1][1]
#: (panel id, start s, end s): must match config/exhibition.yaml (tests/content checks it).
EXCERPTS: tuple[tuple[str, int, int], ...] = (
    ("excerpt-hospital", 20, 70),
    ("excerpt-in-charge", 80, 125),
    ("excerpt-leaving", 140, 185),
)


@dataclass(frozen=True)
class StandIn:
    """One generated file and what the forum replaces it with."""

    path: str
    kind: str
    label: str
    replace_with: str


MANIFEST: list[StandIn] = []


# --------------------------------------------------------------------------- drawing helpers


def load_fonts() -> None:
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(NOTO_DIR / name)) < 0:
            raise SystemExit(f"font {NOTO_DIR / name} not found: install fonts-noto-core")


def font(family: str, px: float, *, bold: bool = False, italic: bool = False) -> QFont:
    result = QFont(family)
    result.setPixelSize(max(1, round(px)))
    result.setBold(bold)
    result.setItalic(italic)
    # Unhinted outlines: the same glyph shapes at every size, on every machine.
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


def is_arabic(text: str) -> bool:
    """True when the first letter is right-to-left: the Unicode rule for a paragraph's direction."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text(
    p: QPainter,
    rect: QRectF,
    value: str,
    *,
    px: float,
    family: str | None = None,
    bold: bool = False,
    italic: bool = False,
    color: QColor = TEXT,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw wrapped text in ``rect``; return the height it took.

    Arabic gets the Naskh face and right-to-left layout; ``AlignAbsolute`` keeps
    'left' meaning left whatever the direction, so callers say what they mean.
    """
    arabic = is_arabic(value)
    if family is None:
        family = NASKH if arabic else SANS
    p.setFont(font(family, px, bold=bold, italic=italic))
    p.setPen(color)
    option = QTextOption(align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if arabic else Qt.LayoutDirection.LeftToRight)
    used = p.boundingRect(rect, value, option)
    p.drawText(rect, value, option)
    return used.height()


def trilingual(
    p: QPainter,
    rect: QRectF,
    lines: Sequence[str],
    *,
    px: float,
    family: str | None = None,
    bold: bool = False,
    italic: bool = False,
    color: QColor = TEXT,
    gap: float = 0.35,
    center: bool = False,
) -> float:
    """Stack one line per language; Arabic lines align right unless centred."""
    y = rect.top()
    for line in lines:
        arabic = is_arabic(line)
        if center:
            align = Qt.AlignmentFlag.AlignHCenter
        else:
            align = Qt.AlignmentFlag.AlignRight if arabic else Qt.AlignmentFlag.AlignLeft
        size = px * 1.08 if arabic else px  # Naskh reads small beside Latin at the same pixel size
        height = text(
            p,
            QRectF(rect.left(), y, rect.width(), rect.bottom() - y),
            line,
            px=size,
            family=None if arabic else family,
            bold=bold,
            italic=italic,
            color=color,
            align=align,
        )
        y += height + px * gap
    return y - rect.top()


#: The share of a picture's width (centred) that the attract loop always shows: it crops a picture
#: by a quarter at most to fill the screen (kiosk/qml/Kiosk/AttractImage.qml), then zooms 12 %.
KEPT_BY_CROPS = 0.75 / 1.12


def badge(
    p: QPainter,
    width: float,
    height: float,
    detail: str,
    centre_y: float | None = None,
    *,
    label: str = STAND_IN_BADGE,
) -> None:
    """The stand-in marks: a hatched pill (near the top unless ``centre_y``) and, with a
    ``detail``, a strip along the bottom (the starter's samples only: visitors get the pill).

    The pill is centred and no wider than the middle of the picture that the attract loop's crop
    and zoom keep (``KEPT_BY_CROPS``): its words get smaller rather than wider.
    """
    scale = min(width, height) / 1080
    p.save()
    px = 34 * scale
    p.setFont(font(ARABIC_SANS, px, bold=True))
    while p.fontMetrics().horizontalAdvance(label) + 175 * scale > width * KEPT_BY_CROPS and px > 12 * scale:
        px -= 1
        p.setFont(font(ARABIC_SANS, px, bold=True))
    metrics_width = p.fontMetrics().horizontalAdvance(label)
    pill = QRectF(0, 0, metrics_width + 175 * scale, 64 * scale)
    pill.moveCenter(QPointF(width / 2, 84 * scale if centre_y is None else centre_y))
    path = QPainterPath()
    path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2)
    p.fillPath(path, ACCENT)
    p.setClipPath(path)
    p.setPen(QPen(QColor("#1A1A1A"), 9 * scale))
    for i in range(5):  # hazard hatching on the left end: reads as "temporary" in any language
        x = pill.left() + 8 * scale + i * 18 * scale
        p.drawLine(QPointF(x, pill.bottom()), QPointF(x + 30 * scale, pill.top()))
    p.setClipping(False)
    p.setPen(QColor("#15120C"))
    p.drawText(pill.adjusted(125 * scale, 0, -25 * scale, 0), Qt.AlignmentFlag.AlignCenter, label)
    if detail:
        strip = QRectF(0, height - 64 * scale, width, 64 * scale)
        p.fillRect(strip, QColor(0, 0, 0, 200))
        p.fillRect(QRectF(0, strip.top(), width, 4 * scale), ACCENT)
        px = 26 * scale
        p.setFont(font(SANS, px))
        room = width - 72 * scale
        while p.fontMetrics().horizontalAdvance(detail) > room and px > 8:  # one line, shrunk to fit
            px -= 1
            p.setFont(font(SANS, px))
        p.setPen(TEXT)
        p.drawText(
            strip.adjusted(36 * scale, 4 * scale, -36 * scale, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            detail,
        )
    p.restore()


def new_image(width: int, height: int, fill: QColor = BACKGROUND) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(fill)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def save(image: QImage, painter: QPainter, root: Path, relative: str, label: str, replace_with: str) -> None:
    painter.end()
    # The label travels inside the PNG too (a tEXt chunk), so a test can check each file.
    image.setText("Description", label)
    image.setText("Replace-With", replace_with)
    image.setText("Software", "kiosk tools/make_stand_ins.py")
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), quality=0):  # Qt: quality 0 = strongest zlib compression
        raise SystemExit(f"could not write {target}")
    if root == MEDIA:
        MANIFEST.append(StandIn(relative, "image", label, replace_with))
    print(f"  {target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


def logical(p: QPainter, width: int, height: int, base_w: float = 1920, base_h: float = 1080) -> None:
    """Draw in a fixed logical frame whatever the output size."""
    p.scale(width / base_w, height / base_h)


# --------------------------------------------------------------------------- motifs


def draw_skyline(p: QPainter, w: float, ground: float, color: QColor, seed: int) -> None:
    """Low flat-roofed buildings: a town, not any particular street."""
    x = -20.0
    k = seed
    while x < w:
        k = (k * 1103515245 + 12345) % 2**31  # tiny LCG: the same town every run
        bw = 90 + k % 140
        bh = 90 + (k // 7) % 190
        p.fillRect(QRectF(x, ground - bh, bw, bh + 2), color)
        x += bw + 6 + (k // 13) % 18


def draw_tree(p: QPainter, x: float, ground: float, r: float, color: QColor) -> None:
    p.fillRect(QRectF(x - r * 0.08, ground - r * 1.2, r * 0.16, r * 1.2), QColor("#2A2620"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(QPointF(x, ground - r * 1.45), r, r * 0.8)


def draw_arches(p: QPainter, w: float, h: float) -> None:
    """Receding arches of a tunnel, lit by one warm lamp."""
    cx, cy = w / 2, h * 0.52
    for i in range(7):
        f = 1 - i * 0.13
        aw, ah = 1500 * f, 900 * f
        rect = QRectF(cx - aw / 2, cy - ah / 2 + 60 * (1 - f), aw, ah)
        path = QPainterPath()
        path.moveTo(rect.left(), rect.bottom())
        path.lineTo(rect.left(), rect.top() + aw / 2 * 0.6)
        path.quadTo(rect.left(), rect.top(), rect.center().x(), rect.top())
        path.quadTo(rect.right(), rect.top(), rect.right(), rect.top() + aw / 2 * 0.6)
        path.lineTo(rect.right(), rect.bottom())
        shade = 30 + i * 9
        p.fillPath(path, QColor(shade, shade - 2, shade - 6))
    for i in range(6, 0, -1):  # a lamp as flat rings: no gradient, so the PNG stays small
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(226, 167, 64, 22 + (6 - i) * 12))
        p.drawEllipse(QPointF(cx, cy - 150), 40 * i, 40 * i)
    p.setBrush(QColor("#F6D58E"))
    p.drawEllipse(QPointF(cx, cy - 150), 26, 26)


def draw_people(p: QPainter, w: float, ground: float, highlight: int, count: int = 7) -> None:
    """Simple standing figures; one in the accent colour."""
    spacing = w / (count + 1)
    for i in range(count):
        x = spacing * (i + 1)
        scale = 1.0 + (0.12 if i == highlight else 0) - abs(i - count / 2) * 0.015
        color = ACCENT if i == highlight else SURFACE_LIGHT
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(QPointF(x, ground - 330 * scale), 48 * scale, 52 * scale)
        body = QPainterPath()
        body.addRoundedRect(QRectF(x - 85 * scale, ground - 260 * scale, 170 * scale, 280 * scale), 70, 70)
        p.fillPath(body, color)


def draw_route(p: QPainter, points: Sequence[QPointF], color: QColor, width: float) -> None:
    pen = QPen(color, width, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(points[0])
    for a, b in itertools.pairwise(points):
        mid = (a + b) / 2 + QPointF(0, -abs(b.x() - a.x()) * 0.18)
        path.quadTo(mid, b)
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    for point in points:
        p.setBrush(color)
        p.drawEllipse(point, width * 2.2, width * 2.2)


def draw_olive_branch(p: QPainter, cx: float, cy: float, length: float) -> None:
    stem = QPainterPath(QPointF(cx - length / 2, cy + length * 0.15))
    stem.quadTo(QPointF(cx, cy - length * 0.12), QPointF(cx + length / 2, cy - length * 0.05))
    p.setPen(QPen(QColor("#8C8A6A"), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(stem)
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(11):
        t = 0.08 + i * 0.085
        point = stem.pointAtPercent(t)
        angle = stem.angleAtPercent(t)
        side = 1 if i % 2 else -1
        p.save()
        p.translate(point)
        p.rotate(-angle + side * 38)
        p.setBrush(QColor("#9DAA78") if i % 3 else QColor("#7F8F5C"))
        p.drawEllipse(QRectF(0, -16, 120 - i * 4, 32))
        p.restore()
    for t in (0.3, 0.62):
        point = stem.pointAtPercent(t) + QPointF(10, 40)
        p.setBrush(QColor("#3C3F2A"))
        p.drawEllipse(point, 20, 24)


# --------------------------------------------------------------------------- exhibition pictures


def title_card(root: Path) -> None:
    """Every word sits in the middle of the card, its bottom quarter holds only the skyline.

    The attract loop crops a picture around its focus point into the screen above the
    invitation band, zooms slowly, and lays the panel's caption over the picture's lower part:
    words near an edge would be cut, words low down would sit under the caption.
    """
    image, p = new_image(1920, 1080)
    draw_skyline(p, 1920, 930, QColor("#1F2329"), seed=7)
    for x in (150, 420, 1540, 1760):
        draw_tree(p, x, 930, 70, OLIVE)
    p.fillRect(QRectF(0, 930, 1920, 150), QColor("#1B1D21"))
    p.fillRect(QRectF(300, 320, 8, 330), ACCENT)
    text(p, QRectF(340, 300, 1400, 150), TITLE_CARD_NAME, px=120, family=SERIF, bold=True)
    trilingual(
        p,
        QRectF(344, 460, 1400, 200),
        TITLE_CARD_ROLES,
        px=44,
        family=SERIF,
        italic=True,
        color=MUTED,
        gap=0.25,
    )
    text(
        p,
        QRectF(344, 594, 1400, 80),
        TITLE_CARD_ARABIC,
        px=48,
        color=MUTED,
        align=Qt.AlignmentFlag.AlignLeft,
    )
    text(
        p,
        QRectF(200, 232, 1520, 50),
        TITLE_CARD_FORUM,
        px=30,
        color=MUTED,
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    # No stand-in badge: the drawing may stay (docs/content.md); the manifest still lists it.
    save(image, p, root, "images/title-card.png", "Stand-in title card", "the forum's own title design (optional)")


def cover(root: Path, name: str, draw: Callable[[QPainter], None], replace_with: str) -> None:
    image, p = new_image(1280, 720)
    p.save()
    logical(p, 1280, 720)
    draw(p)  # no chapter number: the home screen numbers the tiles itself
    p.restore()
    # No badge: a cover is a drawing that may stay, not a photograph held in place.
    save(image, p, root, f"images/cover-{name}.png", "Stand-in chapter cover", replace_with)


def cover_ghouta(p: QPainter) -> None:
    p.fillRect(QRectF(0, 0, 1920, 1080), SKY)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#E9C98A"))
    p.drawEllipse(QPointF(1500, 330), 90, 90)
    p.fillRect(QRectF(0, 760, 1920, 320), OLIVE)
    draw_skyline(p, 1920, 780, QColor("#1E2228"), seed=3)
    for i, x in enumerate(range(60, 1920, 150)):
        draw_tree(p, x + (i % 2) * 40, 980 + (i % 3) * 30, 70 + (i % 4) * 10, QColor("#5F6E45"))


def cover_cave(p: QPainter) -> None:
    p.fillRect(QRectF(0, 0, 1920, 1080), QColor("#121315"))
    draw_arches(p, 1920, 1080)


def cover_in_charge(p: QPainter) -> None:
    p.fillRect(QRectF(0, 0, 1920, 1080), QColor("#1C2026"))
    p.fillRect(QRectF(0, 880, 1920, 200), QColor("#262B33"))
    draw_people(p, 1920, 900, highlight=3)


def cover_exile(p: QPainter) -> None:
    p.fillRect(QRectF(0, 0, 1920, 1080), QColor("#1A2230"))
    for i in range(9):  # latitude lines, a nod to a map
        p.setPen(QPen(QColor(255, 255, 255, 18), 2))
        p.drawLine(QPointF(0, 120 * i + 60), QPointF(1920, 120 * i + 20))
    draw_route(
        p,
        [QPointF(1560, 900), QPointF(1420, 620), QPointF(1150, 470), QPointF(480, 260)],
        ACCENT,
        8,
    )


def cover_caen(p: QPainter) -> None:
    p.fillRect(QRectF(0, 0, 1920, 1080), QColor("#1D2A30"))
    p.fillRect(QRectF(0, 780, 1920, 300), QColor("#24363D"))
    for i in range(5):  # the sea off Normandy, as flat bands
        p.fillRect(QRectF(0, 800 + i * 56, 1920, 18), QColor(255, 255, 255, 10 + i * 4))
    draw_olive_branch(p, 1000, 480, 1100)


def timeline_graphic(root: Path) -> None:
    image, p = new_image(1920, 1080)
    p.fillRect(QRectF(0, 0, 1920, 1080), BACKGROUND)
    left, right, axis = 200.0, 1720.0, 560.0
    p.setPen(QPen(MUTED, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(left - 60, axis), QPointF(right + 60, axis))
    first, last = 2011, 2020
    for tick in range(first, last + 1):  # one tick a year, so the gaps read true
        x = left + (right - left) * (tick - first) / (last - first)
        p.setPen(QPen(MUTED, 3))
        p.drawLine(QPointF(x, axis - 14), QPointF(x, axis + 14))
    for i, (year, fr, en, ar) in enumerate(TIMELINE):
        x = left + (right - left) * (int(year) - first) / (last - first)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ACCENT)
        p.drawEllipse(QPointF(x, axis), 26, 26)
        up = i % 2 == 0
        box = QRectF(x - 160, axis - 330 if up else axis + 70, 320, 260)
        text(
            p,
            QRectF(box.left(), box.top(), box.width(), 90),
            year,
            px=72,
            family=SERIF,
            bold=True,
            color=ACCENT,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        trilingual(p, QRectF(box.left(), box.top() + 100, box.width(), 170), (fr, en, ar), px=30, center=True, gap=0.15)
    # No stand-in badge: the drawing may stay (docs/content.md).
    save(image, p, root, "images/timeline-2011-2020.png", "Stand-in timeline graphic", "a designed timeline (optional)")


# Syria's outline, as a coarse list of (longitude, latitude) corners read off a small-scale
# atlas map: honest in shape, not a survey. The picture says "schematic" in three languages.
SYRIA_OUTLINE = (
    (35.78, 35.92),
    (35.75, 35.52),
    (35.88, 34.95),
    (35.97, 34.63),
    (36.45, 34.60),
    (36.62, 34.20),
    (36.38, 33.85),
    (36.05, 33.60),
    (35.82, 33.28),
    (35.65, 32.70),
    (35.95, 32.72),
    (36.40, 32.38),
    (36.85, 32.32),
    (38.79, 33.37),
    (40.99, 34.42),
    (41.22, 34.78),
    (41.23, 35.55),
    (41.38, 36.10),
    (41.83, 36.60),
    (42.36, 37.11),
    (41.20, 37.07),
    (40.05, 36.82),
    (39.00, 36.70),
    (38.20, 36.90),
    (37.10, 36.65),
    (36.68, 36.83),
    (36.60, 36.35),
    (36.38, 36.22),
    (36.10, 35.85),
    (35.92, 35.93),
)
PLACES = {
    "damascus": (36.29, 33.51),
    "ghouta": (36.47, 33.56),
    "idlib": (36.63, 35.93),
    "turkey": (37.40, 37.40),
}


def map_route(root: Path) -> None:
    width, height = 1600, 1200
    image, p = new_image(width, height, QColor("#17202A"))
    lon0, lat1 = 33.6, 38.9  # the map's west edge and north edge, in degrees
    ppd = 128.0  # pixels per degree of latitude
    squeeze = math.cos(math.radians(35))  # a degree of longitude is shorter at 35° N

    def at(lon: float, lat: float) -> QPointF:
        # Equirectangular at 35° N: fair for a country this size, and says "schematic" anyway.
        return QPointF(340 + (lon - lon0) * ppd * squeeze, 150 + (lat1 - lat) * ppd)

    def label(
        point: QPointF,
        lines: Sequence[str],
        px: float,
        color: QColor = TEXT,
        *,
        bold: bool = False,
        right: bool = False,
    ) -> None:
        box = QRectF(point.x() - (900 if right else 0), point.y(), 900, 300)
        y = box.top()
        for line in lines:
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            y += text(p, QRectF(box.left(), y, box.width(), 200), line, px=px, color=color, bold=bold, align=align) + 2

    outline = QPolygonF([at(lon, lat) for lon, lat in SYRIA_OUTLINE])
    p.setPen(QPen(QColor("#8A94A0"), 4))
    p.setBrush(QColor("#26313C"))
    p.drawPolygon(outline)
    label(at(38.0, 35.3), MAP_COUNTRY, 40, QColor("#6E7985"), bold=True)
    for lines, lon, lat in MAP_NEIGHBOURS:
        label(at(lon, lat), lines, 26, QColor("#6E7985"))
    berlin = QPointF(140, 200)
    route = [at(*PLACES["ghouta"]), at(*PLACES["idlib"]), at(*PLACES["turkey"]), berlin]
    draw_route(p, route, ACCENT, 6)
    for key, lines, dx, dy, right in MAP_PLACES:
        point = at(*PLACES[key])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(TEXT)
        p.drawEllipse(point, 9, 9)
        label(point + QPointF(dx, dy), lines, 28, bold=key == "ghouta", right=right)
    label(berlin + QPointF(-40, 30), MAP_BERLIN, 34, ACCENT, bold=True)
    label(berlin + QPointF(-40, 80), MAP_OFF_THE_MAP, 24, MUTED)
    label(QPointF(width - 50, height - 180), MAP_SCALE, 26, MUTED, right=True)
    # No stand-in badge: the schematic may stay (docs/content.md).
    save(image, p, root, "images/map-route.png", "Schematic stand-in map", "a licensed or designed map (optional)")


def photo_placeholder(
    root: Path,
    relative: str,
    size: tuple[int, int],
    what: tuple[str, str, str],
    figure: str,
) -> None:
    """A 'photo to come' card in the shape of the photograph it holds the place of."""
    width, height = size
    image, p = new_image(width, height, SURFACE)
    scale = min(width, height) / 1080
    p.setPen(Qt.PenStyle.NoPen)
    if figure == "portrait":  # head and shoulders
        p.setBrush(SURFACE_LIGHT)
        p.drawEllipse(QPointF(width / 2, height * 0.42), 160 * scale, 190 * scale)
        shoulders = QPainterPath()
        shoulders.addRoundedRect(
            QRectF(width / 2 - 330 * scale, height * 0.58, 660 * scale, 600 * scale), 260 * scale, 260 * scale
        )
        p.fillPath(shoulders, SURFACE_LIGHT)
    elif figure == "town":
        draw_skyline(p, width, height * 0.62, SURFACE_LIGHT, seed=11)
        p.fillRect(QRectF(0, height * 0.62, width, height * 0.38), QColor("#262A31"))
    else:  # a lectern and a stage
        p.fillRect(QRectF(0, height * 0.66, width, height * 0.34), QColor("#262A31"))
        draw_people(p, width, height * 0.70, highlight=-1, count=5)
    # A camera glyph: universally read as "a photograph goes here".
    cam = QRectF(0, 0, 150 * scale, 100 * scale)
    cam.moveCenter(QPointF(width / 2, 230 * scale))
    body = QPainterPath()
    body.addRoundedRect(cam, 18 * scale, 18 * scale)
    p.fillPath(body, MUTED)
    p.setBrush(SURFACE)
    p.drawEllipse(cam.center(), 32 * scale, 32 * scale)
    p.fillRect(QRectF(cam.left() + 20 * scale, cam.top() - 16 * scale, 40 * scale, 18 * scale), MUTED)
    # The words sit above the lower quarter: the kiosk lays its full-screen button and, in the
    # attract loop, the caption over the bottom of a picture. Centred, in the middle that the
    # attract loop's crop keeps.
    panel_width = min(width - 120 * scale, width * KEPT_BY_CROPS)
    panel = QRectF((width - panel_width) / 2, height * 0.55, panel_width, 225 * scale)
    p.fillRect(panel, QColor(0, 0, 0, 170))
    trilingual(
        p,
        panel.adjusted(30 * scale, 24 * scale, -30 * scale, 0),
        what,
        px=36 * scale,
        gap=0.25,
    )
    badge(p, width, height, "", label=BADGE_SEPARATOR.join(PHOTO_BADGE))
    save(
        image,
        p,
        root,
        relative,
        f"Stand-in, photo to come: licensed photograph — {what[1]}",
        f"licensed photograph: {what[1]}",
    )


# --------------------------------------------------------------------------- film cards and posters

SCENE_ART: dict[str, Callable[[QPainter], None]] = {
    "hospital": cover_cave,
    "in-charge": cover_in_charge,
    "leaving": cover_exile,
}


def excerpt_for(scene: str) -> tuple[str, int, int]:
    index = list(SCENE_TEXT).index(scene)
    return EXCERPTS[index]


def film_card(scene: str, width: int, height: int) -> QImage:
    """One scene of the stand-in film (and its poster): art, the excerpt's title, the stand-in label.

    Only words for visitors: no panel id, no timecode (staff find those in docs/content.md).
    """
    image, p = new_image(width, height)
    p.save()
    logical(p, width, height)
    if scene in SCENE_TEXT:
        SCENE_ART[scene](p)
        # The scene's words sit high in the frame: the lower third is left to the kiosk's captions.
        p.fillRect(QRectF(60, 150, 780, 370), QColor(0, 0, 0, 200))
        text(p, QRectF(100, 190, 700, 60), SCENE_HEADING, px=34, color=ACCENT, bold=True)
        trilingual(p, QRectF(100, 260, 700, 270), SCENE_TEXT[scene], px=48, family=SERIF, gap=0.15)
    elif scene == "opening":
        p.fillRect(QRectF(0, 0, 1920, 1080), BACKGROUND)
        trilingual(p, QRectF(200, 300, 1520, 500), OPENING_CARD, px=96, family=SERIF, bold=True, center=True)
    else:
        p.fillRect(QRectF(0, 0, 1920, 1080), BACKGROUND)
        text(
            p,
            QRectF(0, 400, 1920, 200),
            CLOSING_CARD,
            px=96,
            family=SERIF,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
    # On every frame, in a band along the top (never under the captions): this is a stand-in.
    p.fillRect(QRectF(0, 0, 1920, 110), QColor(0, 0, 0, 230))
    p.fillRect(QRectF(0, 110, 1920, 5), ACCENT)
    text(p, QRectF(50, 30, 1820, 60), BADGE_SEPARATOR.join(CLIP_BADGE), px=40, bold=True, color=ACCENT)
    p.restore()
    p.end()
    return image


def posters(root: Path) -> None:
    for scene in SCENE_TEXT:
        image = film_card(scene, 1920, 1080)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        save(
            image,
            p,
            root,
            f"images/poster-{scene}.png",
            "Stand-in poster still",
            f"a still from The Cave at the start of {excerpt_for(scene)[0]}",
        )


# --------------------------------------------------------------------------- captions

# Descriptive captions for the stand-in film, timed on the film (not on the excerpt).
# They describe what the licensed excerpt will show; they put no words in anyone's mouth.
# Replace them with the film's own subtitles for the chosen excerpts.
CUES: tuple[tuple[float, float, str, str, str], ...] = (
    # Inside the hospital (20 s to 70 s)
    (
        20.5,
        25.5,
        "[Extrait provisoire] Les images du film viendront ici.",
        "[Stand-in clip] The film\u2019s images will come here.",
        "[مقطع مؤقت] هنا ستُعرض لقطات الفيلم.",
    ),
    (
        26.0,
        32.0,
        "L\u2019hôpital\u00a0: le sous-sol d\u2019un immeuble.",
        "The hospital: the basement of a building.",
        "المستشفى: قبو أحد المباني.",
    ),
    (
        32.5,
        39.0,
        "Cinq salles d\u2019opération y ont été aménagées.",
        "Five operating rooms have been set up there.",
        "جُهّزت فيه خمس غرف للعمليات.",
    ),
    (
        39.5,
        46.0,
        "Les barils d\u2019explosifs amènent des afflux de blessés.",
        "Barrels of explosives bring in waves of wounded.",
        "البراميل المتفجرة تجلب موجات من الجرحى.",
    ),
    (
        46.5,
        53.0,
        "Le blocus\u00a0: les médicaments manquent.",
        "The blockade: medicines run short.",
        "الحصار: الأدوية تنفد.",
    ),
    (53.5, 60.0, "Une équipe rongée par le stress.", "A team worn down by stress.", "فريق أنهكه الضغط."),
    (60.5, 67.5, "[Fin de l\u2019extrait provisoire]", "[End of stand-in clip]", "[نهاية المقطع المؤقت]"),
    # Running the hospital (80 s to 125 s)
    (
        80.5,
        85.5,
        "[Extrait provisoire] Les images du film viendront ici.",
        "[Stand-in clip] The film\u2019s images will come here.",
        "[مقطع مؤقت] هنا ستُعرض لقطات الفيلم.",
    ),
    (
        86.0,
        92.0,
        "En 2016, ses collègues la choisissent pour diriger l\u2019hôpital.",
        "In 2016, her colleagues chose her to run the hospital.",
        "في عام 2016، اختارها زملاؤها لإدارة المستشفى.",
    ),
    (92.5, 99.0, "Elle a 28 ans.", "She was 28.", "وكانت في الثامنة والعشرين."),
    (99.5, 106.0, "Des hommes refusent de lui parler.", "Some men refused to speak to her.", "ورفض رجالٌ أن يكلّموها."),
    (106.5, 113.0, "Elle continue.", "She kept going.", "لكنها واصلت."),
    (113.5, 120.5, "[Fin de l\u2019extrait provisoire]", "[End of stand-in clip]", "[نهاية المقطع المؤقت]"),
    # Leaving (140 s to 185 s)
    (
        140.5,
        145.5,
        "[Extrait provisoire] Les images du film viendront ici.",
        "[Stand-in clip] The film\u2019s images will come here.",
        "[مقطع مؤقت] هنا ستُعرض لقطات الفيلم.",
    ),
    (
        146.0,
        152.0,
        "Printemps 2018\u00a0: le combat prend fin.",
        "Spring 2018: the fight ends.",
        "ربيع 2018: تنتهي المعركة.",
    ),
    (
        152.5,
        159.0,
        "Par peur d\u2019être arrêtés, la directrice et la plupart de ses collègues fuient.",
        "Fearing arrest, the director and most of her colleagues flee.",
        "خوفًا من الاعتقال، تفرّ المديرة ومعظم زملائها.",
    ),
    (
        159.5,
        166.0,
        "Direction Idlib, dans le nord-ouest de la Syrie.",
        "They head for Idlib, in north-western Syria.",
        "وجهتهم إدلب، في شمال غرب سوريا.",
    ),
    (
        166.5,
        173.0,
        "Deux de ses médecins refusent de partir.",
        "Two of her doctors refuse to leave.",
        "اثنان من أطبائها يرفضان الرحيل.",
    ),
    (173.5, 180.5, "[Fin de l\u2019extrait provisoire]", "[End of stand-in clip]", "[نهاية المقطع المؤقت]"),
)


def visitor_words() -> dict[str, tuple[str, ...]]:
    """Every word a visitor can read in the exhibition's generated media, by file in media/.

    The drawing code draws these constants and nothing else, so a test that reads them
    reads what is on screen.
    """
    badge_photo = BADGE_SEPARATOR.join(PHOTO_BADGE)
    badge_clip = BADGE_SEPARATOR.join(CLIP_BADGE)
    words: dict[str, tuple[str, ...]] = {
        "images/title-card.png": (TITLE_CARD_NAME, *TITLE_CARD_ROLES, TITLE_CARD_ARABIC, TITLE_CARD_FORUM),
        "images/timeline-2011-2020.png": tuple(word for event in TIMELINE for word in event),
        "images/map-route.png": (
            *MAP_COUNTRY,
            *(line for lines, _, _ in MAP_NEIGHBOURS for line in lines),
            *(line for _, lines, _, _, _ in MAP_PLACES for line in lines),
            *MAP_BERLIN,
            *MAP_OFF_THE_MAP,
            *MAP_SCALE,
        ),
    }
    for relative, _, what, _ in PHOTOS:
        words[relative] = (badge_photo, *what)
    for scene, title in SCENE_TEXT.items():
        words[f"images/poster-{scene}.png"] = (badge_clip, SCENE_HEADING, *title)
    words[FILM_FILE] = (
        badge_clip,
        SCENE_HEADING,
        *OPENING_CARD,
        CLOSING_CARD,
        *(w for t in SCENE_TEXT.values() for w in t),
    )
    for column, language in enumerate(("fr", "en", "ar")):
        words[f"captions/the-cave.{language}.srt"] = tuple(cue[2 + column] for cue in CUES)
    return words


def srt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{ms:03d}"


def write_srt(path: Path, cues: Sequence[tuple[float, float, str]]) -> None:
    blocks = [f"{i}\n{srt_time(a)} --> {srt_time(b)}\n{line}\n" for i, (a, b, line) in enumerate(cues, 1)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(blocks), encoding="utf-8")
    print(f"  {path.relative_to(ROOT)}")


def captions(root: Path) -> None:
    for column, lang in enumerate(("fr", "en", "ar")):
        relative = f"captions/the-cave.{lang}.srt"
        write_srt(root / relative, [(a, b, cue[column]) for a, b, *cue in CUES])
        MANIFEST.append(
            StandIn(
                relative,
                "captions",
                "Stand-in descriptive captions",
                f"the film's {lang} subtitles for the chosen excerpts",
            )
        )


# --------------------------------------------------------------------------- films


def ffmpeg(*args: str) -> None:
    if shutil.which("ffmpeg") is None:
        raise SystemExit("ffmpeg not found: apt-get install ffmpeg")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def encode(
    cards: Sequence[tuple[Path, float]],
    target: Path,
    *,
    size: tuple[int, int],
    tone: str,
    key_frames: Sequence[int] = (),
    crf: int = 27,
    timecode: bool = True,
) -> None:
    """Still cards + a running timecode (unless not wanted) + a moving marker, H.264/AAC in MP4, reproducibly.

    The exhibition's film has no timecode: visitors see its frames. The moving marker
    shows that it plays.

    A keyframe every 2 s (and at each excerpt's start) lets the player seek to an
    excerpt quickly; -threads 1 and bitexact flags keep the bytes the same run to run.
    """
    width, height = size
    total = sum(duration for _, duration in cards)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "cards.txt"
        lines = []
        for card, duration in cards:
            lines += [f"file '{card}'", f"duration {duration}"]
        lines.append(f"file '{cards[-1][0]}'")  # the concat demuxer needs the last file twice
        listing.write_text("\n".join(lines) + "\n")
        px = max(14, height // 22)
        stamp = (
            f",drawtext=fontfile={MONO_FONT}:fontsize={px}:fontcolor=white:box=1:boxcolor=black@0.75:"
            f"boxborderw={px // 3}:x=w-tw-{px}:y={px // 2}:text='%{{pts\\:hms}}  f%{{n}}'"
        )
        video_filter = (
            f"[0:v]fps={FPS},format=yuv420p{stamp if timecode else ''}[v0];"
            f"color=c=0xE2A740:s={max(6, width // 80)}x{max(4, height // 90)}:r={FPS}[dot];"
            f"[v0][dot]overlay=x='(W-w)*t/{total}':y=H-h:eval=frame:shortest=1[v]"
        )
        args = [
            "-f",
            "concat",
            "-safe",
            "0",
            "-i",
            str(listing),
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=330:sample_rate=48000:duration={total}",
            "-filter_complex",
            f"{video_filter};[1:a]volume='{tone}':eval=frame[a]",
            "-map",
            "[v]",
            "-map",
            "[a]",
            "-t",
            str(total),
            "-c:v",
            "libx264",
            "-preset",
            "slow",
            "-tune",
            "stillimage",
            "-crf",
            str(crf),
            "-profile:v",
            "main",
            "-pix_fmt",
            "yuv420p",
            "-g",
            str(2 * FPS),
            "-threads",
            "1",
            "-c:a",
            "aac",
            "-ac",
            "1",
            "-b:a",
            "40k",
            "-map_metadata",
            "-1",
            "-fflags",
            "+bitexact",
            "-flags:v",
            "+bitexact",
            "-flags:a",
            "+bitexact",
            "-movflags",
            "+faststart",
        ]
        if key_frames:
            args += ["-force_key_frames", ",".join(str(k) for k in key_frames)]
        target.parent.mkdir(parents=True, exist_ok=True)
        ffmpeg(*args, str(target))
    print(f"  {target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


def film(root: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cards = []
        for start, end, scene in FILM_SCENES:
            card = Path(tmp) / f"{scene}.png"
            film_card(scene, *FILM_SIZE).save(str(card))
            cards.append((card, float(end - start)))
        # A soft tone only on the opening and closing cards (outside every excerpt), so an
        # audio check has something to hear while the excerpts stay silent.
        ramp_in = "clip(min(t-0.5,14.5-t),0,1)"
        ramp_out = f"clip(min(t-{FILM_LENGTH - 14.5},{FILM_LENGTH - 0.5}-t),0,1)"
        encode(
            cards,
            root / FILM_FILE,
            size=FILM_SIZE,
            tone=f"0.08*({ramp_in}+{ramp_out})",
            key_frames=[start for _, start, _ in EXCERPTS],
            timecode=False,
        )
    MANIFEST.append(
        StandIn(
            FILM_FILE,
            "video",
            FILM_LABEL,
            "The Cave (Feras Fayyad, 2019), licensed: the whole film or the licensed excerpts",
        )
    )


# --------------------------------------------------------------------------- starter


def starter(root: Path, with_video: bool) -> None:
    """The small sample exhibition `kiosk new` copies: two pictures, a 5 s clip, captions.

    The pictures are drawn at screen size (flat colours keep them small) so that
    `kiosk proof` on a fresh exhibition shows no "image too small" marks.
    """
    image, p = new_image(1920, 1080, QColor("#1F3B4D"))
    p.save()
    logical(p, 1920, 1080, 960, 540)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#2E5A73"))
    p.drawEllipse(QPointF(760, 140), 220, 220)
    p.fillRect(QRectF(0, 380, 960, 160), QColor("#173040"))
    text(p, QRectF(60, 150, 840, 100), "Welcome · Bienvenue", px=64, family=SERIF, bold=True)
    text(
        p,
        QRectF(62, 250, 840, 100),
        "Replace this picture with your own.\nRemplacez cette image par la vôtre.",
        px=26,
        color=MUTED,
    )
    p.restore()
    badge(p, 1920, 1080, "Sample picture from kiosk new — replace it")
    save(image, p, root, "images/welcome.png", "Stand-in sample picture", "your own picture")

    image, p = new_image(900, 1200, SURFACE)
    p.save()
    logical(p, 900, 1200, 540, 720)
    p.setBrush(SURFACE_LIGHT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(270, 300), 110, 130)
    shoulders = QPainterPath()
    shoulders.addRoundedRect(QRectF(60, 440, 420, 400), 170, 170)
    p.fillPath(shoulders, SURFACE_LIGHT)
    text(
        p,
        QRectF(40, 560, 460, 120),
        "A portrait\nUn portrait",
        px=36,
        family=SERIF,
        bold=True,
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    p.restore()
    badge(p, 900, 1200, "Sample portrait — replace it")
    save(image, p, root, "images/portrait.png", "Stand-in sample portrait", "your own photograph")

    if with_video:
        sample_clip(root)
    write_srt(
        root / "captions/sample.en.srt",
        [(0.5, 2.5, "[Sample clip] Captions appear here."), (2.8, 4.8, "Replace them with your own.")],
    )
    write_srt(
        root / "captions/sample.fr.srt",
        [
            (0.5, 2.5, "[Extrait d'exemple] Les sous-titres s'affichent ici."),
            (2.8, 4.8, "Remplacez-les par les vôtres."),
        ],
    )


def sample_clip(root: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        card_image, p = new_image(320, 180, QColor("#1F3B4D"))
        text(
            p,
            QRectF(0, 40, 320, 40),
            "Sample clip",
            px=28,
            family=SERIF,
            bold=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        text(p, QRectF(0, 80, 320, 30), "Extrait d'exemple", px=20, color=MUTED, align=Qt.AlignmentFlag.AlignHCenter)
        text(
            p, QRectF(0, 112, 320, 30), "STAND-IN", px=16, bold=True, color=ACCENT, align=Qt.AlignmentFlag.AlignHCenter
        )
        p.end()
        card = Path(tmp) / "sample.png"
        card_image.save(str(card))
        encode(
            [(card, 5.0)], root / "video/sample.mp4", size=(320, 180), tone="0.05*clip(min(t-0.2,4.8-t)*4,0,1)", crf=30
        )


# --------------------------------------------------------------------------- main


def exhibition_media(root: Path, with_video: bool) -> None:
    title_card(root)
    cover(root, "ghouta", cover_ghouta, "a licensed photograph of Eastern Ghouta")
    cover(root, "cave", cover_cave, "a still from The Cave (Feras Fayyad, 2019)")
    cover(root, "in-charge", cover_in_charge, "a licensed photograph of Dr Amani Ballour at work")
    cover(root, "exile", cover_exile, "a licensed photograph of Dr Amani Ballour in exile")
    cover(root, "caen", cover_caen, "a photograph of the forum in Caen")
    timeline_graphic(root)
    map_route(root)
    for relative, size, what, figure in PHOTOS:
        photo_placeholder(root, relative, size, what, figure)
    posters(root)
    captions(root)
    if with_video:
        film(root)


def write_manifest(root: Path) -> None:
    entries = sorted(MANIFEST, key=lambda item: item.path)
    data = {
        "about": (
            "Stand-ins made by tools/make_stand_ins.py, each labelled in the picture itself. When a licensed "
            "file replaces one, remove its entry here (see docs/content.md)."
        ),
        "files": [vars(entry) for entry in entries],
    }
    (root / "stand-ins.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-video", action="store_true", help="skip the ffmpeg films (quick redraws)")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    load_fonts()
    print("media/")
    exhibition_media(MEDIA, with_video=not args.no_video)
    if args.no_video:  # keep the film's manifest entry when only the pictures were redrawn
        MANIFEST.append(
            StandIn(
                FILM_FILE,
                "video",
                FILM_LABEL,
                "The Cave (Feras Fayyad, 2019), licensed: the whole film or the licensed excerpts",
            )
        )
    write_manifest(MEDIA)
    print("kiosk/starter/media/")
    starter(STARTER_MEDIA, with_video=not args.no_video)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
