"""The whole kiosk, warning-strict, on exhibitions of unusual shapes.

The bundled exhibition is one shape; a museum's first exhibition may be another: its attract
loop a single film, no film at all, nothing but pictures, or a portrait screen. Each runs the
attract loop round more than once, then a visit through every panel and back; any Qt or QML
warning (a binding loop, a missing required property, a reference error) fails the test
(``qt_log_level_fail = "WARNING"`` in pyproject.toml).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clips import Clip
from harness import make_poster, video_panel
from PySide6.QtGui import QPointingDevice

from kiosk.model import (
    Attract,
    Chapter,
    Exhibition,
    ExhibitionInfo,
    ImagePanel,
    Localized,
    MediaFile,
    QuotePanel,
    TextPanel,
)
from kiosk.model.timecode import Duration

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the presentation's driver, tests/ui

from ui.driver import make_kiosk
from ui.exhibition_factory import build_exhibition

pytestmark = pytest.mark.vlc

L = Localized.of


def _exhibition(panels: tuple[Any, ...], attract: tuple[str, ...]) -> Exhibition:
    return Exhibition(
        exhibition=ExhibitionInfo(id="shape", title=L({"en": "Shape", "ar": "شكل"}), languages=("en", "ar")),
        attract=Attract(items=attract, invitation=L({"en": "Touch", "ar": "المس"}), item_duration=Duration(600)),
        chapters=(Chapter(id="one", title=L({"en": "One", "ar": "واحد"}), panels=panels),),
    )


def film_only(media: Path, clip: Clip) -> Exhibition:
    film = video_panel(clip.path, make_poster(media, "#804020"), 0, 1500, panel_id="film")
    return _exhibition((film,), ("film",))


def no_film(media: Path, clip: Clip) -> Exhibition:
    text = TextPanel(id="text", title=L({"en": "Words", "ar": "كلمات"}), body=L({"en": "Body", "ar": "نص"}))
    quote = QuotePanel(id="quote", words=L({"en": "We stayed.", "ar": "بقينا."}), who=L("Someone"))
    return _exhibition((text, quote), ("quote", "text"))


def pictures_only(media: Path, clip: Clip) -> Exhibition:
    posters = [make_poster(media, colour, (800, 500)) for colour in ("#206040", "#402060")]
    panels = tuple(
        ImagePanel(id=f"picture{n}", src=MediaFile(path.name, path), alt=L("A picture"))
        for n, path in enumerate(posters)
    )
    return _exhibition(panels, tuple(panel.id for panel in panels))


def single_picture(media: Path, clip: Clip) -> Exhibition:
    poster = make_poster(media, "#205080", (800, 500))
    panel = ImagePanel(id="picture", src=MediaFile(poster.name, poster), alt=L("A picture"))
    return _exhibition((panel,), ("picture",))


def every_kind(media: Path, clip: Clip) -> Exhibition:
    return build_exhibition(media / "every-kind")


SHAPES: dict[str, tuple[Callable[[Path, Clip], Exhibition], tuple[int, int]]] = {
    "one film only": (film_only, (1920, 1080)),
    "one film only, 4K": (film_only, (3840, 2160)),
    "no film": (no_film, (1920, 1080)),
    "pictures only": (pictures_only, (1920, 1080)),
    "one picture only": (single_picture, (1920, 1080)),
    "portrait": (every_kind, (1080, 1920)),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_the_kiosk_runs_without_a_warning(
    qtbot: Any, vlc_ready: None, touch_device: QPointingDevice, media_dir: Path, clip: Clip, shape: str
) -> None:
    build, size = SHAPES[shape]
    exhibition = build(media_dir, clip)
    driver = make_kiosk(qtbot, touch_device, exhibition, size=size)
    try:
        loop = driver.find("attractLoop")
        qtbot.waitUntil(lambda: loop.property("currentReady"), timeout=8000)
        qtbot.wait(2500)  # the loop goes round (or replays its one item) more than once
        assert loop.property("currentReady")
        driver.navigator.wake()
        qtbot.waitUntil(lambda: driver.navigator.openChapter(0), timeout=3000)
        for index in range(driver.navigator.panelCount):
            driver.navigator.showPanel(index)
            qtbot.wait(300)
        driver.navigator.setLanguage("ar")
        qtbot.wait(300)
        driver.navigator.goHome()
        qtbot.wait(300)
    finally:
        driver.app.close()
        gc.collect()
