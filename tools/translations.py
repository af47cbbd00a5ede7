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

import shutil
import subprocess
import sys
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


def main() -> int:
    I18N.mkdir(exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language)
        update_ts(ts)
        compile_qm(ts, ts.with_suffix(".qm"))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {unfinished} text(s) still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
