"""The attract loop: it cycles, switches only to a ready item, dissolves from one to the next, and
never shows an empty frame."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kiosk.model import Exhibition
from kiosk.model.exhibition import ImagePanel, TimelinePanel
from kiosk.model.timecode import Duration
from kiosk.ui.items import walk
from ui.driver import KioskDriver, make_kiosk


def test_the_loop_cycles_through_ready_items_without_a_gap(
    qtbot: Any, touch_device: Any, ui_exhibition: Exhibition
) -> None:
    attract = dataclasses.replace(
        ui_exhibition.attract, items=("portrait", "duty", "years"), item_duration=Duration(250)
    )
    kiosk = make_kiosk(qtbot, touch_device, dataclasses.replace(ui_exhibition, attract=attract))
    try:
        loop = kiosk.wait_for("attractLoop")
        seen: list[int] = []
        gaps: list[str] = []
        dissolving: set[int] = set()  # items seen part-way in, over the one before

        def on_frame() -> None:
            current = loop.property("current")
            if not seen or seen[-1] != current:
                seen.append(current)
            slide = kiosk.find_all(f"attractSlide_{('portrait', 'duty', 'years')[current]}")[0]
            leaving = loop.property("leaving")
            # While the new item fades in, the old one stays fully drawn beneath it.
            if slide.opacity() < 1 and leaving < 0:
                gaps.append(f"item {current} at opacity {slide.opacity():.2f} over nothing")
            if 0 < slide.opacity() < 1 and leaving >= 0:
                dissolving.add(current)

        kiosk.window.frameSwapped.connect(on_frame)
        qtbot.waitUntil(lambda: len(seen) >= 5, timeout=15_000)
        kiosk.window.frameSwapped.disconnect(on_frame)
        assert seen[:5] == [0, 1, 2, 0, 1]
        assert not gaps, gaps[:3]
        assert dissolving >= {1, 2, 0}  # a dissolve, not a cut, at each switch (the first item shows at once)
    finally:
        kiosk.app.close()


def test_attract_pictures_keep_clear_of_the_invitation(
    qtbot: Any, touch_device: Any, ui_exhibition: Exhibition
) -> None:
    # The invitation band must never cover an item's picture (words drawn into a title card,
    # a face at the bottom of a photo): the picture is cropped into the screen above it.
    attract = dataclasses.replace(ui_exhibition.attract, items=("portrait", "intro"), item_duration=Duration(400))
    for size in ((1920, 1080), (1080, 1920)):
        kiosk = make_kiosk(qtbot, touch_device, dataclasses.replace(ui_exhibition, attract=attract), size=size)
        try:
            kiosk.wait_for("attractLoop")
            band = kiosk.find("invitation")
            qtbot.waitUntil(lambda band=band: band.mapToScene(band.boundingRect().topLeft()).y() > 0)
            band_top = band.mapToScene(band.boundingRect().topLeft()).y()
            assert band.height() > 100 and band_top + band.height() == size[1]
            pictures = []
            for name in ("attractSlide_portrait", "attractSlide_intro"):
                slide = kiosk.find(name, visible=False)
                qtbot.waitUntil(lambda slide=slide: any(i.objectName() == "attractPicture" for i in walk(slide)))
                pictures += [i for i in walk(slide) if i.objectName() == "attractPicture"]
            for picture in pictures:
                bottom = picture.mapToScene(picture.boundingRect().bottomLeft()).y()
                assert picture.clip() and bottom <= band_top + 0.5, (size, bottom, band_top)
                assert picture.height() > size[1] / 2, "the picture still fills most of the screen"
        finally:
            kiosk.app.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_long_attract_quote_stays_whole_above_the_invitation(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition, size: Any
) -> None:
    # The bundled exhibition's longest quote: at the attract loop's size its words reached the
    # invitation band, and who said them was drawn beneath it.
    kiosk = _bundled_loop_of(qtbot, touch_device, bundled_exhibition, "quote-keep-going", size)
    try:
        band_top = _invitation_top(qtbot, kiosk)
        words = kiosk.find("attractQuoteWords")
        texts = [item for item in walk(words) if item.property("truncated") is not None]
        assert any("continuer" in item.property("text") for item in texts)
        assert [item.property("text") for item in texts if item.property("truncated")] == []
        # Laid out at its full size (the drift grows it 3 % about its centre, kept within the room).
        scale = words.scale()
        words.setScale(1.03)
        try:
            bottom = words.mapToScene(words.boundingRect().bottomLeft()).y()
            top = words.mapToScene(words.boundingRect().topLeft()).y()
        finally:
            words.setScale(scale)
        assert top >= 0 and bottom <= band_top + 0.5, (size, top, bottom, band_top)
    finally:
        kiosk.app.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_an_attract_photograph_is_cropped_a_little_or_shown_whole_with_its_credit_in_words(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition, size: Any
) -> None:
    # The bundled portrait (4:5) far from a landscape screen's shape shows whole, zoom included;
    # on a portrait screen it is cropped, by a quarter at most. Its credit ("stand-in") is in
    # the caption, in words, whatever the crop leaves of the label drawn on it.
    kiosk = _bundled_loop_of(qtbot, touch_device, bundled_exhibition, "portrait", size)
    try:
        frame = kiosk.find("attractPicture")
        picture = next(item for item in walk(frame) if item.objectName() == "kenBurnsPicture")
        qtbot.waitUntil(lambda: frame.property("ready") is True)
        zoom = frame.property("zoom")
        assert zoom > 1
        if size[0] > size[1]:
            assert frame.property("whole") is True
            # Zoomed about its centre, at the zoom's end it just fills the frame, and never more.
            assert picture.width() * zoom <= frame.width() + 0.5 and picture.height() * zoom <= frame.height() + 0.5
            assert max(picture.width() * zoom / frame.width(), picture.height() * zoom / frame.height()) > 0.99
            assert abs(picture.x() + picture.width() / 2 - frame.width() / 2) < 0.5
            assert abs(picture.y() + picture.height() / 2 - frame.height() / 2) < 0.5
        else:
            assert frame.property("whole") is False
            shown = min(frame.width() / picture.width(), frame.height() / picture.height())
            assert 0.75 <= shown < 1, shown
        credit = kiosk.find("attractCredit")
        panel = bundled_exhibition.panel("portrait")
        assert isinstance(panel, ImagePanel) and panel.credit is not None
        assert credit.property("value")["text"] in {text for _, text in panel.credit.texts}
    finally:
        kiosk.app.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_attract_timeline_tells_each_moment_whole_above_the_invitation(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition, size: Any
) -> None:
    # The bundled timeline's moments have words and no titles: the attract loop showed their
    # years alone. Each now says what happened, along a line across a landscape screen and down
    # a portrait one (six columns there were too narrow for words).
    kiosk = _bundled_loop_of(qtbot, touch_device, bundled_exhibition, "life-timeline", size)
    try:
        band_top = _invitation_top(qtbot, kiosk)
        panel = bundled_exhibition.panel("life-timeline")
        assert isinstance(panel, TimelinePanel)
        # The loop's first item speaks French (its spaces typeset: no-break before « and »).
        expected = [_spaces(dict(event.text.texts)["fr"]) for event in panel.events]
        words = kiosk.find_all("attractMomentWords")
        assert [_spaces(item.property("value")["text"]) for item in words] == expected
        for item in words:
            bottom = item.mapToScene(item.boundingRect().bottomLeft()).y()
            label = next(child for child in walk(item) if child.property("truncated") is not None)
            assert not label.property("truncated"), label.property("text")
            assert bottom <= band_top, (item.property("value")["text"], bottom, band_top)
        tops = {round(item.mapToScene(item.boundingRect().topLeft()).y()) for item in words}
        lefts = {round(item.mapToScene(item.boundingRect().topLeft()).x()) for item in words}
        if size[0] > size[1]:
            assert len(tops) == 1 and len(lefts) == len(words)  # side by side along the line
        else:
            assert len(lefts) == 1 and len(tops) == len(words)  # one under the other
    finally:
        kiosk.app.close()


def _bundled_loop_of(qtbot: Any, touch_device: Any, exhibition: Exhibition, panel_id: str, size: Any) -> KioskDriver:
    """The kiosk on ``exhibition`` at ``size``, its attract loop showing the panel ``panel_id`` alone."""
    attract = dataclasses.replace(exhibition.attract, items=(panel_id,))
    kiosk = make_kiosk(qtbot, touch_device, dataclasses.replace(exhibition, attract=attract), size=size)
    kiosk.wait_for("attractLoop")
    return kiosk


def _invitation_top(qtbot: Any, kiosk: KioskDriver) -> float:
    """Where the invitation band starts, in scene coordinates, once the loop has laid it out."""
    band = kiosk.find("invitation")
    qtbot.waitUntil(lambda: band.mapToScene(band.boundingRect().topLeft()).y() > 0)
    return float(band.mapToScene(band.boundingRect().topLeft()).y())


def _spaces(text: str) -> str:
    """``text`` with every kind of space one plain space."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())
