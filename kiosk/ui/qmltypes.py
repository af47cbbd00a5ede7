"""What every module that declares a QML type needs: the QML module's name and version, and
Qt's registration decorators typed loosely (PySide6's stubs say QmlUncreatable cannot be called).

``@QmlElement`` reads ``QML_IMPORT_NAME`` and ``QML_IMPORT_MAJOR_VERSION`` from the globals of
the module it decorates: import both names from here into that module.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlUncreatable as _QmlUncreatable

QML_IMPORT_NAME = "KioskBackend"
QML_IMPORT_MAJOR_VERSION = 1

QmlUncreatable: Any = _QmlUncreatable
