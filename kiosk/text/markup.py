"""The light markup of text panels, turned into Qt's StyledText.

Staff write blank lines between paragraphs, ``*emphasis*``, ``**strong**`` and ``- `` lists.
Everything else is escaped: a stray ``<`` in a quote must print, not vanish as a tag.
"""

from __future__ import annotations

import html
import re

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


#: StyledText folds every space-like character into an ordinary, breakable space: the no-break
#: spaces of French typography ("«\u00a0mot\u00a0»", "mot\u202f?") must reach it as entities.
_NO_BREAK = {"\u00a0": "&nbsp;", "\u202f": "&#8239;"}


def _inline(line: str) -> str:
    line = html.escape(line, quote=False)
    for char, entity in _NO_BREAK.items():
        line = line.replace(char, entity)
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


def to_blocks(source: str) -> list[dict[str, str]]:
    """The body as blocks QML lays out one by one: ``{"kind", "text", "gap"}``.

    ``kind`` is "paragraph" or "item" (a list line); ``text`` is StyledText for that block
    alone; ``gap`` is the space above it: "none" (first block), "item" (between two lines of
    one list) or "paragraph" (anywhere else). Qt's StyledText puts no space between ``<p>``s
    and wraps a list line back under its bullet; laid out as blocks, paragraphs get a clear
    gap and a wrapped list line stays indented under its item (a hanging indent), in either
    direction.
    """
    blocks: list[dict[str, str]] = []
    for block in re.split(r"\n\s*\n", source.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(("- ", "• ")) for line in lines):
            for n, line in enumerate(lines):
                gap = "item" if n > 0 else "paragraph"
                blocks.append({"kind": "item", "text": _inline(line.lstrip()[2:].strip()), "gap": gap})
        else:
            text = "<br>".join(_inline(line) for line in lines)
            blocks.append({"kind": "paragraph", "text": text, "gap": "paragraph"})
    if blocks:
        blocks[0]["gap"] = "none"
    return blocks
