"""Debian's machine-readable copyright format (DEP-5): read one, match paths against it, write one.

https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Used to read Debian's own copyright records (which licence a VLC plugin's source has) and to write
and check the kiosk's (every file of the bundle must be matched by a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

FORMAT = "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"


@dataclass
class Paragraph:
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        return self.fields.get("Files", "").split()

    @property
    def licence(self) -> str:
        """The licence's short name or expression: the first line of the License field."""
        return self.fields.get("License", "").split("\n", 1)[0].strip()


def parse(text: str) -> list[Paragraph]:
    """Paragraphs of a DEP-5 file (or of any deb822 text), fields unfolded but kept multi-line."""
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    key = ""
    for line in text.splitlines():
        if not line.strip():
            current = None
            continue
        if line.startswith("#"):
            continue
        if line[0] in " \t" and current is not None and key:
            current.fields[key] += "\n" + line.strip()
            continue
        if ":" not in line:
            continue
        if current is None:
            current = Paragraph()
            paragraphs.append(current)
        key, value = line.split(":", 1)
        key = key.strip()
        current.fields[key] = value.strip()
    return paragraphs


def is_machine_readable(text: str) -> bool:
    return text.lstrip().startswith("Format:") and "copyright-format" in text.split("\n", 1)[0]


def _pattern(glob: str) -> re.Pattern[str]:
    # DEP-5: "*" matches any characters including "/", "?" one character; "\\" escapes them.
    out = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if char == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 2
            continue
        out.append(".*" if char == "*" else "." if char == "?" else re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def matching_paragraph(paragraphs: list[Paragraph], path: str, *, ignore_catch_all: bool = False) -> Paragraph | None:
    """The paragraph that governs ``path``: the last Files paragraph matching it, as the format says."""
    found = None
    for paragraph in paragraphs:
        for glob in paragraph.files:
            if ignore_catch_all and glob == "*":
                continue
            if _pattern(glob).match(path):
                found = paragraph
                break
    return found


def compact_globs(files: Iterable[str], owner_of: dict[str, str], owner: str) -> list[str]:
    """Globs covering exactly ``files`` (all of ``owner``): a folder all of whose files belong to
    ``owner`` becomes ``folder/*``, so no glob ever reaches another owner's file."""
    mixed: set[str] = set()
    for path, who in owner_of.items():
        if who != owner:
            mixed.update(str(parent) for parent in PurePosixPath(path).parents)
    globs = set()
    for path in files:
        chosen = path
        for parent in PurePosixPath(path).parents:
            if str(parent) == "." or str(parent) in mixed:
                break
            chosen = f"{parent}/*"
        globs.add(chosen)
    return sorted(globs)


def field_lines(key: str, value: str) -> list[str]:
    """A field with continuation lines indented by one space; empty lines become " ."."""
    first, *rest = value.split("\n")
    lines = [f"{key}: {first}".rstrip()]
    lines += [" " + (line if line.strip() else ".") for line in rest]
    return lines


def write(header: dict[str, str], paragraphs: list[dict[str, str]]) -> str:
    blocks = []
    for fields in [{"Format": FORMAT, **header}, *paragraphs]:
        lines: list[str] = []
        for key, value in fields.items():
            lines += field_lines(key, value)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def rebase(text: str, prefix: str) -> str:
    """The bundle's copyright as a package installs it: its files under ``prefix`` (opt/kiosk), the
    package's own files (wrapper, unit, manual pages, this file) added as the kiosk's."""
    prefix = prefix.strip("/")
    header, *paragraphs = parse(text)
    out = []
    for paragraph in paragraphs:
        fields = dict(paragraph.fields)
        if "Files" in fields:
            fields["Files"] = "\n".join(f"{prefix}/{glob}" for glob in paragraph.files)
        for key in ("Copyright", "License", "Comment"):
            if key in fields:
                fields[key] = re.sub(r"(?<![\w/])licenses/", f"/{prefix}/licenses/", fields[key])
        out.append(fields)
    kiosk = next((p for p in out if p.get("License", "").startswith("MIT\nkiosk ")), None)
    own = {
        "Files": "usr/*\netc/*",
        "Copyright": "the kiosk authors",
        "License": "MIT\nThe package's own files: the kiosk command, its user unit and autostart entry, its manual "
        f"pages and documentation. Full terms: /{prefix}/licenses/LICENSE.",
    }
    if kiosk is not None:
        own["Copyright"] = kiosk["Copyright"]
    head = {k: v for k, v in header.fields.items() if k != "Format"}
    head["Comment"] = (
        head.get("Comment", "")
        + f"\nIn this package the bundle is installed in /{prefix}, its licence texts in /{prefix}/licenses."
        + "\nOn Debian systems, the complete texts of the GNU General Public License and the GNU Lesser "
        "General Public License are in /usr/share/common-licenses/GPL-2, /usr/share/common-licenses/GPL-3, "
        "/usr/share/common-licenses/LGPL-2.1 and /usr/share/common-licenses/LGPL-3; the Apache License's "
        "in /usr/share/common-licenses/Apache-2.0."
    )
    return write(head, [own, *out])


def main(argv: list[str]) -> int:
    import sys

    if len(argv) != 4 or argv[1] != "rebase":
        print("usage: dep5.py rebase BUNDLE_COPYRIGHT PREFIX", file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as handle:
        sys.stdout.write(rebase(handle.read(), argv[3]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
