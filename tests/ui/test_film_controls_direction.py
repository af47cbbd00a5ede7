"""A film's controls read left to right in Arabic too, as the film's time runs: play first, the
scrubber filling to the right, the volume at the end with its speaker clear of its knob."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from kiosk.model import Exhibition
from ui.driver import make_kiosk, panel_place


def _rect(item: Any) -> Any:
    return item.mapRectToScene(item.boundingRect())


def test_the_film_controls_are_not_mirrored_in_arabic(
    qtbot: Any, touch_device: Any, bundled_exhibition: Exhibition
) -> None:
    kiosk = make_kiosk(qtbot, touch_device, bundled_exhibition)
    try:
        kiosk.home_by_navigator()
        kiosk.navigator.setLanguage("ar")
        kiosk.show_panel(*panel_place(bundled_exhibition, "excerpt-hospital"))
        button = kiosk.wait_for("videoBigButton")
        qtbot.wait(450)  # the strip comes to rest on the panel
        centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        kiosk.wait_for("videoControls", timeout=10_000)
        play, scrubber = _rect(kiosk.find("videoPlayPause")), _rect(kiosk.find("videoScrubber"))
        speaker, volume = _rect(kiosk.find("videoSpeaker")), _rect(kiosk.find("videoVolume"))
        assert play.right() < scrubber.left() < scrubber.right() < speaker.left() < volume.left()
        knob_at_loudest = volume.right() - 17  # the knob's centre sits at the end of the track
        assert speaker.right() < knob_at_loudest - 17
        # In high contrast the buttons' surface is the background's black: their outline shows them.
        kiosk.app.access.toggle("contrast")
        qtbot.waitUntil(lambda: kiosk.app.access.highContrast)
        qtbot.wait(100)  # a frame drawn in the new colours
        image = kiosk.window.grabWindow()
        for name in ("videoPlayPause", "videoReplay"):
            button = _rect(kiosk.find(name))
            edge = QColor(image.pixel(int(button.left()) + 1, int(button.center().y())))
            assert edge.lightness() > 128, (name, edge.name())  # the circle's outline, not black
    finally:
        kiosk.app.close()
