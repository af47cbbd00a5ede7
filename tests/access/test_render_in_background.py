"""kiosk run renders the speech a changed text needs, in the background, and the listen control picks it up."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from speech.conftest import EXHIBITION, FIXTURE_MEDIA

from kiosk.loader import load_exhibition
from kiosk.navigation import Timeouts, Visit, VisitShape
from kiosk.speech.synth import find_synthesiser


@pytest.mark.skipif(find_synthesiser() is None, reason="espeak-ng is not installed")
def test_missing_speech_is_rendered_in_the_background(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.ui.viewmodels.access import Access
    from kiosk.ui.viewmodels.store import ExhibitionStore

    shutil.copytree(FIXTURE_MEDIA, tmp_path / "media")
    (tmp_path / "exhibition.yaml").write_text(EXHIBITION, encoding="utf-8")
    exhibition = load_exhibition(tmp_path / "exhibition.yaml").exhibition
    assert exhibition is not None
    store = ExhibitionStore()
    store.set_exhibition(exhibition, [])
    visit = Visit(VisitShape.of(exhibition), Timeouts(tap_gap=0.01))
    access = Access(visit, store, player_factory=lambda: _Silent())
    visit.wake()
    qtbot.wait(60)
    assert visit.open_chapter(0)
    assert not access.listenAvailable  # nothing rendered yet: the control is greyed, not broken
    with qtbot.waitSignal(access._rendered, timeout=60_000):
        access.render_missing_speech()
    qtbot.waitUntil(lambda: access.listenAvailable)
    assert (tmp_path / "media" / "speech" / "manifest.json").is_file()
    access.shutdown()


class _Silent:
    def play(self, path: Path, listener: Any, volume: int) -> None: ...

    def set_volume(self, volume: int) -> None: ...

    def stop(self) -> None: ...
