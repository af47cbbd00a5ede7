"""Small exhibitions written into a temporary folder, for the staff-tools tests."""

from __future__ import annotations

from pathlib import Path

MINIMAL = """\
exhibition:
  id: test
  title: {en: "First title", fr: "Premier titre"}
  languages: [en, fr]
attract:
  items: [intro]
  invitation: {en: Touch, fr: Touchez}
  idle_timeout: 90s
chapters:
  - id: one
    title: {en: One, fr: Un}
    panels:
      - {id: intro, type: text, title: {en: Hello, fr: Bonjour}, body: {en: World, fr: Monde}}
      - {id: second, type: text, title: {en: Second, fr: Deuxième}, body: {en: More, fr: Plus}}
"""


def write_exhibition(folder: Path, text: str = MINIMAL) -> Path:
    (folder / "media").mkdir(exist_ok=True)
    config = folder / "exhibition.yaml"
    config.write_text(text, encoding="utf-8")
    return config
