"""The bundled exhibition in the real kiosk window, with its speech rendered and a sound tap as ears.

Speech is rendered once per test session with the real espeak-ng (into a temporary folder);
the listen control plays it through a real libVLC player whose sound goes to an :class:`Ear`
instead of a loudspeaker, so a test hears what a visitor would.
"""

from __future__ import annotations

import array
import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest

from kiosk import paths
from kiosk.loader import load_exhibition
from kiosk.model.exhibition import Exhibition
from kiosk.navigation import Timeouts
from kiosk.navigation.events import VisitEvent
from kiosk.speech.library import render
from kiosk.speech.synth import find_synthesiser
from kiosk.video import vlc_engine

KEYS = {
    "left": Qt.Key.Key_Left, "right": Qt.Key.Key_Right, "up": Qt.Key.Key_Up, "down": Qt.Key.Key_Down,
    "select": Qt.Key.Key_Return, "back": Qt.Key.Key_Backspace, "help": Qt.Key.Key_F1, "listen": Qt.Key.Key_L,
}  # fmt: skip


class Ear:
    """What the loudspeaker would play: blocks of samples counted, loud ones flagged."""

    def __init__(self) -> None:
        self.samples = 0
        self.loud = threading.Event()
        self.any = threading.Event()
        self.first_loud_at = 0.0

    def tap(self, data: bytes, at: float) -> None:
        block = array.array("h")
        block.frombytes(data)
        self.samples += len(block)
        self.any.set()
        if block and not self.loud.is_set() and max(abs(s) for s in block) > 1000:
            self.first_loud_at = at
            self.loud.set()

    def reset(self) -> None:
        self.samples = 0
        self.loud.clear()
        self.any.clear()


class KeyKiosk:
    """The kiosk window driven by key events only."""

    def __init__(self, app: Any, qtbot: Any, ear: Ear, events: list[VisitEvent]) -> None:
        self.app = app
        self.qtbot = qtbot
        self.ear = ear
        self.events = events
        self.window = app.window
        self.access = app.access
        self.navigator = app.navigator

    def key(self, name: str, wait_ms: int = 0) -> None:
        QTest.keyClick(self.window, KEYS[name])
        if wait_ms:
            self.qtbot.wait(wait_ms)

    def focus_on(self, name: str, limit: int = 40) -> None:
        """Press Down until ``name`` has the focus (as a visitor would, listening to each name)."""
        for _ in range(limit):
            if self.access.focusName == name:
                return
            self.key("down")
        assert self.access.focusName == name, f"{name} never took the focus (at {self.access.focusName})"


@pytest.fixture(scope="session")
def bundled() -> Exhibition:
    result = load_exhibition(paths.default_exhibition())
    assert result.exhibition is not None
    return result.exhibition


@pytest.fixture(scope="session")
def bundled_speech(bundled: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if find_synthesiser() is None:
        pytest.skip("espeak-ng is not installed")
    folder = tmp_path_factory.mktemp("speech")
    report = render(bundled, folder)
    assert not report.failed, report.failed
    return folder


@pytest.fixture
def key_kiosk(qtbot: Any, bundled: Exhibition, bundled_speech: Path) -> Iterator[KeyKiosk]:
    if not vlc_engine.probe().available:
        pytest.skip("libVLC is not usable")
    from kiosk.ui.app import KioskApp

    gc.collect()
    ear = Ear()
    app = KioskApp(
        bundled,
        timeouts=Timeouts(idle=600, countdown=10, tap_gap=0.05),
        size=(1920, 1080),
        sound=lambda: vlc_engine.VlcSoundPlayer(tap=ear.tap),
        speech_folder=bundled_speech,
    )
    events: list[VisitEvent] = []
    app.add_listener(events.append)
    app.show(fullscreen=False, size=QSize(1920, 1080))
    qtbot.waitExposed(app.window)
    kiosk = KeyKiosk(app, qtbot, ear, events)
    yield kiosk
    app.close()
