"""The staff's screens in other languages: Qt's own tools, lupdate and lrelease.

    .venv/bin/python tools/translations.py          # after changing a staff text: update the .ts
                                                    # files, translate (Qt Linguist or any editor),
                                                    # then run it again to compile the .qm files

Visitors' words come from the exhibition and kiosk/text/localize.py; only what staff and technicians
read is here: the PIN pad, the staff panel, the reload banner and the error screen (QML ``qsTr``)
and the messages of kiosk/ui/lockdown/staff.py (``translate("StaffViewModel", ...)``).
Locations are left out of the .ts files: a line moved in a QML file changes nothing to translate.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "kiosk" / "i18n"
LANGUAGES = ("fr",)
SOURCES = (
    *sorted((ROOT / "kiosk" / "qml" / "Kiosk").glob("*.qml")),
    ROOT / "kiosk" / "ui" / "lockdown" / "staff.py",
)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: it comes with PySide6 (bash scripts/setup.sh)")
    return found


def ts_file(language: str, folder: Path = I18N) -> Path:
    return folder / f"staff_{language}.ts"


def update_ts(ts: Path) -> None:
    """Add new staff texts to ``ts`` (untranslated) and drop the ones no longer used."""
    subprocess.run(
        [_tool("lupdate"), *map(str, SOURCES), "-locations", "none", "-no-obsolete", "-silent", "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


#: The editor (kiosk edit) is Qt Widgets in Python: its words are the literal tr("...") calls of these files,
#: all in one context, "Editor" (kiosk/editor/i18n.py), gathered here rather than by lupdate, which would
#: name each context after the class the call sits in.
EDITOR_SOURCES = ROOT / "kiosk" / "editor"
EDITOR_CONTEXT = "Editor"


def editor_texts(folder: Path = EDITOR_SOURCES) -> list[str]:
    texts: list[str] = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in texts
            ):
                texts.append(node.args[0].value)
    return texts


def update_editor_ts(ts: Path, language: str) -> None:
    """Write the editor's .ts: every text in use, translations already made kept, new ones unfinished."""
    known: dict[str, str] = {}
    if ts.is_file():
        for message in ET.parse(ts).getroot().iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source is not None and translation is not None and translation.get("type") != "unfinished":
                known[source] = translation.text or ""
    root = ET.Element("TS", version="2.1", language=f"{language}_{language.upper()}")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = EDITOR_CONTEXT
    for text in editor_texts():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text in known:
            translation.text = known[text]
        else:
            translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )


def main() -> int:
    I18N.mkdir(exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language)
        update_ts(ts)
        compile_qm(ts, ts.with_suffix(".qm"))
        editor_ts = I18N / f"editor_{language}.ts"
        update_editor_ts(editor_ts, language)
        compile_qm(editor_ts, editor_ts.with_suffix(".qm"))
        for done in (ts, editor_ts):
            unfinished = done.read_text(encoding="utf-8").count('type="unfinished"')
            print(f"{done.relative_to(ROOT)}: {unfinished} text(s) still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
