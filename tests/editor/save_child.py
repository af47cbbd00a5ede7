"""Run inside a private mount namespace by test_saving.py: a save onto a read-only or full file system.

Usage: save_child.py ro|full FOLDER. Prints one JSON line: the message, and whether the file and
the folder's listing are what they were before the save.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.editor.document import Document
from kiosk.editor.edits import SetValue
from kiosk.editor.saving import SaveError, write_atomically


def main() -> int:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    target = folder / "exhibition.yaml"
    before = target.read_bytes()
    listing = sorted(p.name for p in folder.iterdir())
    document = Document(target, before.decode("utf-8"))
    SetValue(("exhibition", "id"), "changed-" + "x" * (200_000 if mode == "full" else 1)).apply(document)
    if mode == "ro":
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    message = ""
    try:
        write_atomically(target, document.text())
    except SaveError as error:
        message = str(error)
    print(
        json.dumps(
            {
                "message": message,
                "unchanged": target.read_bytes() == before,
                "listing_unchanged": sorted(p.name for p in folder.iterdir()) == listing,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
