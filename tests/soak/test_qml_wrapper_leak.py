"""A PySide6 fact the soak found: Python objects that QML creates are never freed on the Python side.

With PySide6 6.11.3, every instance of a Python ``@QmlElement`` type that QML creates (a model
inside a delegate, a player item in a Loader) keeps its Python wrapper alive after QML destroys
the C++ object: the wrapper, its ``__dict__`` and everything that references (an exhibition, a
libVLC engine, decoded frames) stay until the process ends, gc or not. In the kiosk, every
visit to a film or timeline panel leaked that way (docs/reliability.md, "Found by the soak"); the
film parts are now made in Python instead (kiosk/ui/video/parts.py, measured by the third test).

The mitigation, measured here: clear the instance's attributes when the C++ object goes, from a
closure that holds the ``__dict__`` and not ``self``. Only an empty wrapper is left (a few hundred
bytes). The first test documents the PySide behaviour: if a PySide upgrade stops leaking, it
fails, and the workaround can go.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Run in a child process: registering extra QML types and engines here broke the loading of the
# kiosk's Main.qml by later tests in the same process.
SCRIPT = r"""
import gc, json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

QML_IMPORT_NAME = "KioskLeakProbe"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
class Plain(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.payload = bytearray(256 * 1024)


class Made(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.payload = bytearray(256 * 1024)


@QmlElement
@QmlSingleton
class Maker(QObject):
    @Slot(QQuickItem, result=QObject)
    def make(self, owner):
        return Made(owner)


@QmlElement
class Mitigated(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.payload = bytearray(256 * 1024)
        state = self.__dict__  # the closure must not hold self, or it keeps the wrapper itself
        self.destroyed.connect(lambda *_: state.clear())


app = QGuiApplication(sys.argv[:1])
engine = QQmlEngine()
result = {}
SOURCES = {
    "Plain": "Item { Plain { } }",
    "Mitigated": "Item { Mitigated { } }",
    "Made": "Item { id: owner; readonly property QtObject made: Maker.make(owner) }",
}
for name, delegate in SOURCES.items():
    component = QQmlComponent(engine)
    component.setData(("import QtQuick\nimport KioskLeakProbe\nItem { property bool on: false\n"
                       "  Loader { active: parent.on; sourceComponent: %s } }" % delegate).encode(),
                      "probe.qml")
    root = component.create()
    for _ in range(30):
        root.setProperty("on", True); app.processEvents()
        root.setProperty("on", False); app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    alive = [o for o in gc.get_objects() if type(o).__name__ == name]
    result[name] = {"alive": len(alive), "holding": sum(1 for o in alive if o.__dict__)}
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def counts() -> dict[str, dict[str, int]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.xfail(strict=True, reason="PySide6 6.11.3 keeps the Python wrapper of every QML-created object")
def test_pyside_frees_python_objects_that_qml_created(counts: dict[str, dict[str, int]]) -> None:
    assert counts["Plain"]["alive"] < 3, counts


def test_clearing_state_on_destroyed_frees_what_the_wrapper_held(counts: dict[str, dict[str, int]]) -> None:
    assert counts["Mitigated"]["holding"] == 0, counts


def test_objects_made_in_python_go_with_their_qml_parent(counts: dict[str, dict[str, int]]) -> None:
    assert counts["Made"]["alive"] == 0, counts
