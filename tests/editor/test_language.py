"""The editor's own screens follow the machine's language, French or English, as the staff screens do."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.editor.language import install_editor_translator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from translations import editor_texts  # noqa: E402


def test_on_a_french_machine_the_editor_speaks_french(qapp, editor, bundled_copy: Path) -> None:
    translator = install_editor_translator(qapp, ["fr-FR", "en"])
    assert translator is not None
    try:
        window = editor(bundled_copy, preview=False)
        assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "É&dition", "&Structure"]
        assert window.model.data(window.model.index(0, 0)) == "Réglages de l’exposition"
    finally:
        qapp.removeTranslator(translator)


def test_on_an_english_machine_no_translation_is_loaded(qapp) -> None:
    assert install_editor_translator(qapp, ["en-GB", "fr"]) is None


def test_every_text_of_the_editor_is_translated_into_french() -> None:
    ts = ET.parse(ROOT / "kiosk" / "i18n" / "editor_fr.ts").getroot()
    translated = {message.findtext("source"): message.find("translation") for message in ts.iter("message")}
    missing = [text for text in editor_texts() if text not in translated]
    unfinished = [
        source
        for source, translation in translated.items()
        if translation is None or translation.get("type") == "unfinished" or not translation.text
    ]
    assert missing == [] and unfinished == []


def test_the_shipped_french_is_compiled_from_its_ts_file(tmp_path: Path) -> None:
    import translations

    translations.compile_qm(ROOT / "kiosk" / "i18n" / "editor_fr.ts", tmp_path / "editor_fr.qm")
    assert (tmp_path / "editor_fr.qm").read_bytes() == (ROOT / "kiosk" / "i18n" / "editor_fr.qm").read_bytes(), (
        "kiosk/i18n/editor_fr.qm is not compiled from editor_fr.ts: run tools/translations.py"
    )
