"""Closing the kiosk while a panel is still being built: the scene goes before its engine.

A panel beside the one on screen is built a little each frame (an asynchronous Loader). One
still being built when the engine was destroyed reported to the freed engine when it died, later:
a crash in a later test (docs/decisions/0075).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QPointingDevice

from kiosk.model import Exhibition
from ui.driver import make_kiosk

STILL_BUILDING = "in the process of being created at engine destruction"


def test_closing_while_a_panel_is_being_built_leaves_nothing_to_the_freed_engine(
    qtbot: Any, qtlog: Any, touch_device: QPointingDevice, ui_exhibition: Exhibition
) -> None:
    kiosk = make_kiosk(qtbot, touch_device, ui_exhibition)
    kiosk.open_chapter(0)
    qtbot.wait(80)  # beyond the tap gap
    kiosk.navigator.showPanel(3)
    kiosk.wait_for("timelinePanel")
    # A reload builds the chapter's panels again, the neighbours a little each frame.
    first = ui_exhibition.chapters[0]
    shorter = dataclasses.replace(first, panels=first.panels[1:])
    reloaded = dataclasses.replace(ui_exhibition, chapters=(shorter, *ui_exhibition.chapters[1:]))
    assert kiosk.app.apply_exhibition(reloaded)
    kiosk.wait_for("timelinePanel")
    # At once, while the timeline's neighbours are still being built.
    kiosk.app.close()
    qtbot.wait(50)  # what the scene left for later runs now
    leftovers = [record.message for record in qtlog.records if STILL_BUILDING in record.message]
    assert not leftovers, leftovers
