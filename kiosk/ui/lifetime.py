"""Freeing what a Python object held once QML has destroyed it.

PySide6 6.11.3 keeps the Python wrapper of every ``@QmlElement`` object that QML creates (a
model inside a delegate, a player inside a panel) after QML destroys the C++ object, with its
``__dict__`` and everything that references: a libVLC engine, decoded frames, the exhibition.
``gc.collect()`` does not help; PySide itself holds the last reference
(tests/soak/test_qml_wrapper_leak.py shows it, and fails the day PySide stops doing it). A kiosk
visiting film and timeline panels all day would grow without end (docs/reliability.md).

So each such class calls :func:`free_state_when_destroyed` in its ``__init__``: when the C++
object goes, its Python state is cleared and only an empty wrapper of a few hundred bytes stays.
Even those add up, scattered through the heap, so the objects made most often (a film's player
and frame item) are no longer created by QML at all: kiosk/ui/video/parts.py makes them in Python,
and they go with their QML parent, wrapper and all. Here they keep the call as a safety net: it
releases the libVLC engine whichever way the player goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


def free_state_when_destroyed(obj: QObject, release: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Clear ``obj``'s attributes when its C++ object is destroyed, after ``release(state)``.

    The closure holds the attribute dictionary, never ``obj`` itself: holding ``obj`` would keep
    the wrapper alive through its own connection. ``release`` gets the same dictionary, to stop
    and free what must be freed explicitly (a libVLC player) before the references go.
    """
    state = obj.__dict__

    def clear(*_: object) -> None:
        if release is not None:
            release(state)
        state.clear()

    obj.destroyed.connect(clear)
