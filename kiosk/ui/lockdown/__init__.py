"""Lock-down of ``kiosk run``: full screen, exit keys swallowed, cursor hidden, screen kept on.

The staff exit (a hidden corner press, a PIN, the staff panel) is :mod:`kiosk.ui.lockdown.staff`
and the QML in kiosk/qml/Kiosk/Staff*.qml; docs/lockdown.md says how ``kiosk run`` wires them.
"""

from kiosk.ui.lockdown.lockdown import LockDown, choose_screen, lock_down

__all__ = ["LockDown", "choose_screen", "lock_down"]
