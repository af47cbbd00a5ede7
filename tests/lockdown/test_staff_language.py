"""The staff's screens in French when the machine speaks French (kiosk/i18n, Qt's lupdate/lrelease)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lockdown_harness import MakeHarness
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import paths
from kiosk.loader import load_exhibition
from kiosk.staff.pin import PinOutcome, PinResult
from kiosk.ui.lockdown.staff import format_duration, pin_message
from kiosk.ui.staff_language import install_staff_translator

ROOT = Path(__file__).resolve().parents[2]
UNREADABLE = 'exhibition:\n  id: x\n  title: {fr: "a", en: "b"\n  languages: [fr]\n'


def _translations_tool() -> Any:
    spec = importlib.util.spec_from_file_location("kiosk_translations_tool", ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def french(qapp: Any) -> Iterator[QTranslator]:
    translator = install_staff_translator(qapp, ["fr_FR"])
    assert translator is not None, "kiosk/i18n/staff_fr.qm did not load"
    yield translator
    qapp.removeTranslator(translator)


def test_every_staff_text_is_translated_and_compiled(tmp_path: Path) -> None:
    tool = _translations_tool()
    ts = tmp_path / "staff_fr.ts"
    shutil.copy(tool.ts_file("fr"), ts)
    tool.update_ts(ts)  # what lupdate finds in today's QML and Python
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "a staff text has no French: run tools/translations.py and translate it"
    assert text == tool.ts_file("fr").read_text(encoding="utf-8"), "kiosk/i18n/staff_fr.ts is behind the sources"
    tool.compile_qm(ts, tmp_path / "staff_fr.qm")
    assert (tmp_path / "staff_fr.qm").read_bytes() == (paths.translations_dir() / "staff_fr.qm").read_bytes(), (
        "kiosk/i18n/staff_fr.qm is not compiled from staff_fr.ts: run tools/translations.py"
    )


def test_the_machine_language_picks_the_translation(qapp: Any) -> None:
    assert install_staff_translator(qapp, ["en_GB", "fr_FR"]) is None, "English first: nothing to install"
    translator = install_staff_translator(qapp, ["de_DE", "fr-CA"])
    try:
        assert translator is not None, "no German: the next language, French, is used"
    finally:
        qapp.removeTranslator(translator)
    assert install_staff_translator(qapp, ["de_DE"]) is None


def test_pin_messages_in_french(french: QTranslator) -> None:
    assert pin_message(PinResult(PinOutcome.WRONG, 0, 3)) == "Code erroné. Encore 3 essais avant une pause."
    assert pin_message(PinResult(PinOutcome.LOCKED, 59.5)) == "Trop de codes erronés. Le clavier se rouvre dans 1:00."
    assert format_duration(2 * 86_400 + 3723) == "2 j 01:02:03"


def test_pin_messages_in_english_without_a_translation() -> None:
    assert QCoreApplication.translate("StaffViewModel", "You can try again.") == "You can try again."
    assert pin_message(PinResult(PinOutcome.WRONG, 0, 3)) == "Wrong PIN. 3 tries left before a pause."


def test_error_screen_and_staff_panel_in_french(
    french: QTranslator, make_harness: MakeHarness, qtbot: Any, tmp_path: Path
) -> None:
    (tmp_path / "media").mkdir()
    config = tmp_path / "exhibition.yaml"
    config.write_text(UNREADABLE, encoding="utf-8")
    harness = make_harness(show_error=True)
    harness.staff.set_load_result(load_exhibition(config))
    harness.window.show()
    qtbot.waitExposed(harness.window)
    assert harness.text("errorTitle") == "Le fichier de l'exposition n'a pas pu être lu"
    assert harness.text("errorVisitorLine").startswith("En maintenance · Under maintenance"), "visitors: every language"
    harness.hold_corner(qtbot)
    assert harness.text("pinTitle") == "Accès du personnel"
    harness.type_pin("4826")
    assert harness.staff.property("stage") == "panel"
    assert harness.text("staffTitle") == "Espace du personnel"
    assert "(n'a pas pu être affiché)" in harness.text("staffLoadedAt")
