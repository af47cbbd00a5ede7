"""VideoPlayer.qml in a real Qt Quick scene (offscreen) on real libVLC and real clips."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from clips import Clip, read_frame_number
from clips import frame_number as number_in
from harness import exhibition_with, find, item, make_poster, make_store, open_player, video_panel
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.model import Cue
from kiosk.ui.video.coordinator import FilmCoordinator

pytestmark = pytest.mark.vlc

ROOT = Path(__file__).resolve().parents[2]


def grab_number(view: Any) -> int:
    image = view.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())
    return read_frame_number(data, image.width(), image.height(), image.bytesPerLine())


def frame_number(player: Any) -> int | None:
    frame = player.current_frame()
    return None if frame is None else number_in(frame)


def settling(view: Any, settle_ms: int) -> tuple[Any, Any]:
    """The excerpt player of ``view``, preparing ``settle_ms`` after its panel settles, and the
    VideoPlayer item (the root)."""
    player = find(view, "excerptPlayer")
    player.setProperty("settleMs", settle_ms)
    return player, view.rootObject()


@pytest.fixture
def scene(qtbot: Any, vlc_ready: None, media_dir: Path, clip: Clip) -> Any:
    views: list[Any] = []

    def build(
        start: int,
        end: int,
        language: str = "en",
        *,
        attract: bool = False,
        captions: dict[str, list[Cue]] | None = None,
        film: Path | None = None,
        films: FilmCoordinator | None = None,
    ) -> Any:
        poster = make_poster(media_dir, "#C03030")
        panel = video_panel(film or clip.path, poster, start, end, captions=captions)
        store = make_store(exhibition_with(panel))
        view = open_player(store, "excerpt", language, attract=attract, films=films)
        view._store = store  # keep the store alive with the view
        view.show()
        qtbot.waitExposed(view)
        views.append(view)
        return view

    yield build
    for view in views:
        find(view, "excerptPlayer").release()
        view.close()
        view.deleteLater()


def test_frames_reach_the_scene(qtbot: Any, scene: Any, clip: Clip) -> None:
    view = scene(2000, 5000)
    player = find(view, "excerptPlayer")
    frame = item(view, "videoFrame")
    view.rootObject().start()
    qtbot.waitUntil(lambda: frame.frames_painted > 3, timeout=5000)
    number = grab_number(view)
    assert 60 <= number <= 150, number  # a frame of the excerpt, read back from the window's pixels
    assert player.property("state") == "playing"


def test_captions_on_time_and_language_switch(qtbot: Any, scene: Any, clip: Clip) -> None:
    cues = {
        "en": [Cue(1000 + 400 * k, 1400 + 400 * k, f"line {k}") for k in range(10)],
        "ar": [Cue(1000 + 400 * k, 1400 + 400 * k, f"سطر {k}") for k in range(10)],
    }
    view = scene(1000, 5000, "en", captions=cues)
    player = find(view, "excerptPlayer")
    root = view.rootObject()
    changes: list[tuple[str, bool, int | None]] = []
    player.captionChanged.connect(
        lambda: changes.append((player.property("captionText"), player.property("captionRtl"), frame_number(player)))
    )
    root.start()
    qtbot.waitUntil(lambda: any(text == "line 4" for text, _, _ in changes), timeout=8000)
    root.setProperty("language", "ar")
    # The switch shows the Arabic line at once, right to left, in the middle of the excerpt.
    text, rtl, _ = changes[-1]
    assert text.startswith("سطر") and rtl
    qtbot.waitUntil(lambda: changes[-1][0] == "سطر 7", timeout=5000)
    assert find(view, "videoCaption").property("text") == "سطر 7"
    frame_ms = 1000 / clip.fps
    for text, _, number in changes:
        if not text or number is None or text.split()[-1] == "0":
            continue
        k = int(text.split()[-1])
        on_screen = number * frame_ms  # film time of the picture shown when the caption changed
        cue_start = 1000 + 400 * k
        # The change happened within 100 ms (and the picture's own frame) of the cue's start.
        assert -100 - frame_ms <= on_screen - cue_start <= 100 + frame_ms, (text, on_screen, cue_start)


def test_end_returns_to_the_panel(qtbot: Any, scene: Any) -> None:
    view = scene(1000, 1800)
    player = find(view, "excerptPlayer")
    frame = item(view, "videoFrame")
    root = view.rootObject()
    with qtbot.waitSignal(root.finished, timeout=8000):
        root.start()
    assert player.property("state") == "ended"
    qtbot.waitUntil(lambda: not frame.isVisible(), timeout=2000)
    image = view.grabWindow()
    assert QColor(image.pixel(image.width() // 2, image.height() // 5)) == QColor("#C03030")  # the poster
    assert item(view, "videoBigButton").isVisible()  # replay offered


def test_attract_holds_first_frame_then_plays_on(qtbot: Any, scene: Any, clip: Clip) -> None:
    view = scene(3000, 4500, attract=True)
    player = find(view, "excerptPlayer")
    root = view.rootObject()
    qtbot.waitUntil(lambda: root.property("ready"), timeout=5000)
    assert player.property("state") == "ready"
    held = frame_number(player)
    assert held == 90  # exactly the excerpt's first frame (a prepared start opens a lead-in ahead)
    drops: list[bool] = []
    player.hasFrameChanged.connect(lambda: drops.append(player.property("hasFrame")))
    with qtbot.waitSignal(root.finished, timeout=8000):
        root.start()
        qtbot.waitUntil(lambda: (frame_number(player) or 0) > held + 5, timeout=3000)
        assert drops == []  # from the held frame straight on: no gap, no black
    assert not root.property("holdsIdle")
    # Ended, it holds its last frame until the loop switches (no gap before the next excerpt).
    assert player.property("state") == "ended" and player.property("hasFrame")
    last = frame_number(player)
    assert last is not None and 133 <= last <= 135  # the frame before 4.5 s (135), within one
    root.stop()
    assert not player.property("hasFrame")


def test_a_settled_panel_prepares_behind_its_poster_and_a_tap_starts_exactly(
    qtbot: Any, scene: Any, clip: Clip
) -> None:
    view = scene(3966, 5000)  # 3966 ms: a few frames before a key frame, where taps start late
    player, root = settling(view, 50)
    root.setProperty("current", True)
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    assert player.property("hasFrame") and not player.property("showsFrame")
    # The visitor still sees the poster, the play button, and no controls or caption band.
    image = view.grabWindow()
    assert QColor(image.pixel(image.width() // 2, image.height() // 5)) == QColor("#C03030")
    assert item(view, "videoBigButton").isVisible()
    assert not item(view, "videoControls").isVisible()
    assert frame_number(player) == 118  # held: the frame showing at 3966 ms, not 2-3 later
    shown: list[int | None] = []
    player.showsFrameChanged.connect(lambda: shown.append(frame_number(player)))
    frame = item(view, "videoFrame")
    painted = frame.frames_painted
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert shown == [118]  # the tap shows it at once, before any newer frame comes
    assert player.property("state") == "playing"
    qtbot.waitUntil(lambda: frame.frames_painted > painted and (frame_number(player) or 0) > 118, timeout=2000)


def test_a_start_that_takes_a_moment_shows_a_turning_ring_until_the_first_frame(qtbot: Any, scene: Any) -> None:
    view = scene(2000, 3500)
    player = find(view, "excerptPlayer")
    cue = item(view, "videoStartingCue")
    cue.setProperty("delay", 0)  # as if the start took longer than the cue waits (a 4K film's lead-in)
    seen: list[tuple[bool, bool]] = []
    cue.visibleChanged.connect(lambda: seen.append((cue.isVisible(), bool(player.property("showsFrame")))))
    view.rootObject().start()
    qtbot.waitUntil(lambda: player.property("state") == "playing", timeout=5000)
    # Over the poster, with no picture yet; gone once the film plays (in the same turn of the event
    # loop as its first frame).
    assert seen[0] == (True, False) and [shown for shown, _ in seen] == [True, False], seen
    assert not item(view, "videoBigButton").isVisible()


def test_neither_preparing_behind_the_poster_nor_a_prepared_start_shows_the_ring(qtbot: Any, scene: Any) -> None:
    view = scene(2000, 3500)
    player, root = settling(view, 50)
    cue = item(view, "videoStartingCue")
    cue.setProperty("delay", 0)
    shown: list[bool] = []
    cue.visibleChanged.connect(lambda: shown.append(cue.isVisible()))
    root.setProperty("current", True)  # the visitor stays: the excerpt prepares, unseen
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    root.start()
    assert player.property("state") == "playing"
    qtbot.waitUntil(lambda: (frame_number(player) or 0) > 60 + 12, timeout=3000)  # 0.4 s played
    assert shown == [] and not cue.isVisible()


def test_after_the_end_the_replay_waits_prepared_and_starts_exactly(qtbot: Any, scene: Any) -> None:
    view = scene(2950, 3500)  # 2950 ms: frame 88, two before a key frame
    player, root = settling(view, 50)
    root.setProperty("current", True)
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    with qtbot.waitSignal(root.finished, timeout=8000):
        root.start()
    # Back to the poster with the replay button, and quietly ready again behind it.
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    assert player.property("ended") and player.property("engaged")
    assert not player.property("showsFrame")
    assert frame_number(player) == 88
    button = item(view, "videoBigButton")
    assert button.isVisible()
    shown: list[int | None] = []
    player.showsFrameChanged.connect(lambda: shown.append(frame_number(player)))
    centre = button.mapToScene(button.boundingRect().center()).toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert shown == [88] and player.property("state") == "playing"
    assert not player.property("ended")


def test_a_panel_passed_by_prepares_nothing(qtbot: Any, scene: Any) -> None:
    view = scene(2000, 3000)
    player, root = settling(view, 300)
    root.setProperty("current", True)
    root.setProperty("current", False)  # swiped on before it settled
    with qtbot.assertNotEmitted(player.stateChanged, wait=500):
        pass
    assert player.property("state") == "idle"


def test_a_neighbour_prepares_and_a_tap_on_arrival_starts_exactly(qtbot: Any, scene: Any) -> None:
    view = scene(3966, 5000)  # frame 118, a few frames before a key frame: a tap-started open is late
    player, root = settling(view, 50)
    root.setProperty("neighbour", True)  # the visitor rests on the panel next to this one
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    assert frame_number(player) == 118 and not player.property("showsFrame")
    # The visitor arrives and taps at once, before any settle time on this panel.
    root.setProperty("neighbour", False)
    root.setProperty("current", True)
    shown: list[int | None] = []
    player.showsFrameChanged.connect(lambda: shown.append(frame_number(player)))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert shown == [118] and player.property("state") == "playing"


def test_leaving_keeps_a_prepared_excerpt_and_stops_a_started_one(qtbot: Any, scene: Any) -> None:
    view = scene(2000, 6000)
    player, root = settling(view, 50)
    root.setProperty("current", True)
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    root.setProperty("current", False)
    root.leave()  # as VideoPanelView does when the visitor swipes on, unplayed
    root.setProperty("neighbour", True)
    with qtbot.assertNotEmitted(player.stateChanged, wait=300):
        pass
    assert player.property("state") == "ready"
    root.setProperty("neighbour", False)
    root.setProperty("current", True)
    with qtbot.waitSignal(root.started, timeout=5000):
        root.start()
    root.setProperty("current", False)
    root.leave()  # the visitor walks on from a film they started: it stops, back to the poster
    assert player.property("state") == "idle" and not player.property("engaged")
    # Next to the panel they went to, it prepares again for their return.
    root.setProperty("neighbour", True)
    qtbot.waitUntil(lambda: player.property("state") == "ready", timeout=5000)
    assert not player.property("showsFrame")


def test_a_neighbour_waits_while_the_panel_on_screen_decodes(qtbot: Any, scene: Any) -> None:
    films = FilmCoordinator()  # the two players of one kiosk share it
    watched = scene(2000, 7000, films=films)
    watching = find(watched, "excerptPlayer")
    watched.rootObject().setProperty("current", True)
    with qtbot.waitSignal(watched.rootObject().started, timeout=5000):
        watched.rootObject().start()
    beside = scene(3000, 4000, films=films)
    neighbour = find(beside, "excerptPlayer")
    neighbour.setProperty("settleMs", 50)
    beside.rootObject().setProperty("neighbour", True)
    with qtbot.assertNotEmitted(neighbour.stateChanged, wait=400):
        pass  # a film plays on screen: nothing decodes beside it
    assert neighbour.property("state") == "idle"
    watching.pause()
    qtbot.waitUntil(lambda: neighbour.property("state") == "ready", timeout=5000)


def test_unavailable_libvlc_shows_poster_and_a_note(qtbot: Any, scene: Any) -> None:
    def no_vlc(_size: tuple[int, int]) -> Any:
        raise RuntimeError("python-vlc is not installed")

    view = scene(1000, 2000, films=FilmCoordinator(no_vlc))
    root = view.rootObject()
    with qtbot.waitSignal(root.finished, timeout=2000):
        root.start()
    player = find(view, "excerptPlayer")
    assert player.property("state") == "unavailable"
    assert "not installed" in player.property("note")
    assert root.property("ready") and item(view, "videoNote").isVisible()
    assert item(view, "videoPoster").isVisible()


def test_corrupt_file_shows_poster_and_kiosk_goes_on(qtbot: Any, scene: Any, media_dir: Path) -> None:
    corrupt = media_dir / "corrupt-scene.mp4"
    corrupt.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(50_000))
    view = scene(1000, 2000, film=corrupt)
    root = view.rootObject()
    with qtbot.waitSignal(root.finished, timeout=12000):
        root.start()
    player = find(view, "excerptPlayer")
    assert player.property("state") == "error"
    assert player.property("note")
    assert root.property("ready")


def test_probe_without_libvlc_says_why(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON_VLC_LIB_PATH=str(tmp_path / "libvlc.so.5"))
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kiosk.video.vlc_engine import probe; p = probe(); print(p.available); print(p.summary())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    available, summary = out.stdout.strip().splitlines()
    assert available == "False" and "PYTHON_VLC_LIB_PATH" in summary


def test_process_quits_cleanly_while_a_video_plays(tmp_path: Path, clip: Clip, media_dir: Path) -> None:
    script = tmp_path / "quit_while_playing.py"
    script.write_text(
        textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(ROOT)!r}, {str(Path(__file__).parent)!r}]
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication(sys.argv)
        from harness import make_store, exhibition_with, find, make_poster, open_player, video_panel
        from kiosk.video import vlc_engine
        vlc_engine.configure(["--aout=adummy"])
        panel = video_panel(Path({str(clip.path)!r}), make_poster(Path({str(media_dir)!r})), 1000, 7000)
        store = make_store(exhibition_with(panel))
        view = open_player(store, "excerpt")
        view.show()
        player = find(view, "excerptPlayer")
        player.hasFrameChanged.connect(lambda: QTimer.singleShot(300, app.quit))
        view.rootObject().start()
        QTimer.singleShot(10000, lambda: sys.exit(3))
        code = app.exec()
        print("state at quit:", player.property("state"))
        sys.exit(code)
    """)
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert "state at quit: idle" in out.stdout


def test_controls_pause_seek_volume_replay(qtbot: Any, scene: Any, clip: Clip) -> None:
    view = scene(2000, 6000)
    player = find(view, "excerptPlayer")
    root = view.rootObject()
    root.start()
    qtbot.waitUntil(lambda: player.property("state") == "playing" and player.property("hasFrame"), timeout=5000)
    assert root.property("holdsIdle")  # playing with sound keeps the idle reset away
    assert root.property("duration") == 4000  # and says for how long at most (VideoPanelView)
    player.pause()
    assert player.property("state") == "paused" and not root.property("holdsIdle")
    held = frame_number(player)
    qtbot.wait(300)
    assert frame_number(player) == held
    player.seek(2500)  # the scrubber covers the excerpt only: 2.5 s in = film 4.5 s
    qtbot.waitUntil(lambda: abs((frame_number(player) or 0) - 135) <= 4, timeout=3000)
    assert abs(player.property("position") - 2500) <= 40
    player.setProperty("volume", 500)
    assert player.property("volume") == player.property("maxVolume") == 80  # the staff's limit
    player.play()
    qtbot.waitUntil(lambda: (frame_number(player) or 0) > 140, timeout=3000)
    player.replay()
    qtbot.waitUntil(lambda: player.property("state") == "playing" and (frame_number(player) or 999) < 70, timeout=5000)


def test_dragging_the_scrubber_lands_where_the_finger_stops(qtbot: Any, scene: Any, clip: Clip) -> None:
    view = scene(1000, 7000)
    player = find(view, "excerptPlayer")
    view.rootObject().start()
    qtbot.waitUntil(lambda: player.property("hasFrame"), timeout=5000)
    scrubber = item(view, "videoScrubber")
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    y = scrubber.height() / 2
    start = scrubber.mapToScene(QPointF(scrubber.width() * 0.1, y)).toPoint()
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 31):  # a drag to the middle: 30 moves in a fraction of a second
        point = scrubber.mapToScene(QPointF(scrubber.width() * (0.1 + step * 0.4 / 30), y)).toPoint()
        QTest.mouseMove(view, point)
    end = scrubber.mapToScene(QPointF(scrubber.width() * 0.5, y)).toPoint()
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert isinstance(end, QPoint)
    # Half of the 6 s excerpt: film 4 s = frame 120; the picture and the position get there
    # (waiting for both: a frame from one of the seeks along the drag may arrive first).
    qtbot.waitUntil(
        lambda: abs((frame_number(player) or 0) - 120) <= 6 and abs(player.property("position") - 3000) <= 250,
        timeout=4000,
    )


def test_a_film_that_cannot_play_is_logged_once(qtbot: Any, scene: Any, media_dir: Path, caplog: Any) -> None:
    # The attract loop meets a broken film every few minutes all day: one log line, not thousands.
    from kiosk import broken_media

    broken_media.forget()
    corrupt = media_dir / "corrupt-twice.mp4"
    corrupt.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(50_000))
    caplog.set_level("WARNING")
    for _ in range(2):
        view = scene(1000, 2000, film=corrupt)
        root = view.rootObject()
        with qtbot.waitSignal(root.finished, timeout=12000):
            root.start()
        assert find(view, "excerptPlayer").property("state") == "error"
        assert find(view, "excerptPlayer").property("note")  # each player still says so on screen
    lines = [record.getMessage() for record in caplog.records if "corrupt-twice.mp4" in record.getMessage()]
    assert len(lines) == 1, lines
