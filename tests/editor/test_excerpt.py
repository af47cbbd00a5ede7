"""Picking an excerpt to the frame on a numbered clip, on real libVLC: the start saved is the frame that
was on screen, read back from the kiosk's own first frame of the saved excerpt."""

from __future__ import annotations

import contextlib
import queue
import shutil
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.editor.frames import start_of, timecode_of
from kiosk.loader import load_exhibition
from kiosk.video.engine import Excerpt, Frame
from kiosk.video.playback import ExcerptPlayback, PlaybackObserver, PlayerState

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "video"))

from clips import frame_number, make_clip

pytestmark = pytest.mark.vlc
VIDEO_PANEL = ("chapters", 0, "panels", 3)


@pytest.fixture
def clip_exhibition(starter_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    if not vlc_engine.probe().available:
        pytest.fail(f"these tests need libVLC: {vlc_engine.probe().error}")
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to make the numbered clip")
    clip = make_clip(tmp_path_factory.mktemp("editor-clips"), seconds=6.0, gop=30)
    shutil.copyfile(clip.path, starter_copy.parent / "media" / "video" / "sample.mp4")
    return starter_copy


def _film_panel_chosen(qtbot, editor, exhibition: Path):  # type: ignore[no-untyped-def]
    """The editor shown on ``exhibition``, once it has read it, with its video panel chosen."""
    window = editor(exhibition, preview=False)
    window.show()
    qtbot.waitUntil(lambda: window.exhibition is not None, timeout=10_000)
    window.select(VIDEO_PANEL)
    return window


def number_on_screen(picker) -> int:  # type: ignore[no-untyped-def]
    frame = picker.last_frame
    assert frame is not None
    return frame_number(frame)


def wait_ready(qtbot, picker, frame: int) -> None:  # type: ignore[no-untyped-def]
    def there() -> None:
        shown = number_on_screen(picker) if picker.last_frame is not None else None
        state = picker.playback.state if picker.playback is not None else None
        assert picker.ready and picker.frame == frame and shown == frame, (
            f"asked {frame}: ready {picker.ready}, frame {picker.frame}, on screen {shown}, {state}, "
            f"tries {picker._tries}, note {picker.note.text()!r}"
        )

    qtbot.waitUntil(there, timeout=20_000)


class _First(PlaybackObserver):
    def __init__(self) -> None:
        self.numbers: list[int] = []

    def frame_ready(self, frame: Frame) -> None:
        # Read at once, as tests/video/runner.py does: the pixels live in a pooled buffer.
        self.numbers.append(frame_number(frame))


def kiosk_first_frame(film: Path, start_ms: int, end_ms: int) -> int:
    """The first frame the kiosk's own playback shows for this excerpt (prepared, as the booth does)."""
    from kiosk.video import vlc_engine

    engine = vlc_engine.VlcEngine()
    jobs: queue.Queue = queue.Queue()
    seen = _First()
    playback = ExcerptPlayback(engine, Excerpt(film, start_ms, end_ms, audio=False), seen, jobs.put)
    try:
        playback.prepare()
        deadline = time.monotonic() + 15
        while playback.state is PlayerState.PREPARING and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                jobs.get(timeout=0.01)()
            playback.tick()
        assert seen.numbers, "the kiosk showed no frame"
        return seen.numbers[0]
    finally:
        playback.stop()
        engine.release()
        engine.wait_stopped()


def test_stepping_to_a_frame_and_marking_it_saves_that_frame(qtbot, editor, clip_exhibition: Path) -> None:
    window = _film_panel_chosen(qtbot, editor, clip_exhibition)
    assert window.document.get((*VIDEO_PANEL, "type")) == "video"
    picker = window.picker
    assert not window.picker_dock.isHidden()
    # The excerpt's start, 00:00, comes first. (Within the first 0.7 s of a film the kiosk has no lead-in
    # and its first picture may be a frame late: frames from 30 on are the exact, prepared case.)
    qtbot.waitUntil(lambda: picker.ready and picker.last_frame is not None, timeout=15_000)
    picker.go_to(30)
    wait_ready(qtbot, picker, 30)
    picker.setFocus()
    for expected in range(31, 36):
        qtbot.keyClick(picker, Qt.Key.Key_Right)
        wait_ready(qtbot, picker, expected)
    qtbot.keyClick(picker, Qt.Key.Key_Left)
    wait_ready(qtbot, picker, 34)
    qtbot.keyClick(picker, Qt.Key.Key_I)
    assert window.document.get((*VIDEO_PANEL, "start")) == "00:00:01.134"
    assert picker.timecode.text().startswith("00:00:01.134")
    picker.go_to(95)
    wait_ready(qtbot, picker, 95)
    qtbot.keyClick(picker, Qt.Key.Key_O)
    # The starter's audio description speaks at 0.5 s, now before the excerpt: staff retime it.
    from kiosk.editor.edits import SetValue

    window.submit(SetValue((*VIDEO_PANEL, "described", 0, "at"), "00:00:01.500"))
    assert window.document.get((*VIDEO_PANEL, "end")) == str(
        __import__("kiosk.model", fromlist=["Timecode"]).Timecode(start_of(95, 30))
    )
    assert window.save()

    saved = load_exhibition(clip_exhibition)
    assert saved.ok, [str(p) for p in saved.problems]
    panel = saved.exhibition.panel(window.document.get((*VIDEO_PANEL, "id")))
    # The kiosk's prepared start is exact; on a machine loaded enough to miss the lead-in's clock it falls
    # back to a start that may be late, never early (docs/video.md): a second try then settles it.
    shown = [kiosk_first_frame(panel.src.path, panel.start.ms, panel.end.ms)]
    while shown[-1] != 34 and len(shown) < 3:
        shown.append(kiosk_first_frame(panel.src.path, panel.start.ms, panel.end.ms))
    assert shown[-1] == 34 and min(shown) >= 34, shown
    picker.close_film()


def test_shift_i_goes_back_to_the_start_and_home_to_the_film_s_first_frame(
    qtbot, editor, clip_exhibition: Path
) -> None:
    window = _film_panel_chosen(qtbot, editor, clip_exhibition)
    picker = window.picker
    picker.go_to(12)
    wait_ready(qtbot, picker, 12)
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_I)
    qtbot.keyClick(picker, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    wait_ready(qtbot, picker, 42)
    qtbot.keyClick(picker, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    wait_ready(qtbot, picker, 12)
    window.undo_stack.undo()
    assert window.document.get((*VIDEO_PANEL, "start")) == "00:00"
    # The scrubber: where the hand rests (2 s in), that frame comes.
    picker.scrubber.setSliderDown(True)
    picker.scrubber.setSliderPosition(2000)  # a drag: sliderMoved, as the mouse sends it
    picker.scrubber.setSliderDown(False)
    wait_ready(qtbot, picker, 60)
    assert picker.scrubber.value() == 2000
    picker.close_film()


def test_the_picker_follows_the_excerpt_as_the_file_has_it_marked_typed_or_undone(
    qtbot, editor, clip_exhibition: Path
) -> None:
    from kiosk.editor.edits import SetValue

    window = _film_panel_chosen(qtbot, editor, clip_exhibition)
    picker = window.picker
    before = (picker.start_frame, picker.end_frame, picker.range_label.text())
    picker.go_to(60)
    wait_ready(qtbot, picker, 60)
    picker.mark_end()
    assert picker.end_frame == 60
    assert picker.range_label.text().endswith(timecode_of(60, picker.fps)), "the range shows the new end at once"
    window.undo_stack.undo()
    assert (picker.start_frame, picker.end_frame, picker.range_label.text()) == before, "an undo puts the range back"
    window.submit(SetValue((*VIDEO_PANEL, "start"), "00:00:01.000"))  # typed in the form
    assert picker.start_frame == 30
    picker.close_film()
