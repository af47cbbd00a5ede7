"""The lock-downs in force, so that the staff exit (behind the PIN) can open every one of them.

Its own module so that the staff view model and the lock-down need not import each other:
the lock-down registers here, the staff panel's exit calls :func:`authorise_staff_exit`. So the
staff exit works however ``kiosk run`` connects ``exitRequested`` to quitting.
"""

from __future__ import annotations

from typing import Protocol


class Lock(Protocol):
    def authorise_exit(self) -> None: ...


_active: set[Lock] = set()


def register(lock: Lock) -> None:
    _active.add(lock)


def unregister(lock: Lock) -> None:
    _active.discard(lock)


def authorise_staff_exit() -> None:
    """Let every lock-down in force close: called by the staff panel's exit, behind the PIN."""
    for lock in list(_active):
        lock.authorise_exit()
