"""The loader's problem paths (``chapters[0].panels[2].title.ar``) as key paths into the document."""

from __future__ import annotations

import re

from kiosk.editor.document import Document, KeyPath

_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def parse_path(text: str) -> KeyPath:
    steps: list[str | int] = []
    for index, key in _STEP.findall(text):
        steps.append(int(index) if index else key)
    return tuple(steps)


def place_in_words(document: Document, path: str) -> str:
    """Where a problem is, as staff find it in the editor: "Chapter 2 ▸ panel 4 (student) ▸ Text ▸ ar"
    rather than ``chapters[1].panels[3].body.ar`` (counted from 0)."""
    from kiosk.editor.field_labels import field_label
    from kiosk.editor.i18n import tr

    steps = list(parse_path(path))
    parts: list[str] = []
    if len(steps) >= 2 and steps[0] == "chapters" and isinstance(steps[1], int):
        parts.append(tr("Chapter {0}").format(steps[1] + 1))
        if len(steps) >= 4 and steps[2] == "panels" and isinstance(steps[3], int):
            node = document.get(tuple(steps[:4]))
            panel_id = node.get("id") if isinstance(node, dict) else None
            parts.append(tr("panel {0}").format(steps[3] + 1) + (f" ({panel_id})" if panel_id else ""))
            steps = steps[4:]
        else:
            steps = steps[2:]
    elif steps and steps[0] in ("exhibition", "attract", "schedule"):
        parts.append(tr("Exhibition settings"))
        steps = steps[1:]
    for step in steps:
        parts.append(str(step + 1) if isinstance(step, int) else field_label(step))
    return " ▸ ".join(parts)
