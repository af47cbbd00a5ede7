"""The staff's screens in the machine's language, from the translations in kiosk/i18n.

Visitors choose their language on the screen; the staff's screens (PIN pad, staff panel, reload
banner, error screen) follow the machine's, as every desktop application does: ``LANGUAGE=fr``
or ``LANG=fr_FR.UTF-8`` in the kiosk's environment. English is the source language and needs no
file. The translations are made with Qt's own tools: tools/translations.py.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk import paths

log = logging.getLogger(__name__)


def install_staff_translator(
    app: QCoreApplication, languages: Sequence[str] | None = None, *, catalogue: str = "staff"
) -> QTranslator | None:
    """Install the first available translation among ``languages`` (by default the system's
    languages, in order of preference); None when the staff read English. ``catalogue`` names the
    file set: ``staff`` (the kiosk's staff screens) or ``editor`` (kiosk edit)."""
    for name in languages if languages is not None else QLocale.system().uiLanguages():
        base = name.replace("-", "_").split("_")[0].lower()
        if base in ("en", "c", ""):
            return None
        translator = QTranslator(app)  # the application keeps it
        if translator.load(str(paths.translations_dir() / f"{catalogue}_{base}.qm")):
            app.installTranslator(translator)
            log.info("staff screens in %s", base)
            return translator
        translator.deleteLater()
    return None
