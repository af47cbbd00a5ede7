"""Lock-down of ``kiosk run``: full screen, exit keys swallowed, cursor hidden, screen kept on.

The staff exit (a hidden corner press, a PIN, the staff panel) is :mod:`kiosk.ui.lockdown.staff`
and the QML in kiosk/qml/Kiosk/Staff*.qml; docs/lockdown.md says how ``kiosk run`` wires them.

The lock-down itself is imported when first asked for, not with the package: the staff view
model (a QML type every start registers) lives here too, and the kiosk's first frame should not
wait for the key filter, the cursor and the screen blanking (docs/decisions/0063).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.lockdown.lockdown import LockDown, choose_screen, lock_down

__all__ = ["LockDown", "choose_screen", "lock_down"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kiosk.ui.lockdown import lockdown

        return getattr(lockdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
