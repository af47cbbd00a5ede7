"""The loader's problem paths (``chapters[0].panels[2].title.ar``) as key paths into the document."""

from __future__ import annotations

import re

from kiosk.editor.document import KeyPath

_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def parse_path(text: str) -> KeyPath:
    steps: list[str | int] = []
    for index, key in _STEP.findall(text):
        steps.append(int(index) if index else key)
    return tuple(steps)
