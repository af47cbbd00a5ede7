"""A PySide6 fact the soak found: Python objects that QML creates are never freed on the Python side.

With PySide6 6.11.3, every instance of a Python ``@QmlElement`` type that QML creates (a model
inside a delegate, a player item in a Loader) keeps its Python wrapper alive after QML destroys
the C++ object: the wrapper, its ``__dict__`` and everything that references (an exhibition, a
libVLC engine, decoded frames) stay until the process ends, gc or not. In the kiosk, every
visit to a film or timeline panel leaks that way (docs/reliability.md, "Found by the soak").

The mitigation, measured here: clear the instance's attributes when the C++ object goes, from a
closure that holds the ``__dict__`` and not ``self``. Only an empty wrapper is left (a few hundred
bytes). The first test documents the PySide behaviour: if a PySide upgrade stops leaking, it
fails, and the workaround can go.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtQml import QmlElement, QQmlComponent, QQmlEngine

QML_IMPORT_NAME = "KioskLeakProbe"
QML_IMPORT_MAJOR_VERSION = 1

BIG = 256 * 1024


@QmlElement
class Plain(QObject):
    """A QML-created Python object holding state, as the kiosk's view models do."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.payload = bytearray(BIG)


@QmlElement
class Mitigated(QObject):
    """The same, clearing its state when its C++ object is destroyed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.payload = bytearray(BIG)
        state = self.__dict__  # the closure must not hold self, or it keeps the wrapper itself
        self.destroyed.connect(lambda *_: state.clear())


def _cycle(qapp: Any, type_name: str, times: int) -> None:
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(
        f"import QtQuick\nimport KioskLeakProbe\nItem {{ property bool on: false\n"
        f"  Loader {{ active: parent.on; sourceComponent: Item {{ {type_name} {{ }} }} }} }}".encode(),
        "probe.qml",
    )
    root = component.create()
    assert root is not None, component.errorString()
    for _ in range(times):
        root.setProperty("on", True)
        qapp.processEvents()
        root.setProperty("on", False)
        qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    root.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _alive(kind: type) -> list[Any]:
    gc.collect()
    return [obj for obj in gc.get_objects() if type(obj) is kind]


@pytest.mark.xfail(strict=True, reason="PySide6 6.11.3 keeps the Python wrapper of every QML-created object")
def test_pyside_frees_python_objects_that_qml_created(qapp: Any) -> None:
    before = len(_alive(Plain))
    _cycle(qapp, "Plain", 30)
    assert len(_alive(Plain)) - before < 3


def test_clearing_state_on_destroyed_frees_what_the_wrapper_held(qapp: Any) -> None:
    _cycle(qapp, "Mitigated", 30)
    left = _alive(Mitigated)
    holding = [obj for obj in left if obj.__dict__]
    assert not holding, f"{len(holding)} of {len(left)} destroyed objects still hold their state"
