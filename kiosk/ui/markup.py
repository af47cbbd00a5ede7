"""The light markup of text panels, turned into Qt's StyledText.

Staff write blank lines between paragraphs, ``*emphasis*``, ``**strong**`` and ``- `` lists.
Everything else is escaped: a stray ``<`` in a quote must print, not vanish as a tag.
"""

from __future__ import annotations

import html
import re

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


def _inline(line: str) -> str:
    line = html.escape(line, quote=False)
    line = _STRONG.sub(r"<b>\1</b>", line)
    return _EMPHASIS.sub(r"<i>\1</i>", line)


def to_styled_text(source: str) -> str:
    """Paragraphs become ``<p>``, list lines ``<ul><li>``, single newlines ``<br>``."""
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", source.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(("- ", "• ")) for line in lines):
            items = "".join(f"<li>{_inline(line.lstrip()[2:].strip())}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "".join(blocks)
