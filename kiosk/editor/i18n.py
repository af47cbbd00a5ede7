"""The editor's own words, in the machine's language (French or English), as the staff screens do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Editor"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
