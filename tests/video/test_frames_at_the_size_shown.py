"""A film reaches the scene no larger than the place it is shown in (libVLC scales it on its own
thread), so a 720p film in a small panel costs the copies and painting of a small picture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from clips import frame_number, make_clip
from harness import exhibition_with, find, make_poster, make_store, open_player, video_panel

pytestmark = pytest.mark.vlc


@pytest.mark.parametrize(("view_size", "expected"), [((480, 270), (480, 270)), ((640, 480), (640, 360))])
def test_frames_come_at_the_players_size(
    qtbot: Any, vlc_ready: None, media_dir: Path, view_size: tuple[int, int], expected: tuple[int, int]
) -> None:
    film = make_clip(media_dir, width=1280, height=720, seconds=4.0, gop=30, audio=False)
    store = make_store(exhibition_with(video_panel(film.path, make_poster(media_dir), 1000, 2500)))
    view = open_player(store, "excerpt", size=view_size)
    view.show()
    qtbot.waitExposed(view)
    player = find(view, "excerptPlayer")
    try:
        view.rootObject().start()
        qtbot.waitUntil(lambda: player.current_frame() is not None, timeout=10_000)
        frame = player.current_frame()
        assert (frame.width, frame.height) == expected  # not 1280x720, the film's size
        # Still the whole picture, readable: the frame number is the one at the excerpt's start or
        # just after. A start with no time to prepare is within one frame as a rule, two when the
        # machine is busy (seen once in CI, a 2160p film decoding in the other test process).
        assert frame_number(frame) in (30, 31, 32)
    finally:
        player.release()
        view.close()
