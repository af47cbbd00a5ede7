"""Plays an excerpt full screen on the Wayland display it is given, then holds it paused.

Run by test_wayland.py: prints one JSON line once the picture stands still (platform, frame
number shown), then waits for a line on stdin (the test takes its screenshot meanwhile).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from clips import frame_number
from harness import exhibition_with, find, item, make_poster, make_store, open_player, video_panel
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from kiosk.video import vlc_engine


def spin_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.005)  # no event loop of our own to block in: a child driven step by step
    return True


def main() -> int:
    clip, media = Path(sys.argv[1]), Path(sys.argv[2])
    app = QGuiApplication(sys.argv[:1])
    vlc_engine.configure(["--aout=adummy"])
    store = make_store(exhibition_with(video_panel(clip, make_poster(media, "#C03030"), 2000, 5000)))
    view = open_player(store, "excerpt", size=(1280, 720))
    view.showFullScreen()
    player, frame = find(view, "excerptPlayer"), item(view, "videoFrame")
    view.rootObject().start()
    if not spin_until(lambda: frame.frames_painted > 10, 15):
        print(json.dumps({"error": f"no frames painted, state {player.property('state')}"}), flush=True)
        return 1
    player.toggle()
    spin_until(lambda: player.property("state") == "paused", 5)
    painted = frame.frames_painted
    spin_until(lambda: False, 0.5)  # the paused picture reaches the compositor
    shown = player.current_frame()
    number = frame_number(shown)
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "number": number,
                "painted": painted,
                "window": [view.width(), view.height()],
            }
        ),
        flush=True,
    )
    sys.stdin.readline()
    player.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
