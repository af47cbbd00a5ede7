"""Screenshots of the PIN pad, the staff panel and the error screen, for docs/screenshots/.

Run from the checkout:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/lockdown/make_screenshots.py
The problems shown are real: the real loader reads small broken exhibition files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk import paths  # noqa: E402
from kiosk.loader import load_exhibition  # noqa: E402
from kiosk.staff.pin import StaffPin  # noqa: E402
from kiosk.ui.items import find_item  # noqa: E402
from kiosk.ui.lockdown.staff import StaffViewModel  # noqa: E402

HARNESS = Path(__file__).with_name("harness.qml")
OUT = ROOT / "docs" / "screenshots"

# Not understandable at all: the YAML itself is broken (a tab and an unclosed bracket).
UNREADABLE = textwrap.dedent("""\
    exhibition:
      id: amani-ballour
      title: {fr: "Dr Amani Ballour", en: "Dr Amani Ballour"
      languages: [fr, en, ar]
    chapters:
    \t- id: ghouta
    """)

# Understandable, with a broken panel and a missing picture: runs with placeholders.
PARTLY_BROKEN = textwrap.dedent("""\
    exhibition:
      id: amani-ballour
      title: {fr: "La doctoresse de la Ghouta", en: "The doctor of Ghouta", ar: "طبيبة الغوطة"}
      languages: [fr, en, ar]
    attract:
      items: [intro]
      invitation: {fr: "Touchez l'écran", en: "Touch the screen", ar: "المس الشاشة"}
      idle_timeout: 90s
    chapters:
      - id: ghouta
        title: {fr: "La Ghouta", en: "Ghouta", ar: "الغوطة"}
        panels:
          - {id: intro, type: text, title: {fr: Intro, en: Intro, ar: مقدمة}, body: {fr: Texte, en: Text}}
          - {id: portrait, type: image, src: images/missing-portrait.jpg, alt: "Portrait"}
          - {id: cave, type: vidoe, src: video/the-cave.mp4}
    """)


def find(window: QQuickWindow, name: str) -> QQuickItem:
    item = find_item(window.contentItem(), name)
    if item is None:
        raise LookupError(name)
    return item


def click(window: QQuickWindow, name: str) -> None:
    item = find(window, name)
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def build(staff: StaffViewModel, show_error: bool) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    from kiosk.ui.registry import register_qml_types

    register_qml_types()  # the kiosk's components name the view models' types
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"staff": staff, "showError": show_error})
    source = HARNESS.read_text(encoding="utf-8").replace("@KIOSK_QML@", (paths.qml_import_dir() / "Kiosk").as_uri())
    engine.loadData(source.encode(), QUrl.fromLocalFile(str(HARNESS)))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.setProperty("holdDuration", 10)
    window.resize(1920, 1080)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return engine, window


def save(window: QQuickWindow, name: str) -> None:
    QTest.qWait(100)
    image = window.grabWindow()
    path = OUT / name
    image.save(str(path))
    print(f"{path}  {image.width()}x{image.height()}")


def main() -> int:
    app = QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "media").mkdir()
        pin = StaffPin(folder / "staff-pin.json")
        pin.set("4826")

        # The PIN pad after one wrong PIN, three digits typed.
        partly = folder / "exhibition.yaml"
        partly.write_text(PARTLY_BROKEN, encoding="utf-8")
        staff = StaffViewModel(pin)
        staff.set_load_result(load_exhibition(partly))
        engine, window = build(staff, show_error=False)
        staff.requestAccess()
        for key in "1111":
            click(window, f"pinKey_{key}")
        click(window, "pinKey_ok")
        for key in "482":
            click(window, f"pinKey_{key}")
        save(window, "pinpad.png")

        # The staff panel of the partly broken exhibition.
        click(window, "pinKey_6")
        click(window, "pinKey_ok")
        save(window, "staff-panel.png")
        window.hide()
        del engine

        # The error screen of an exhibition that cannot be read at all.
        broken = folder / "broken.yaml"
        broken.write_text(UNREADABLE, encoding="utf-8")
        staff2 = StaffViewModel(pin)
        staff2.set_load_result(load_exhibition(broken))
        engine2, window2 = build(staff2, show_error=True)
        save(window2, "error-screen.png")
        window2.hide()
        del engine2
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
