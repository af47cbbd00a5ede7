"""A small exhibition built straight from the model, with real (generated) pictures.

Tests of the presentation do not wait for the YAML loader or the bundled content: they
get every panel kind, three languages with Arabic, a missing translation and a broken
picture, in a few kilobytes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.model import (
    Attract,
    Chapter,
    Exhibition,
    ExhibitionInfo,
    ImagePanel,
    Localized,
    MediaFile,
    PlaceholderPanel,
    QuotePanel,
    TextPanel,
    TimelineEvent,
    TimelinePanel,
    VideoPanel,
)
from kiosk.model.timecode import Duration, Timecode

L = Localized.of


def _picture(path: Path, size: tuple[int, int], colours: tuple[str, str], label: str) -> MediaFile:
    """A soft two-colour gradient with a circle near the focus point: enough to see crops and zooms."""
    image = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(image)
    top, bottom = (
        Image.new("RGB", (1, 1), colours[0]).getpixel((0, 0)),
        Image.new("RGB", (1, 1), colours[1]).getpixel((0, 0)),
    )
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    for y in range(size[1]):
        t = y / max(1, size[1] - 1)
        draw.line([(0, y), (size[0], y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    r = min(size) // 6
    cx, cy = size[0] * 0.62, size[1] * 0.35
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill="#F2D7A0")
    draw.text((20, 20), label, fill="#FFFFFF")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return MediaFile(f"images/{path.name}", path)


def build_exhibition(media: Path) -> Exhibition:
    portrait = _picture(media / "images" / "portrait.png", (1600, 1067), ("#3A4A5C", "#1B2330"), "portrait")
    hospital = _picture(media / "images" / "hospital.png", (1280, 720), ("#5C3A2E", "#24160F"), "poster")
    cover = _picture(media / "images" / "cover.png", (800, 500), ("#2F4F4F", "#102020"), "cover")
    missing = MediaFile("images/missing.png", media / "images" / "missing.png", problem="file not found")
    long_body = "\n\n".join(
        f"Paragraph {n}. Amani Ballour ran an underground hospital in eastern Ghouta from 2012 to 2018, "
        "treating *thousands* of patients under siege, with **courage** and a small team of doctors."
        for n in range(1, 9)
    )
    chapters = (
        Chapter(
            id="ghouta",
            title=L({"fr": "La Ghouta", "en": "Ghouta", "ar": "الغوطة"}),
            summary=L({"fr": "Un hôpital sous terre", "en": "A hospital underground", "ar": "مستشفى تحت الأرض"}),
            cover=cover,
            panels=(
                TextPanel(
                    id="intro",
                    title=L({"fr": "Une médecin", "en": "A doctor", "ar": "طبيبة"}),
                    body=L({"fr": "Texte **français**.\n\n- un\n- deux", "en": long_body, "ar": "نص عربي *مهم*."}),
                ),
                ImagePanel(
                    id="portrait",
                    src=portrait,
                    alt=L({"fr": "Portrait", "en": "Portrait", "ar": "صورة"}),
                    caption=L({"fr": "Amani Ballour en 2019", "en": "Amani Ballour in 2019"}),
                    credit=L("Stand-in picture"),
                    focus=(0.62, 0.35),
                ),
                QuotePanel(
                    id="duty",
                    words=L({"fr": "Nous devions rester.", "en": "We had to stay.", "ar": "كان علينا أن نبقى."}),
                    who=L({"fr": "Amani Ballour", "en": "Amani Ballour", "ar": "أماني بلور"}),
                    when=L("2018"),
                ),
                TimelinePanel(
                    id="years",
                    title=L({"fr": "Les années", "en": "The years", "ar": "السنوات"}),
                    events=(
                        TimelineEvent(
                            date=L("2011"), text=L({"fr": "La révolte", "en": "The uprising", "ar": "الثورة"})
                        ),
                        TimelineEvent(
                            date=L("2012"), text=L({"fr": "L'hôpital", "en": "The hospital", "ar": "المستشفى"})
                        ),
                        TimelineEvent(date=L("2016"), text=L({"fr": "Directrice", "en": "In charge", "ar": "مديرة"})),
                        TimelineEvent(date=L("2018"), text=L({"fr": "Le départ", "en": "Leaving", "ar": "الرحيل"})),
                    ),
                ),
                VideoPanel(
                    id="cave",
                    src=MediaFile("video/cave.mp4", media / "video" / "cave.mp4"),
                    start=Timecode(0),
                    end=Timecode(5000),
                    poster=hospital,
                    title=L({"fr": "La grotte", "en": "The Cave", "ar": "الكهف"}),
                ),
            ),
        ),
        Chapter(
            id="forum",
            title=L({"fr": "Le forum", "en": "The forum", "ar": "المنتدى"}),
            panels=(
                ImagePanel(id="gone", src=missing, alt=L("missing")),
                PlaceholderPanel(id="broken", problems=("exhibition.yaml:40:9: chapters[1].panels[1]: bad",)),
            ),
        ),
    )
    return Exhibition(
        exhibition=ExhibitionInfo(
            id="test",
            title=L({"fr": "Amani Ballour", "en": "Amani Ballour", "ar": "أماني بلور"}),
            subtitle=L({"fr": "Soigner sous les bombes", "en": "Healing under the bombs"}),
            languages=("fr", "en", "ar"),
        ),
        attract=Attract(
            items=("portrait", "duty", "years", "cave"),
            invitation=L({"fr": "Touchez pour découvrir", "en": "Touch to explore", "ar": "المس للاستكشاف"}),
            idle_timeout=Duration(90_000),
            item_duration=Duration(9_000),
        ),
        chapters=chapters,
        media_root=media,
    )
