"""A save of the exhibition file alone is read after a short quiet (the preview shows it at
once); anything changing in the media folder waits the long quiet, and holds a pending save
back with it (a copy of clips goes on for a while)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui.staff_tools.watcher import ExhibitionWatcher
from staff_tools.exhibitions import write_exhibition


@pytest.fixture
def watched(tmp_path: Path) -> tuple[ExhibitionWatcher, Path]:
    config = write_exhibition(tmp_path)
    (config.parent / "media").mkdir(exist_ok=True)
    return ExhibitionWatcher(config, config.parent / "media", debounce_ms=400, file_debounce_ms=60), config


def save(config: Path, text: str) -> None:
    """As editors do: a new file renamed over the old one."""
    temporary = config.with_name(".saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, config)


def test_a_save_of_the_exhibition_waits_the_short_quiet(qtbot: Any, watched: tuple[ExhibitionWatcher, Path]) -> None:
    watcher, config = watched
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        save(config, config.read_text(encoding="utf-8") + "\n# saved\n")
        qtbot.waitUntil(lambda: watcher.pending_quiet_ms is not None, timeout=3000)
        assert watcher.pending_quiet_ms == 60


def test_a_change_in_the_media_folder_waits_the_long_quiet_and_holds_a_save_back(
    qtbot: Any, watched: tuple[ExhibitionWatcher, Path]
) -> None:
    watcher, config = watched
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        (config.parent / "media" / "clip.mp4").write_bytes(b"\x00" * 1000)
        qtbot.waitUntil(lambda: watcher.pending_quiet_ms is not None, timeout=3000)
        assert watcher.pending_quiet_ms == 400
        with qtbot.waitSignal(watcher._watcher.directoryChanged, timeout=3000):  # the save noticed
            save(config, config.read_text(encoding="utf-8") + "\n# saved\n")
        assert watcher.pending_quiet_ms == 400
    assert watcher.pending_quiet_ms is None
