"""Screenshots of the editor for docs/screenshots/, from a real window under Xvfb (or any display).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/editor_screenshots.py

The whole screen is grabbed (QScreen.grabWindow(0)), so the preview, a native window inside the
editor, is in the picture as staff see it. Works on a copy of the bundled exhibition.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait(app: QApplication, done: object, limit_s: float = 20.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not done() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def shoot(app: QApplication, window: object, name: str) -> Path:
    settle(app, 1.5)
    screen = app.primaryScreen()
    frame = window.frameGeometry()  # type: ignore[attr-defined]
    image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    target = OUT / name
    image.save(str(target))
    print(f"wrote {target.relative_to(ROOT)} ({image.width()}x{image.height()})")
    return target


def main() -> int:
    from kiosk.editor.window import EditorWindow

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        os.environ["KIOSK_DATA_DIR"] = str(Path(tmp) / "data")
        config = Path(tmp) / "config"
        config.mkdir()
        shutil.copy2(ROOT / "config" / "exhibition.yaml", config / "exhibition.yaml")
        (Path(tmp) / "media").symlink_to(ROOT / "media", target_is_directory=True)
        settings = QSettings(str(Path(tmp) / "kiosk-edit.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(config / "exhibition.yaml", settings=settings)
        window.resize(1920, 1050)
        window.move(0, 0)
        window.show()
        settle(app, 1.0)
        window.select(("chapters", 0, "panels", 1))
        window.preview.language_box.setCurrentIndex(window.preview.language_box.findData("ar"))
        shoot(app, window, "editor-panel-form.png")
        # The excerpt picker and the captions: the film panel of the second chapter, a few frames in.
        window.select(("chapters", 1, "panels", 1))
        picker = window.picker
        wait(app, lambda: picker.ready and picker.last_frame is not None)
        picker.go_to(picker.frame + 12)
        wait(app, lambda: picker.ready and picker.frame >= 0 and picker.last_frame is not None)
        pane = window.captions
        pane.language_box.setCurrentIndex(pane.language_box.findData("fr"))
        pane.table.setCurrentCell(1, 2)
        wait(app, lambda: picker.ready)
        shoot(app, window, "editor-excerpt.png")
        dock = window.picker_dock
        settle(app, 0.5)
        corner = dock.mapToGlobal(dock.rect().topLeft())
        image = app.primaryScreen().grabWindow(0, corner.x(), corner.y(), dock.width(), dock.height())
        image.save(str(OUT / "editor-captions.png"))
        print("wrote docs/screenshots/editor-captions.png")
        picker.close_film()
        window.confirm = lambda: None
        window.document.mark_saved()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
