"""Regression test for the PySide6 6.12.0 crash on Python 3.11 (docs/decisions/pyside6-pin.md).

PySide6 6.12.0 on Python 3.11 drops one reference to ``True`` on every ``Signal.emit()``,
``connect()`` or ``setProperty()`` made from Python, and one to ``None`` each time QML calls
a Python slot; a few hundred calls later the interpreter aborts (``Fatal Python error:
bool_dealloc``). The calls run in a child interpreter, so that the abort, if it comes back,
fails this test instead of killing the whole test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

CALLS = 2000
TOLERANCE = CALLS // 20  # noise (caches, interned objects) moves a count by tens; the bug moves it by CALLS

CHILD = textwrap.dedent(
    f"""
    import gc, json, sys
    from PySide6.QtCore import QCoreApplication, QObject, Property, Signal, Slot
    from PySide6.QtQml import QJSEngine

    app = QCoreApplication([])

    class Emitter(QObject):
        fired = Signal(bool)
        flagChanged = Signal()

        def __init__(self):
            super().__init__()
            self._flag = False
            self.seen = 0

        def get_flag(self):
            return self._flag

        def set_flag(self, value):
            self._flag = value
            self.flagChanged.emit()

        flag = Property(bool, get_flag, set_flag, notify=flagChanged)

        @Slot()
        def ping(self):
            self.seen += 1

        def on_fired(self, value):
            self.seen += 1

    emitter = Emitter()
    results = {{}}

    def measure(name, action):
        for _ in range(10):  # warm up caches first
            action()
        gc.collect()  # garbage freed during the loop would otherwise move None's count
        before = (sys.getrefcount(True), sys.getrefcount(None))
        for _ in range({CALLS}):
            action()
        gc.collect()
        after = (sys.getrefcount(True), sys.getrefcount(None))
        results[name] = [after[0] - before[0], after[1] - before[1]]

    emitter.fired.connect(emitter.on_fired)
    measure("emit", lambda: emitter.fired.emit(True))
    measure("connect", lambda: emitter.fired.connect(emitter.on_fired))
    measure("setProperty", lambda: emitter.setProperty("flag", True))

    engine = QJSEngine()
    engine.globalObject().setProperty("target", engine.newQObject(emitter))
    measure("qml-calls-slot", lambda: engine.evaluate("target.ping()"))
    print(json.dumps(results))
    """
)


def test_true_and_none_keep_their_references() -> None:
    process = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert process.returncode == 0, f"the interpreter died (the PySide6 6.12 crash?):\n{process.stderr[-3000:]}"
    results = json.loads(process.stdout.strip().splitlines()[-1])
    assert set(results) == {"emit", "connect", "setProperty", "qml-calls-slot"}
    for action, (true_delta, none_delta) in results.items():
        assert abs(true_delta) <= TOLERANCE, f"{action}: {CALLS} calls moved refcount(True) by {true_delta}"
        assert abs(none_delta) <= TOLERANCE, f"{action}: {CALLS} calls moved refcount(None) by {none_delta}"


def test_the_check_sees_a_leak() -> None:
    """The measurement itself can fail: a helper that drops (here: keeps) a reference per call shows."""
    kept = []
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        kept.append(True)
    assert sys.getrefcount(True) - before >= CALLS - TOLERANCE


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="PySide6 6.12 is fine on Python 3.12 and later")
def test_python_311_gets_a_pyside6_below_612() -> None:
    import PySide6

    assert tuple(PySide6.__version_info__[:2]) < (6, 12), (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}: "
        "6.12 crashes on 3.11 (docs/decisions/pyside6-pin.md)"
    )
