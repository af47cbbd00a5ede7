"""Qt's QML registration decorators, typed loosely: PySide6's stubs say QmlUncreatable cannot be called."""

from __future__ import annotations

from typing import Any

from PySide6.QtQml import QmlUncreatable as _QmlUncreatable

QmlUncreatable: Any = _QmlUncreatable
