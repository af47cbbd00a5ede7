"""The kiosk's first frame waits only for what it shows (docs/decisions/0063): a start on an
unchanged exhibition imports neither the parser nor the lock-down, never makes PySide build its
``Qt`` namespace, and decodes each attract picture once, at no more than its own size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk import paths
from kiosk.ui.items import walk
from kiosk.ui.viewmodels.base import DISPLAY_ROLE, USER_ROLE

ROOT = Path(__file__).resolve().parents[2]

# Runs in its own process: what a module imported before the first frame costs shows only in a
# process that has imported nothing yet. Prints what had happened by the first frame.
FIRST_FRAME = r"""
import gc, json, sys
gc.disable()  # as `kiosk run` does
from pathlib import Path
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication
from kiosk.loader.remembered import load_for_start
from kiosk.ui.app import KioskApp
from kiosk.ui.first_frame import collect_garbage_after_first_frame

app = QGuiApplication(sys.argv[:1])
kiosk = KioskApp(load_for_start(Path(sys.argv[1]), folder=Path(sys.argv[2]), settle_seconds=0), size=(1280, 720))
seen = {}
collect_garbage_after_first_frame(kiosk.window)

def on_frame():
    from PySide6 import QtCore
    if not seen:
        seen["qt_namespace"] = "Qt" in QtCore.__dict__  # PySide 6.11 builds it at first use
        seen["modules"] = sorted(sys.modules)
        # The collector comes back in the turn of the event loop after the first frame.
        QTimer.singleShot(0, lambda: (seen.update(collecting=gc.isenabled()), app.quit()))

kiosk.window.frameSwapped.connect(on_frame)
kiosk.show(fullscreen=False, size=QSize(1280, 720))
app.exec()
print(json.dumps(seen))
kiosk.close()
"""


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    cache = tmp_path_factory.mktemp("cache")
    exhibition = ROOT / "config" / "exhibition.yaml"
    remembering = "import sys; from pathlib import Path; from kiosk.loader.remembered import load_for_start; "
    remembering += "load_for_start(Path(sys.argv[1]), folder=Path(sys.argv[2]), settle_seconds=0)"
    # The booth's first start ever, which remembers the load; then the next one, measured.
    subprocess.run([sys.executable, "-c", remembering, str(exhibition), str(cache)], check=True, cwd=ROOT, timeout=120)
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(exhibition), str(cache)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**_environment(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _environment() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_the_first_frame_does_not_make_pyside_build_its_qt_namespace(first_frame: dict[str, Any]) -> None:
    assert first_frame["qt_namespace"] is False, (
        "a module imported before the first frame names PySide6.QtCore.Qt (about 15 ms here): "
        "name it inside the function that needs it, after the first frame"
    )


def test_garbage_is_collected_again_from_the_first_frame(first_frame: dict[str, Any]) -> None:
    assert first_frame["collecting"] is True


@pytest.mark.parametrize(
    "module",
    [
        "yaml",
        "kiosk.loader.load",
        "kiosk.loader.checks",
        "kiosk.loader.media_check",
        "kiosk.ui.lockdown.lockdown",
        "kiosk.speech.library",
        "hashlib",
        "subprocess",
    ],
)
def test_the_first_frame_of_a_remembered_start_does_without(first_frame: dict[str, Any], module: str) -> None:
    assert module not in first_frame["modules"]


def test_kiosk_run_reads_its_command_line_without_the_other_commands_imports() -> None:
    # `kiosk validate` imports the loader's checks at its top; building its parser for a booth's
    # `kiosk run` made every start wait for them (20 ms here).
    code = "import sys; from kiosk.cli import build_parser; build_parser(only='run'); print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60, cwd=ROOT)
    modules = json.loads(out.stdout.strip().replace("'", '"'))
    assert "kiosk.cli.run" in modules
    assert not {"kiosk.cli.validate", "kiosk.loader.checks", "kiosk.loader.load", "yaml"} & set(modules)


def test_the_role_numbers_are_qts() -> None:
    from PySide6.QtCore import Qt

    assert Qt.ItemDataRole.DisplayRole.value == DISPLAY_ROLE
    assert Qt.ItemDataRole.UserRole.value == USER_ROLE


# --- pictures decoded once, at no more than their own size ---------------------------------------
@pytest.fixture
def pictures(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for name, size in {"small": QSize(320, 200), "large": QSize(3000, 2000)}.items():
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("#336699"))
        made[name] = tmp_path / f"{name}.png"
        assert image.save(str(made[name]))
    made["drawing"] = tmp_path / "drawing.svg"
    made["drawing"].write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50"/></svg>'
    )
    return made


def _decoded_size(qtbot: Any, source: Path) -> QSize:
    from kiosk.ui.app import KioskApp

    kiosk = KioskApp(None, size=(800, 600))  # for its engine, with every type registered
    try:
        component = QQmlComponent(kiosk.engine)
        component.setData(
            b"import QtQuick\nimport Kiosk\n"
            b"Window { width: 800; height: 600; visible: true\n"
            b"  KenBurnsImage { objectName: 'picture'; anchors.fill: parent; source: '"
            + QUrl.fromLocalFile(str(source)).toString().encode()
            + b"' } }",
            QUrl.fromLocalFile(str(paths.qml_import_dir() / "test.qml")),
        )
        window = component.create()
        assert isinstance(window, QQuickWindow), component.errorString()
        picture = next(item for item in walk(window.contentItem()) if item.objectName() == "picture")
        qtbot.waitUntil(lambda: picture.property("ready"), timeout=5000)
        image = next(child for child in picture.childItems() if child.inherits("QQuickImage"))
        assert isinstance(image, QQuickItem)
        decoded = image.property("sourceSize")
        window.deleteLater()
        return QSize(decoded)
    finally:
        kiosk.close()


def test_a_picture_smaller_than_the_screen_is_decoded_at_its_own_size(qtbot: Any, pictures: dict[str, Path]) -> None:
    assert _decoded_size(qtbot, pictures["small"]) == QSize(320, 200)


@pytest.mark.parametrize("name", ["large", "drawing"])
def test_a_picture_larger_than_the_screen_or_a_drawing_is_decoded_at_the_size_it_shows(
    qtbot: Any, pictures: dict[str, Path], name: str
) -> None:
    decoded = _decoded_size(qtbot, pictures[name])
    assert decoded.width() == pytest.approx(800 * 1.12, abs=2)  # full zoom, not the file's 3000
    assert decoded.height() == pytest.approx(600 * 1.12, abs=2)


# --- the first frame, logged ----------------------------------------------------------------------
def test_the_first_frame_is_logged_with_the_time_since_the_process_began(qtbot: Any, caplog: Any) -> None:
    import logging
    import time

    from kiosk.ui.first_frame import log_first_frame, process_age_ms

    age = process_age_ms()
    assert age is not None and 0 < age < (time.monotonic() + 3600) * 1000  # Linux: /proc says
    window = QQuickWindow()
    window.resize(64, 64)
    caplog.set_level(logging.INFO, logger="kiosk.ui.first_frame")
    log_first_frame(window)
    window.show()
    qtbot.waitUntil(lambda: "first frame shown" in caplog.text, timeout=5000)
    shown = [r for r in caplog.records if "first frame shown" in r.getMessage()]
    assert len(shown) == 1
    logged_ms = float(shown[0].getMessage().split()[3])
    assert age <= logged_ms <= process_age_ms()  # type: ignore[operator]
    with qtbot.waitSignal(window.frameSwapped, timeout=5000):  # a later frame is not logged again
        window.update()
    QCoreApplication.processEvents()  # what that frame would have deferred runs now
    assert len([r for r in caplog.records if "first frame shown" in r.getMessage()]) == 1
    window.close()
