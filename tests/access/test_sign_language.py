"""The sign-language inset: a panel's film in the visitor's language, in a corner, on request."""

from __future__ import annotations

import dataclasses
import gc
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from ui.driver import items, shown

from kiosk.model.exhibition import Exhibition
from kiosk.model.media import MediaFile
from kiosk.navigation import Timeouts
from kiosk.navigation.events import AccessUsed, VisitEvent
from kiosk.video import vlc_engine

from .conftest import KeyKiosk


def _sign_film(path: Path) -> Path:
    """A 6 s 640x360 H.264 film standing in for an interpreter (ffmpeg's test pattern)."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is not installed")
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=25:duration=6",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path


@pytest.fixture
def signed_kiosk(qtbot: Any, bundled: Exhibition, bundled_speech: Path, tmp_path: Path) -> Iterator[KeyKiosk]:
    if not vlc_engine.probe().available:
        pytest.skip("libVLC is not usable")
    from kiosk.ui.app import KioskApp

    film = _sign_film(tmp_path / "intro.lsf.mp4")
    first = bundled.chapters[0]
    signed = dataclasses.replace(first.panels[0], sign_language={"fr": MediaFile("sign/intro.lsf.mp4", film)})
    chapters = (dataclasses.replace(first, panels=(signed, *first.panels[1:])), *bundled.chapters[1:])
    exhibition = dataclasses.replace(bundled, chapters=chapters)
    gc.collect()
    app = KioskApp(
        exhibition,
        timeouts=Timeouts(idle=600, countdown=10, tap_gap=0.05),
        size=(1920, 1080),
        speech_folder=bundled_speech,
        sound=lambda: vlc_engine.VlcSoundPlayer(tap=lambda *_: None),
    )
    events: list[VisitEvent] = []
    app.add_listener(events.append)
    app.show(fullscreen=False, size=QSize(1920, 1080))
    qtbot.waitExposed(app.window)
    from .conftest import Ear

    yield KeyKiosk(app, qtbot, Ear(), events)
    app.close()


def _colours_in(kiosk: KeyKiosk, item: Any) -> int:
    image = kiosk.window.grabWindow()
    box = item.mapRectToScene(item.boundingRect()).toRect().adjusted(12, 12, -12, -12)
    xs, ys = range(box.left(), box.right(), 9), range(box.top(), box.bottom(), 9)
    return len({image.pixel(x, y) for x in xs for y in ys})


def _find(kiosk: KeyKiosk, name: str) -> list[Any]:
    return [i for i in items(kiosk.window.contentItem()) if i.objectName() == name and shown(i)]


def test_sign_language_inset_plays_on_request_and_leaves_with_the_panel(signed_kiosk: KeyKiosk) -> None:
    kiosk, access = signed_kiosk, signed_kiosk.access
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.qtbot.wait(80)  # beyond the tap gap
    kiosk.key("select", 80)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
    kiosk.qtbot.wait(300)
    assert access.signLanguageAvailable and not _find(kiosk, "signLanguageInset")
    assert _find(kiosk, "signLanguageButton")
    kiosk.focus_on("sign_language")
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: bool(_find(kiosk, "signLanguageInset")))
    inset = _find(kiosk, "signLanguageInset")[0]
    # The film's picture reaches the screen: the test pattern's many colours fill the inset.
    kiosk.qtbot.waitUntil(lambda: _colours_in(kiosk, inset) > 20, timeout=10_000)
    corner = inset.mapToScene(inset.boundingRect().bottomRight())
    assert corner.x() > kiosk.window.width() * 0.9 and inset.width() < kiosk.window.width() * 0.3
    assert any(isinstance(e, AccessUsed) and e.feature == "sign_language" for e in kiosk.events)
    # English has no sign-language film for this panel: the button and the inset go.
    kiosk.navigator.setLanguage("en")
    kiosk.qtbot.waitUntil(lambda: not _find(kiosk, "signLanguageInset"))
    assert not access.signLanguageAvailable
    kiosk.navigator.setLanguage("fr")
    kiosk.qtbot.wait(80)
    kiosk.key("right", 80)  # the next panel has none either
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 1)
    assert not _find(kiosk, "signLanguageInset") and not _find(kiosk, "signLanguageButton")
