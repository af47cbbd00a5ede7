"""A 1,000-panel exhibition in the running kiosk: the panels of a chapter become objects only when
the chapter is opened, and the screen holds delegates for that chapter alone."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPointingDevice

from kiosk.loader.remembered import load_for_start
from kiosk.model import Exhibition
from kiosk.model.on_demand import KEPT_UNPACKED, ChapterPanels, forget_unpacked
from kiosk.speech.synth import find_synthesiser
from ui.driver import KioskDriver, items, make_kiosk

FIXTURE_MEDIA = Path(__file__).parents[1] / "loader" / "fixtures" / "media"
CHAPTERS, PER_CHAPTER = 20, 50


def _localized(text: str) -> str:
    return f'{{fr: "{text} (fr)", en: "{text}", ar: "{text} (ar)"}}'


def _panel(index: int) -> str:
    head = f"      - id: p{index:04d}\n"
    match index % 3:
        case 0:
            return head + (
                f"        type: text\n        title: {_localized(f'Text {index}')}\n"
                f"        body: {_localized('A paragraph with *emphasis*.')}\n"
            )
        case 1:
            return head + f"        type: quote\n        words: {_localized(f'Words {index}')}\n        who: Someone\n"
    return head + (
        f"        type: image\n        src: images/photo.png\n        alt: {_localized('A picture')}\n"
        f"        title: {_localized(f'Picture {index}')}\n"
    )


def write_large_exhibition(folder: Path) -> Path:
    shutil.copytree(FIXTURE_MEDIA, folder / "media")
    chapters = "".join(
        f"  - id: c{c:02d}\n    title: {_localized(f'Chapter {c}')}\n    panels:\n"
        + "".join(_panel(c * PER_CHAPTER + p) for p in range(PER_CHAPTER))
        for c in range(CHAPTERS)
    )
    text = (
        f"exhibition:\n  id: large\n  title: {_localized('Large')}\n  languages: [fr, en, ar]\n"
        f"attract:\n  items: [p0000, p0002]\n  invitation: {_localized('Touch')}\n"
        f"chapters:\n{chapters}"
    )
    path = folder / "exhibition.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_large_exhibition(tmp_path_factory.mktemp("large"))


def _open(path: Path, cache: Path) -> Exhibition:
    result = load_for_start(path, folder=cache / "exhibitions", settle_seconds=0)
    assert result.ok, result.errors[:3]
    assert result.exhibition is not None
    return result.exhibition


@pytest.fixture(params=["loaded in full", "read back"])
def large(request: Any, large_file: Path, tmp_path: Path) -> Exhibition:
    """The exhibition as a first start opens it (loaded in full), and as a later one (read back)."""
    if request.param == "read back":
        _open(large_file, tmp_path)
    return _open(large_file, tmp_path)


@pytest.fixture
def large_kiosk(qtbot: Any, touch_device: QPointingDevice, large: Exhibition) -> Iterator[KioskDriver]:
    forget_unpacked()
    driver = make_kiosk(qtbot, touch_device, large)
    yield driver
    driver.app.close()


def unpacked(exhibition: Exhibition) -> list[int]:
    """The chapters whose panels are objects now."""
    panels = [chapter.panels for chapter in exhibition.chapters]
    assert all(isinstance(p, ChapterPanels) for p in panels)
    return [i for i, p in enumerate(panels) if p.unpacked]  # type: ignore[attr-defined]


def panel_delegates(driver: KioskDriver) -> list[str]:
    return sorted(
        item.objectName()
        for item in items(driver.window.contentItem())
        if item.objectName().startswith("panel_p") and item.parentItem() is not None
    )


def test_a_start_makes_only_the_attract_loops_panels(large_kiosk: KioskDriver, large: Exhibition) -> None:
    large_kiosk.qtbot.waitUntil(lambda: large_kiosk.app.attract.rowCount() == 2)
    assert unpacked(large) == [0]  # the loop's two panels are in the first chapter
    assert large_kiosk.app.chapters.rowCount() == CHAPTERS
    assert panel_delegates(large_kiosk) == []


def test_opening_a_chapter_makes_that_chapters_panels_only(large_kiosk: KioskDriver, large: Exhibition) -> None:
    large_kiosk.wake()
    large_kiosk.navigator.openChapter(7)
    large_kiosk.wait_screen("chapter")
    assert large_kiosk.app.panels.rowCount() == PER_CHAPTER
    assert unpacked(large) == [0, 7]
    # Delegates for the panel shown and the one beside it only, not for the chapter's fifty.
    large_kiosk.qtbot.waitUntil(lambda: panel_delegates(large_kiosk) == ["panel_p0350", "panel_p0351"])
    large_kiosk.qtbot.wait(80)  # past the tap gap
    assert large_kiosk.navigator.showPanel(30)
    large_kiosk.qtbot.waitUntil(lambda: panel_delegates(large_kiosk) == ["panel_p0379", "panel_p0380", "panel_p0381"])
    # Past 12 panels the progress shows "31 / 50" alone, and makes no dots either.
    progress = large_kiosk.find("progressIndicator")
    dots = [item for item in items(progress) if item.metaObject().className().startswith("QQuickRectangle")]
    assert dots == []
    shown = large_kiosk.find("panel_p0380")
    assert shown.x() + shown.parentItem().x() == 0  # in its place in the strip, on screen
    title = large_kiosk.app.panels.data(large_kiosk.app.panels.index(0), large_kiosk.app.panels.role("title"))
    assert title["text"] == "Picture 350 (fr)"  # 350 is a picture (every third panel)


def test_a_visit_through_many_chapters_keeps_few_unpacked(large_kiosk: KioskDriver, large: Exhibition) -> None:
    large_kiosk.wake()
    for chapter in (3, 11, 19, 5, 12):
        large_kiosk.navigator.openChapter(chapter)
        large_kiosk.wait_screen("chapter")
        assert large_kiosk.app.panels.rowCount() == PER_CHAPTER
        assert chapter in unpacked(large)
        assert len(unpacked(large)) <= KEPT_UNPACKED
        large_kiosk.qtbot.wait(80)  # past the tap gap, as a visitor's next tap is
        large_kiosk.navigator.goHome()
        large_kiosk.wait_screen("home")
        large_kiosk.qtbot.wait(80)
    assert panel_delegates(large_kiosk) == []  # back home, no chapter's delegates stay


@pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")
def test_what_speech_is_missing_is_found_off_the_ui_thread(
    large_kiosk: KioskDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding it reads every panel in every language (220 ms for 1,000 panels): `kiosk run` asks
    right after the first frame, when visitors may already touch."""
    from kiosk.speech import library

    threads: list[str] = []

    def recording(self: library.SpeechLibrary) -> list[str]:
        threads.append(threading.current_thread().name)
        return []  # nothing to render: the test renders no speech

    monkeypatch.setattr(library.SpeechLibrary, "missing", recording)
    large_kiosk.app.access.render_missing_speech()
    large_kiosk.qtbot.waitUntil(lambda: bool(threads))
    assert threads == ["speech-render"]
    large_kiosk.app.access.shutdown()
