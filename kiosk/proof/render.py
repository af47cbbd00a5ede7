"""Draw each panel through the kiosk's own window, offscreen, and grab it.

One KioskApp per screen size; for each language and panel the visit is driven as a
visitor would (wake, language, chapter at that panel), then the frame is grabbed once
three grabs 60 ms apart are identical: animations and image loads have settled.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtGui import QImage

from kiosk.model.exhibition import Chapter, Exhibition, Panel
from kiosk.navigation import Timeouts
from kiosk.proof.marks import Mark, panel_marks
from kiosk.proof.scene_marks import fallback_boxes, scene_marks

#: Longest wait for a panel to settle; a panel with a never-ending animation is grabbed then.
SETTLE_LIMIT_S = 3.0
#: Identical grabs in a row that count as settled (an image still loading changes the next one).
SAME_GRABS = 3


@dataclass(frozen=True, slots=True)
class Shot:
    size: tuple[int, int]
    language: str
    chapter_index: int
    chapter: Chapter
    panel_index: int
    panel: Panel
    image: QImage
    marks: tuple[Mark, ...]
    settled: bool
    #: Texts shown in another language, outlined on the sheet beside the translation marks.
    fallbacks: tuple[tuple[float, float, float, float], ...] = ()


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class PanelRenderer:
    """A kiosk window at one size, driven panel by panel."""

    def __init__(self, result: Any, size: tuple[int, int]) -> None:
        from kiosk.ui.app import KioskApp

        self.size = size
        # No idle reset and no tap gate: the proof drives the visit faster than a hand.
        self.app = KioskApp(result, size=size, timeouts=Timeouts(idle=1_000_000, countdown=10, tap_gap=0))
        self.app.show(fullscreen=False, size=QSize(*size))

    def close(self) -> None:
        self.app.close()
        self.app.deleteLater()

    def _settle(self) -> tuple[QImage, bool]:
        window = self.app.window
        started = time.monotonic()
        previous: QImage | None = None
        same = 1
        while True:
            _wait(60)
            image = window.grabWindow()
            same = same + 1 if previous is not None and image == previous else 1
            if same >= SAME_GRABS:
                return image, True
            if time.monotonic() - started > SETTLE_LIMIT_S:
                return image, False
            previous = image

    def shoot(self, exhibition: Exhibition, language: str, chapter_index: int, panel_index: int) -> Shot:
        visit = self.app.visit
        visit.wake()
        visit.go_home()
        visit.set_language(language)
        visit.open_chapter(chapter_index, panel_index)
        image, settled = self._settle()
        chapter = exhibition.chapters[chapter_index]
        panel = chapter.panels[panel_index]
        marks = panel_marks(panel, language, self.size) + scene_marks(self.app.window, panel.id)
        fallbacks = tuple(fallback_boxes(self.app.window, panel.id))
        return Shot(
            self.size, language, chapter_index, chapter, panel_index, panel, image, tuple(marks), settled, fallbacks
        )


def shots(result: Any, sizes: list[tuple[int, int]], languages: list[str]) -> Iterator[Shot]:
    """Every (size, language, panel), in reading order."""
    exhibition: Exhibition = result.exhibition
    for size in sizes:
        renderer = PanelRenderer(result, size)
        try:
            for language in languages:
                for chapter_index, chapter in enumerate(exhibition.chapters):
                    for panel_index in range(len(chapter.panels)):
                        yield renderer.shoot(exhibition, language, chapter_index, panel_index)
        finally:
            renderer.close()
