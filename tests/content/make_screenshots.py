"""Screenshots of the bundled exhibition as visitors see it, for docs/screenshots/.

Not a test: a person opens the pictures and looks (Arabic shaping and direction, nothing cut,
no developer text). Run under Xvfb, a real window, from the checkout:

    xvfb-run -a -s "-screen 0 1920x1920x24" env QT_QUICK_BACKEND=software \\
        .venv/bin/python tests/content/make_screenshots.py [--out docs/screenshots]

It drives the kiosk through its navigator (the slots QML calls on a touch) and grabs the
window once the scene has settled. The film with Arabic captions is
tests/video/screenshot_arabic.py (it needs libVLC's frames).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.loader import load_exhibition  # noqa: E402
from kiosk.ui.app import KioskApp  # noqa: E402
from kiosk.video import vlc_engine  # noqa: E402

#: (file, window size, language, chapter id or "" for home / "attract", panel id, large text)
SHOTS: tuple[tuple[str, tuple[int, int], str, str, str, bool], ...] = (
    ("attract.png", (1920, 1080), "fr", "attract", "", False),
    ("home.png", (1920, 1080), "fr", "", "", False),
    ("text.png", (1920, 1080), "fr", "ghouta", "student", False),
    ("image.png", (1920, 1080), "en", "ghouta", "portrait", False),
    ("timeline.png", (1920, 1080), "en", "ghouta", "life-timeline", False),
    ("quote.png", (1920, 1080), "fr", "in-charge", "quote-keep-going", False),
    ("arabic.png", (1920, 1080), "ar", "in-charge", "chosen", False),
    ("quote-arabic.png", (1920, 1080), "ar", "exile", "quote-two-doctors", False),
    ("home-portrait-large-text.png", (1080, 1920), "en", "", "", True),
    ("video-controls.png", (1920, 1080), "en", "the-cave", "excerpt-hospital", False),
)
#: Shots of a film panel: its big play button is tapped, and the film plays a few seconds.
PLAYING = {"video-controls.png"}


def visible_item(root: QQuickItem, name: str) -> QQuickItem:
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible() and item.opacity() > 0:
            return item
        stack.extend(item.childItems())
    raise LookupError(name)


def settle(ms: int = 1500) -> None:
    QTest.qWait(ms)  # animations (fades, the strip's slide) run their course


def shoot(out: Path, name: str, size: tuple[int, int], language: str, chapter: str, panel: str, large: bool) -> None:
    result = load_exhibition(ROOT / "config" / "exhibition.yaml")
    assert result.exhibition is not None and not result.problems, [str(p) for p in result.problems]
    exhibition = result.exhibition
    kiosk = KioskApp(result, size=size)
    kiosk.show(fullscreen=False, size=QSize(*size))
    QTest.qWaitForWindowExposed(kiosk.window)
    navigator = kiosk.navigator
    steps: list[Callable[[], object]] = []
    if chapter != "attract":
        steps.append(navigator.wake)
        steps.append(lambda: navigator.setLanguage(language))
        if large:
            steps.append(lambda: navigator.setLargeText(True))
        if chapter:
            index = [c.id for c in exhibition.chapters].index(chapter)
            panel_index = [p.id for p in exhibition.chapters[index].panels].index(panel)
            steps.append(lambda: navigator.openChapter(index))
            steps.append(lambda: navigator.showPanel(panel_index))
    for step in steps:
        step()
        settle(700)
    settle(2500 if chapter == "attract" else 1500)
    if name in PLAYING:
        button = visible_item(kiosk.window.contentItem(), "videoBigButton")
        centre = button.mapToScene(QPointF(button.width() / 2, button.height() / 2)).toPoint()
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        settle(4500)  # past the first caption, with the controls still shown
    image = kiosk.window.grabWindow()
    target = out / name
    image.save(str(target))
    print(f"{target}  {image.width()}x{image.height()}  {language} {chapter or 'home'} {panel}")
    kiosk.close()
    settle(100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("names", nargs="*", help="only these files (default: all)")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    vlc_engine.configure(["--aout=adummy"])
    args.out.mkdir(parents=True, exist_ok=True)
    for name, size, language, chapter, panel, large in SHOTS:
        if not args.names or name in args.names:
            shoot(args.out, name, size, language, chapter, panel, large)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
