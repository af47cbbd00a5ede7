"""The live preview: the kiosk's own scene (the same QML and view models as ``kiosk run``) beside the form.

What staff type reaches it within a frame or two: only the panel being edited is converted again
(:func:`convert_panel`, the loader's own converter on that panel's YAML), put in place of the old one
in the last checked exhibition, and the preview is given the chapter that holds it. Its cost does
not grow with the size of the exhibition.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.editor.i18n import tr
from kiosk.loader.convert import Converter
from kiosk.loader.media_check import MediaChecker
from kiosk.loader.problems import LoadFailed, ProblemLog
from kiosk.loader.yaml_tree import compose
from kiosk.model import Exhibition, Panel
from kiosk.navigation import Timeouts

#: Screens staff can preview: (width, height, large text).
SCREENS: dict[str, tuple[int, int, bool]] = {
    "landscape": (1920, 1080, False),
    "portrait": (1080, 1920, False),
    "large-text": (1920, 1080, True),
}
#: Nobody touches the preview: its visit never times out and never debounces the editor's commands.
_PREVIEW_TIMEOUTS = Timeouts(idle=7 * 24 * 3600.0, countdown=60.0, tap_gap=0.0)


def convert_panel(yaml_text: str, exhibition: Exhibition, media: MediaChecker, fallback_id: str) -> Panel | None:
    """The panel written in ``yaml_text``, read by the loader (a placeholder with its problems if it is wrong)."""
    log = ProblemLog(exhibition.source)
    try:
        node = compose(yaml_text, log)
    except LoadFailed:
        return None
    converter = Converter(log, media)
    panel: Panel = converter.panel_or_placeholder(node, "panel", fallback_id)
    return panel


def with_panel(exhibition: Exhibition, chapter: int, index: int, panel: Panel | None) -> Exhibition:
    """An exhibition of the one chapter to preview, with ``panel`` in place of the one at ``index``."""
    original = exhibition.chapters[chapter]
    panels = list(original.panels)
    if panel is not None and 0 <= index < len(panels):
        panels[index] = panel
    return dataclasses.replace(exhibition, chapters=(dataclasses.replace(original, panels=tuple(panels)),))


#: The preview's size: half a 1080p screen. The kiosk's Theme scales with the window's shorter side
#: (Theme.scale, 0.5 here) and stops scaling below that, so a smaller window would not be the booth's
#: layout made smaller but another layout.
PREVIEW_SIZE = (960, 540)


class PreviewPane(QWidget):
    """Language and screen choices above the kiosk's scene."""

    settings_changed = Signal()
    room_judged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk: Any = None
        self.language_box = QComboBox()
        self.language_box.setObjectName("previewLanguage")
        self.screen_box = QComboBox()
        self.screen_box.setObjectName("previewScreen")
        for key, label in (
            ("landscape", tr("Landscape 1920×1080")),
            ("portrait", tr("Portrait 1080×1920")),
            ("large-text", tr("Large text")),
        ):
            self.screen_box.addItem(label, key)
        self.language_box.currentIndexChanged.connect(lambda _i: self.settings_changed.emit())
        self.screen_box.currentIndexChanged.connect(self._screen_changed)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Language")))
        bar.addWidget(self.language_box)
        bar.addWidget(QLabel(tr("Screen")))
        bar.addWidget(self.screen_box)
        bar.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("previewRoom")
        self.note.setWordWrap(True)
        # The room texts have, judged on the drawn screen by the proof sheets' own checks, once the
        # panel has come to rest (its slide in takes Theme.transitionMs).
        self._room_timer = QTimer(self, singleShot=True, interval=350)
        self._room_timer.timeout.connect(self._judge_room)
        self._panel_id = ""
        self.holder = QVBoxLayout(self)
        self.holder.addLayout(bar)
        self.box: QWidget | None = None
        self.container: QWidget | None = None
        self.placeholder = QLabel(tr("The preview appears once the exhibition can be read."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.holder.addWidget(self.placeholder, 1)
        self.holder.addWidget(self.note)
        self.updates = 0

    @property
    def language(self) -> str:
        return str(self.language_box.currentData() or "")

    @property
    def screen_key(self) -> str:
        return str(self.screen_box.currentData() or "landscape")

    def set_languages(self, languages: tuple[str, ...]) -> None:
        current = self.language
        if tuple(self.language_box.itemData(i) for i in range(self.language_box.count())) == languages:
            return
        self.language_box.blockSignals(True)
        self.language_box.clear()
        for language in languages:
            self.language_box.addItem(language, language)
        index = languages.index(current) if current in languages else 0
        self.language_box.setCurrentIndex(index)
        self.language_box.blockSignals(False)

    def _screen_changed(self) -> None:
        self._fit()
        self.settings_changed.emit()

    def _fit(self) -> None:
        width, height, _large = SCREENS[self.screen_key]
        if self.container is not None:
            long_side, short_side = PREVIEW_SIZE
            self.container.setFixedSize(long_side, short_side) if width >= height else self.container.setFixedSize(
                short_side, long_side
            )

    def _ensure_kiosk(self, exhibition: Exhibition) -> None:
        if self.kiosk is not None:
            return
        from kiosk.ui.app import KioskApp

        self.kiosk = KioskApp(exhibition, timeouts=_PREVIEW_TIMEOUTS, size=PREVIEW_SIZE, parent=self)
        self.kiosk.window.setObjectName("previewWindow")
        # Not in a scroll area: there a window container needs native windows all the way up, which
        # the offscreen platform (tests) cannot make. The dock keeps the preview's size as its minimum.
        self.box = QWidget(self)
        self.container = QWidget.createWindowContainer(self.kiosk.window, self.box)
        self.container.setObjectName("previewContainer")
        centred = QHBoxLayout(self.box)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(self.container, 0, Qt.AlignmentFlag.AlignCenter)
        self._fit()
        self.holder.replaceWidget(self.placeholder, self.box)
        self.placeholder.hide()
        self.kiosk.window.show()

    def show_panel(self, exhibition: Exhibition, chapter: int, panel: int) -> None:
        """Show panel ``panel`` of chapter ``chapter`` of ``exhibition`` (a one-chapter exhibition)."""
        self._ensure_kiosk(exhibition)
        kiosk = self.kiosk
        kiosk.apply_exhibition(exhibition)
        navigator = kiosk.navigator
        _width, _height, large = SCREENS[self.screen_key]
        if navigator.screen == "attract":
            navigator.wake()
        if self.language and self.language in exhibition.languages:
            navigator.setLanguage(self.language)
        navigator.setLargeText(large)
        if navigator.screen != "chapter" or navigator.chapterIndex != chapter:
            navigator.openChapter(chapter)
        navigator.showPanel(panel)
        self._panel_id = exhibition.chapters[chapter].panels[panel].id if exhibition.chapters[chapter].panels else ""
        self._room_timer.start()
        self.updates += 1

    def _judge_room(self) -> None:
        from kiosk.proof.scene_marks import scene_marks

        if self.kiosk is None or not self._panel_id:
            return
        marks = scene_marks(self.kiosk.window, self._panel_id)
        screen = self.screen_box.currentText()
        if marks:
            self.note.setStyleSheet("color: #b00020;")
            self.note.setText(
                tr("On this screen ({0}, {1}):").format(screen, self.language)
                + "\n"
                + "\n".join(f"• {mark.message}" for mark in marks)
            )
        else:
            self.note.setStyleSheet("color: #2e7d32;")
            self.note.setText(tr("Every text fits on this screen ({0}, {1}).").format(screen, self.language))
        self.room_judged.emit()

    def close_kiosk(self) -> None:
        if self.kiosk is not None:
            self.kiosk.close()
            self.kiosk = None
