"""Spare the kiosk's start PySide6's scan of every module's source.

Once PySide6 is imported, every ``import`` statement in the process runs a hook of PySide's
``__feature__`` support (its opt-in ``snake_case`` and ``true_property`` names): the first time a
module is named, the hook reads the module's whole source file to see whether it mentions
PySide6, and notes the answer for that module. Starting ``kiosk run`` names 187 modules so (the
kiosk's own and the standard library's), which cost 16-17 ms of its 270-300 ms to the first
frame, measured on this project's machine (docs/decisions/0069).

The kiosk uses no ``__feature__`` and none of its libraries does, so the answer for every module
is "uses no feature", which is what PySide notes for a module it cannot read (a frozen
installer's, a compiled one) already. Where PySide's internals differ from the ones this was
measured on, nothing is changed and the start pays the scan as before.
"""

from __future__ import annotations

import logging
from types import ModuleType

log = logging.getLogger(__name__)


def _uses_no_feature(_module: ModuleType) -> bool:
    return False


def skip_feature_source_scan() -> bool:
    """Before the kiosk's modules are imported: whether the scan is skipped from now on."""
    import PySide6  # noqa: F401  (loads shiboken's support modules, the hook's among them)

    try:
        from shibokensupport import feature  # PySide6's own, embedded in shiboken6
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's feature hook has changed: its source scan stays")
        return False
    feature._mod_uses_pyside = _uses_no_feature
    return True
