"""A small exhibition in YAML with every speakable panel kind, for the speech tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

FIXTURE_MEDIA = Path(__file__).parents[1] / "loader" / "fixtures" / "media"

EXHIBITION = textwrap.dedent(
    """\
    exhibition:
      id: speech-test
      title: {fr: Essai, en: Test, ar: تجربة}
      languages: [fr, en, ar]
    attract:
      items: [intro]
      invitation: {fr: Touchez, en: Touch, ar: المس}
    chapters:
      - id: one
        title: {fr: Un, en: One, ar: واحد}
        panels:
          - id: intro
            type: text
            title: {fr: Une médecin dans la guerre, en: A doctor in the war, ar: طبيبة في الحرب}
            body:
              fr: "Elle dirigeait un hôpital souterrain.\\n\\n- **Trois** années sous les bombes."
              en: "She ran an underground hospital.\\n\\n- **Three** years under the bombs."
              ar: "كانت تدير مستشفى تحت الأرض. ثلاث سنوات تحت القصف."
          - id: words
            type: quote
            words: {fr: Nous devions continuer, en: We had to go on, ar: كان علينا أن نستمر}
            who: Amani Ballour
          - id: dates
            type: timeline
            title: {fr: Les dates, en: The dates, ar: التواريخ}
            events:
              - {date: "2012", text: {fr: Elle commence, en: She begins, ar: بدأت}}
              - {date: "2018", text: {fr: Elle part, en: She leaves, ar: غادرت}}
          - id: film
            type: video
            src: video/clip.mp4
            start: 0
            end: 1
            poster: images/poster.png
            title: {fr: Le film, en: The film, ar: الفيلم}
            described:
              - {at: "0.5", text: {fr: Un couloir sombre, en: A dark corridor, ar: ممر مظلم}}
    """
)


@pytest.fixture
def speech_exhibition(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_MEDIA, tmp_path / "media")
    path = tmp_path / "exhibition.yaml"
    path.write_text(EXHIBITION, encoding="utf-8")
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.no_qt_log)
