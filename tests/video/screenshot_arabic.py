"""Make docs/screenshots/video-arabic.png: the bundled exhibition's first excerpt playing,
Arabic captions on. Run under Xvfb (not a test; a person looks at the picture):

    xvfb-run -s "-screen 0 1280x800x24" env QT_QUICK_BACKEND=software \\
        .venv/bin/python tests/video/screenshot_arabic.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

from harness import find, make_store, open_player  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from kiosk.loader import load_exhibition  # noqa: E402
from kiosk.video import vlc_engine  # noqa: E402


def main() -> int:
    app = QGuiApplication(sys.argv)
    vlc_engine.configure(["--aout=adummy"])
    result = load_exhibition(ROOT / "config" / "exhibition.yaml")
    assert result.exhibition is not None, [str(p) for p in result.problems]
    panel_id = next(p.id for _, p in result.exhibition.panels() if p.kind == "video" and "ar" in p.captions)
    store = make_store(result.exhibition)
    view = open_player(store, panel_id, "ar", size=(1280, 720))
    view.setTitle("kiosk video")
    view.setPosition(0, 0)
    view.show()
    player = find(view, "excerptPlayer")
    out = ROOT / "docs" / "screenshots" / "video-arabic.png"
    out.parent.mkdir(parents=True, exist_ok=True)

    def shoot() -> None:
        if player.property("captionText") and player.property("hasFrame"):
            subprocess.run(["import", "-window", "root", "-crop", "1280x720+0+0", str(out)], check=True)
            print("caption:", player.property("captionText"), "state:", player.property("state"))
            app.quit()
        else:
            QTimer.singleShot(100, shoot)

    view.rootObject().start()
    QTimer.singleShot(1500, shoot)
    QTimer.singleShot(30000, lambda: app.exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
