"""Staff tools on the running kiosk: live reload (watcher, controller) and opening hours.

Importing :mod:`kiosk.ui.staff_tools.reload` or :mod:`kiosk.ui.staff_tools.schedule`
registers their QML types (module ``KioskBackend`` 1.0). How ``kiosk run`` and Main.qml
wire them: docs/staff-tools.md.
"""
