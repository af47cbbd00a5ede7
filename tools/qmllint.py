"""Lint the kiosk's QML with pyside6-qmllint, knowing the Python types QML sees.

QML imports ``KioskBackend``, whose types are Python classes registered with ``@QmlElement``:
without a description of them qmllint can check nothing that touches a view model. This writes
that description the way Qt's own build does, into a temporary folder:

1. ``pyside6-metaobjectdump`` reads the modules that declare QML types (their source: no import)
   and writes their meta-objects as JSON;
2. a class whose Qt base it cannot see (a list model built on ``LocalizedListModel[Row]``, a
   generic) gets it from the class itself, imported;
3. ``pyside6-qmltyperegistrar`` turns that JSON into ``KioskBackend.qmltypes``, beside a qmldir;

then runs ``pyside6-qmllint`` on every file of kiosk/qml/Kiosk with that folder on its import path.
Exit status 0 when no warning is left. ``--json FILE`` keeps qmllint's findings.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QML = ROOT / "kiosk" / "qml"
MODULE = "KioskBackend"


def qml_type_sources() -> list[Path]:
    """The modules that declare QML types, and the list models' base they build on."""
    sources = sorted(path for path in (ROOT / "kiosk").rglob("*.py") if "@QmlElement" in path.read_text("utf-8"))
    return [ROOT / "kiosk" / "ui" / "viewmodels" / "base.py", *sources]


#: ``Property(bool, lambda self: ..., notify=...)``: metaobjectdump wants a named getter.
_LAMBDA_GETTER = re.compile(r"Property\(([\w.]+), lambda self: .*?, (notify|constant)=")


def readable_copy(source: Path, folder: Path) -> Path:
    """``source`` copied under ``folder`` at its place in the tree, lambda getters named, for
    metaobjectdump (it reads the source and stops at a lambda)."""
    copy = folder / source.relative_to(ROOT)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(_LAMBDA_GETTER.sub(r"Property(\1, _getter, \2=", source.read_text("utf-8")), "utf-8")
    return copy


def module_name(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


#: Python's names for the types PySide6 converts, as Qt names them (QML sees a map, a list).
QT_TYPES = {"dict": "QVariantMap", "list": "QVariantList", "object": "QVariant"}


def qt_types(described: dict[str, Any]) -> None:
    """Python type names in properties, signals and methods, as their Qt types."""
    for prop in described.get("properties", []):
        prop["type"] = QT_TYPES.get(prop["type"], prop["type"])
    for key in ("signals", "slots", "methods"):
        for method in described.get(key, []):
            method["returnType"] = QT_TYPES.get(method.get("returnType", "void"), method.get("returnType", "void"))
            for argument in method.get("arguments", []):
                argument["type"] = QT_TYPES.get(argument["type"], argument["type"])


def mark_constants(described: dict[str, Any], cls: Any) -> None:
    """metaobjectdump drops ``constant=True``: read it from the class's own meta-object."""
    meta = getattr(cls, "staticMetaObject", None)
    if meta is None:
        return
    for prop in described.get("properties", []):
        index = meta.indexOfProperty(prop["name"])
        if index >= 0 and meta.property(index).isConstant():
            prop["constant"] = True


def fill_in_bases(metatypes: list[dict[str, Any]], copies: Path) -> None:
    """Give each class metaobjectdump left without a Qt base the base Python says it has; constants too."""
    sys.path.insert(0, str(ROOT))
    for entry in metatypes:
        module = importlib.import_module(module_name(Path(str(entry["inputFile"])), copies))
        for described in entry["classes"]:
            qt_types(described)
            cls = getattr(module, described["className"], None)
            mark_constants(described, cls)
            if described.get("object"):
                continue
            base = getattr(cls, "__bases__", (None,))[0]
            if base is None or not hasattr(base, "staticMetaObject"):
                continue
            described["object"] = True
            described["superClasses"] = [{"access": "public", "name": base.__name__}]


def write_qmltypes(folder: Path) -> Path:
    """``folder``/KioskBackend/{qmldir, KioskBackend.qmltypes}; returns ``folder``."""
    module = folder / MODULE
    module.mkdir(parents=True, exist_ok=True)
    dump = folder / "metatypes.json"
    copies = folder / "sources"
    sources = [str(readable_copy(path, copies)) for path in qml_type_sources()]
    subprocess.run([str(BIN / "pyside6-metaobjectdump"), "-q", "-o", str(dump), *sources], check=True)
    metatypes = json.loads(dump.read_text("utf-8"))
    fill_in_bases(metatypes, copies)
    dump.write_text(json.dumps(metatypes), "utf-8")
    import PySide6

    qt_metatypes = Path(PySide6.__file__).parent / "Qt" / "metatypes"
    foreign = ",".join(str(qt_metatypes / f"qt6{name}_metatypes.json") for name in ("core", "gui", "qml", "quick"))
    subprocess.run(
        [
            str(BIN / "pyside6-qmltyperegistrar"),
            f"--generate-qmltypes={module / f'{MODULE}.qmltypes'}",
            f"--import-name={MODULE}",
            "--major-version=1",
            "--minor-version=0",
            f"--foreign-types={foreign}",
            "-o",
            str(folder / "registrations.cpp"),
            str(dump),
        ],
        check=True,
        capture_output=True,
    )
    # Our types stand on QtQuick's (VideoFrame is a QQuickPaintedItem): qmllint must look there too.
    (module / "qmldir").write_text(f"module {MODULE}\ntypeinfo {MODULE}.qmltypes\ndepends QtQuick\n", "utf-8")
    return folder


def lint(types: Path, json_out: Path | None) -> tuple[int, str]:
    """qmllint over kiosk/qml/Kiosk: (number of warnings, its output)."""
    files = sorted(str(path) for path in (QML / "Kiosk").glob("*.qml"))
    command = [str(BIN / "pyside6-qmllint"), "-I", str(types), "-I", str(QML), *files]
    if json_out is not None:
        command[1:1] = ["--json", str(json_out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    output = done.stdout + done.stderr
    warnings = sum(1 for line in output.splitlines() if line.startswith("Warning:"))
    return warnings, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write qmllint's findings to this file as JSON")
    parser.add_argument("--quiet", action="store_true", help="print only the count")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-qmltypes-") as folder:
        warnings, output = lint(write_qmltypes(Path(folder)), args.json)
    if not args.quiet:
        print(output, end="")
    print(f"qmllint: {warnings} warnings in kiosk/qml/Kiosk")
    return 0 if warnings == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
