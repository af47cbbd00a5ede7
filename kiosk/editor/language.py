"""The editor speaks the machine's language (French or English), like the kiosk's staff screens."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.ui.staff_language import install_staff_translator


def install_editor_translator(app: QCoreApplication, languages: Sequence[str] | None = None) -> QTranslator | None:
    """``editor_fr.qm`` when the machine speaks French; Qt's own dialog buttons follow as well."""
    return install_staff_translator(app, languages, catalogue="editor")
