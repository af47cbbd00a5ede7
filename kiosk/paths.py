"""Every lookup of a file the kiosk ships, in one place, for a checkout and a frozen bundle alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def is_frozen() -> bool:
    """True when running from the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """The folder holding config/ and media/: the bundle's folder, or the checkout."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return _PACKAGE_DIR.parent


def default_exhibition() -> Path:
    """The exhibition ``kiosk run`` shows when given none.

    ``KIOSK_EXHIBITION`` lets an installation point at the staff's own copy
    (for example /etc/kiosk/exhibition.yaml from the .deb) without a command-line change.
    """
    override = os.environ.get("KIOSK_EXHIBITION")
    if override:
        return Path(override)
    return resource_root() / "config" / "exhibition.yaml"


def schema_file() -> Path:
    """The committed JSON Schema beside the bundled exhibition."""
    return resource_root() / "config" / "exhibition.schema.json"


def qml_import_dir() -> Path:
    """The folder to add to the QML engine's import path; it holds the ``Kiosk`` module."""
    return _PACKAGE_DIR / "qml"


def translations_dir() -> Path:
    """The compiled translations of the staff's screens (``staff_fr.qm``...)."""
    return _PACKAGE_DIR / "i18n"


def starter_dir() -> Path:
    """The small starter exhibition that ``kiosk new`` copies."""
    return _PACKAGE_DIR / "starter"
