"""A stand-in desktop screensaver on a private session bus, for test_blanking_dbus.py.

Serves org.freedesktop.ScreenSaver.Inhibit and answers with a cookie, as GNOME and KDE do;
they drop an inhibit when its sender leaves the bus, so this prints every name that leaves.
Prints READY, then INHIBIT <app>|<reason>|<cookie> and GONE <unique name> lines.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import SLOT, ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.cookie = 41

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:  # the D-Bus method name
        self.cookie += 1
        print(f"INHIBIT {app}|{reason}|{self.cookie}", flush=True)
        return self.cookie


class Leavers(QObject):
    @Slot(str, str, str)
    def changed(self, name: str, old_owner: str, new_owner: str) -> None:
        if name.startswith(":") and not new_owner:
            print(f"GONE {name}", flush=True)


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service, leavers = ScreenSaver(), Leavers()
    ok = bus.registerObject("/org/freedesktop/ScreenSaver", service, QDBusConnection.RegisterOption.ExportAllSlots)
    ok = ok and bus.registerService("org.freedesktop.ScreenSaver")
    ok = ok and bus.connect(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus",
        "NameOwnerChanged",
        leavers,
        SLOT("changed(QString,QString,QString)"),
    )
    print("READY" if ok else "FAILED", flush=True)
    return app.exec() if ok else 1


if __name__ == "__main__":
    sys.exit(main())
