"""Screenshots of access for docs/screenshots/: the keypad's focus ring, seated reach, high contrast.

Run from the checkout:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/access/make_screenshots.py
The real kiosk window with the bundled exhibition, driven by key events as a keypad would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk import paths  # noqa: E402
from kiosk.loader import load_exhibition  # noqa: E402
from kiosk.navigation import Timeouts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
K = Qt.Key


def main() -> int:
    from kiosk.ui.app import KioskApp
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    app = QGuiApplication(sys.argv)
    exhibition = load_exhibition(paths.default_exhibition()).exhibition
    kiosk = KioskApp(exhibition, timeouts=Timeouts(idle=3600, countdown=10, tap_gap=0.05), size=(1920, 1080))
    kiosk.show(fullscreen=False, size=QSize(1920, 1080))
    QTest.qWaitForWindowExposed(kiosk.window)
    window = kiosk.window

    def key(code: K, wait: int = 350) -> None:
        QTest.keyClick(window, code)
        QTest.qWait(wait)

    def shot(name: str) -> None:
        QTest.qWait(400)
        path = OUT / name
        window.grabWindow().save(str(path))
        print(path)

    key(K.Key_Return, 600)  # wake
    key(K.Key_Down)  # the focus ring on the second chapter
    shot("access-focus-ring.png")
    key(K.Key_Return, 700)  # open it
    key(K.Key_Down)
    key(K.Key_Down)  # the focus on 'listen' in the bottom bar
    shot("access-focus-ring-chapter.png")
    kiosk.access.toggle("reach")
    shot("access-seated-reach.png")
    kiosk.access.toggle("reach")
    kiosk.access.toggle("contrast")
    shot("access-high-contrast.png")
    kiosk.visit.set_language("ar")
    shot("access-high-contrast-ar.png")
    kiosk.close()
    app.processEvents()
    sign_language(app)
    return 0


def sign_language(app: QGuiApplication) -> None:
    """The first panel with a sign-language film in French (ffmpeg's test pattern stands in for an
    interpreter: the screenshot shows where and how large the inset is)."""
    import dataclasses
    import subprocess
    import tempfile

    from kiosk.model.media import MediaFile
    from kiosk.ui.app import KioskApp

    film = Path(tempfile.mkdtemp()) / "intro.lsf.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=25:duration=20",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            str(film),
        ],
        check=True,
    )
    bundled = load_exhibition(paths.default_exhibition()).exhibition
    first = bundled.chapters[0]
    signed = dataclasses.replace(first.panels[0], sign_language={"fr": MediaFile("sign/intro.lsf.mp4", film)})
    chapters = (dataclasses.replace(first, panels=(signed, *first.panels[1:])), *bundled.chapters[1:])
    kiosk = KioskApp(
        dataclasses.replace(bundled, chapters=chapters),
        timeouts=Timeouts(idle=3600, countdown=10, tap_gap=0.05),
        size=(1920, 1080),
    )
    kiosk.show(fullscreen=False, size=QSize(1920, 1080))
    QTest.qWaitForWindowExposed(kiosk.window)
    kiosk.visit.wake()
    QTest.qWait(100)
    kiosk.visit.open_chapter(0)
    QTest.qWait(600)
    kiosk.access.toggle("sign_language")
    QTest.qWait(2500)
    path = OUT / "access-sign-language.png"
    kiosk.window.grabWindow().save(str(path))
    print(path)
    kiosk.close()


if __name__ == "__main__":
    sys.exit(main())
