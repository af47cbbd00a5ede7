"""docs/format.md, the staff guide, stays true: every key documented, every example readable."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from kiosk.loader import load_exhibition
from kiosk.loader.convert import yaml_fields
from kiosk.model.exhibition import (
    Attract,
    Chapter,
    Exhibition,
    ExhibitionInfo,
    ImagePanel,
    QuotePanel,
    TextPanel,
    Theme,
    TimelineEvent,
    TimelinePanel,
    VideoPanel,
)
from kiosk.model.schedule import Schedule, WeeklyHours

ROOT = Path(__file__).resolve().parent.parent.parent
GUIDE = ROOT / "docs" / "format.md"
FIXTURES = Path(__file__).parent / "fixtures" / "media"
TEXT = GUIDE.read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", TEXT, flags=re.DOTALL)


def section(title: str) -> str:
    """The text under the heading ``title``, up to the next heading of the same level or above."""
    headings: list[tuple[int, int, str]] = []  # (line index, level, title), outside code blocks
    in_code = False
    lines = TEXT.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            headings.append((index, level, line[level:].strip()))
    for position, (index, level, name) in enumerate(headings):
        if name == title:
            end = next((i for i, lv, _ in headings[position + 1 :] if lv <= level), len(lines))
            return "\n".join(lines[index + 1 : end])
    raise AssertionError(f"no section '{title}' in docs/format.md")


@pytest.mark.parametrize(
    ("title", "classes"),
    [
        ("The shape of a file", (Exhibition,)),
        ("exhibition", (ExhibitionInfo,)),
        ("theme", (Theme,)),
        ("attract", (Attract,)),
        ("chapters", (Chapter,)),
        ("text panel", (TextPanel,)),
        ("quote panel", (QuotePanel,)),
        ("image panel", (ImagePanel,)),
        ("video panel", (VideoPanel,)),
        ("timeline panel", (TimelinePanel, TimelineEvent)),
        ("schedule", (Schedule, WeeklyHours)),
    ],
)
def test_every_key_is_in_its_section(title: str, classes: tuple[type, ...]) -> None:
    text = section(title)
    for cls in classes:
        for f in yaml_fields(cls):
            assert f"`{f.name}`" in text, f"docs/format.md, section '{title}', does not mention `{f.name}`"


def test_every_example_is_valid_yaml() -> None:
    assert len(YAML_BLOCKS) >= 12
    for block in YAML_BLOCKS:
        yaml.safe_load(textwrap.dedent(block))


def test_the_complete_example_loads_without_a_problem(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    config = config_dir / "exhibition.yaml"
    config.write_text(YAML_BLOCKS[0], encoding="utf-8")
    # Give every file the example names a real file of its kind.
    by_suffix = {".png": "images/photo.png", ".mp4": "video/long.mp4"}
    for name in re.findall(r"(?:images|video|captions)/[\w.-]+", YAML_BLOCKS[0]):
        target = tmp_path / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".srt"):  # a cue inside the example's excerpt (12:30 to 13:45.5 in the film)
            target.write_text("1\n00:12:31,000 --> 00:12:34,500\nWe worked underground.\n", encoding="utf-8")
        else:
            shutil.copyfile(FIXTURES / by_suffix[Path(name).suffix], target)
    result = load_exhibition(config)
    assert result.ok, "\n".join(map(str, result.problems))
    assert result.problems == ()


def test_the_quoted_messages_are_the_loaders() -> None:
    """The table of messages quotes the loader's words; check a few against the invalid cases."""
    invalid = Path(__file__).parent / "invalid"
    expected = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in invalid.glob("*.yaml"))
    for quoted in (
        "unknown key 'subtitel'; did you mean 'subtitle'?",
        "seconds must be 00 to 59",
        "is not an image the kiosk can read",
        "has no video picture (sound only?)",
        "a tab character is not allowed here: YAML indents with spaces only",
        "the quoted text that starts here is never closed",
        "this line is not indented like the lines before it",
    ):
        assert quoted in TEXT and quoted in expected, quoted
