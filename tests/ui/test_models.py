"""The view models on their own: list models pass qtmodeltester, text follows the language."""

from __future__ import annotations

from typing import Any

from kiosk.model import Exhibition
from kiosk.ui.viewmodels.attract import AttractModel, InvitationModel, attract_panels
from kiosk.ui.viewmodels.chapters import ChapterModel
from kiosk.ui.viewmodels.languages import LanguageModel
from kiosk.ui.viewmodels.panels import PanelModel
from kiosk.ui.viewmodels.store import ExhibitionStore
from kiosk.ui.viewmodels.timeline import TimelineModel


def _role(model: Any, row: int, name: str) -> Any:
    roles = {bytes(v).decode(): k for k, v in model.roleNames().items()}
    return model.data(model.index(row), roles[name])


def test_list_models_pass_the_model_tester(qtmodeltester: Any, ui_exhibition: Exhibition) -> None:
    languages = ui_exhibition.languages
    chapters = ChapterModel()
    chapters.set_rows(ui_exhibition.chapters, "fr", languages)
    panels = PanelModel()
    panels.set_rows(ui_exhibition.chapters[0].panels, "fr", languages)
    langs = LanguageModel()
    langs.set_rows(languages, "fr", languages)
    attract = AttractModel()
    attract.set_rows(attract_panels(ui_exhibition), "fr", languages)
    invitations = InvitationModel()
    invitations.invitation = ui_exhibition.attract.invitation
    invitations.set_rows(languages, "fr", languages)
    for model in (chapters, panels, langs, attract, invitations):
        qtmodeltester.check(model, force_py=True)


def test_language_change_refreshes_every_row(qtbot: Any, ui_exhibition: Exhibition) -> None:
    panels = PanelModel()
    panels.set_rows(ui_exhibition.chapters[0].panels, "fr", ui_exhibition.languages)
    assert _role(panels, 0, "title")["text"] == "Une médecin"
    with qtbot.waitSignal(panels.dataChanged):
        panels.set_language("ar")
    title = _role(panels, 0, "title")
    assert title == {"text": "طبيبة", "lang": "ar", "fallback": False, "rtl": True}


def test_a_missing_translation_falls_back_visibly(ui_exhibition: Exhibition) -> None:
    panels = PanelModel()
    panels.set_rows(ui_exhibition.chapters[0].panels, "ar", ui_exhibition.languages)
    caption = _role(panels, 1, "caption")  # the portrait's caption has no Arabic
    assert caption["fallback"] is True
    assert caption["lang"] == "fr" and caption["rtl"] is False
    credit = _role(panels, 1, "credit")  # written once for every language: not a fallback
    assert credit["fallback"] is False


def test_panel_roles_by_kind(ui_exhibition: Exhibition) -> None:
    panels = PanelModel()
    panels.set_rows(ui_exhibition.chapters[0].panels, "en", ui_exhibition.languages)
    assert [_role(panels, r, "kind") for r in range(panels.rowCount())] == [
        "text",
        "image",
        "quote",
        "timeline",
        "video",
    ]
    assert "<b>courage</b>" in _role(panels, 0, "body")["text"]
    assert _role(panels, 1, "imageUrl").startswith("file://")
    assert (_role(panels, 1, "focusX"), _role(panels, 1, "focusY")) == (0.62, 0.35)
    assert _role(panels, 4, "durationMs") == 5000
    broken = PanelModel()
    broken.set_rows(ui_exhibition.chapters[1].panels, "en", ui_exhibition.languages)
    assert _role(broken, 0, "imageUrl") == "" and _role(broken, 0, "imageProblem") == "file not found"
    assert "exhibition.yaml:40:9" in _role(broken, 1, "problems")


def test_attract_items_take_turns_in_each_language(ui_exhibition: Exhibition) -> None:
    attract = AttractModel()
    attract.set_rows(attract_panels(ui_exhibition), "fr", ui_exhibition.languages)
    assert [_role(attract, r, "language") for r in range(4)] == ["fr", "en", "ar", "fr"]
    assert _role(attract, 1, "words")["text"] == "We had to stay."
    assert _role(attract, 2, "rtl") is True


def test_timeline_model_follows_store_panel_and_language(qtmodeltester: Any, ui_exhibition: Exhibition) -> None:
    store = ExhibitionStore()
    store.set_exhibition(ui_exhibition, [])
    timeline = TimelineModel()
    timeline.setProperty("store", store)
    timeline.setProperty("panelId", "years")
    timeline.setProperty("language", "en")
    qtmodeltester.check(timeline, force_py=True)
    assert timeline.rowCount() == 4
    assert _role(timeline, 3, "text")["text"] == "Leaving"
    timeline.setProperty("language", "ar")
    assert _role(timeline, 3, "text")["text"] == "الرحيل"
    store.set_exhibition(None, ["boom"])
    assert timeline.rowCount() == 0


def test_languages_are_named_in_their_own_script(ui_exhibition: Exhibition) -> None:
    langs = LanguageModel()
    langs.set_rows(ui_exhibition.languages, "en", ui_exhibition.languages)
    assert [_role(langs, r, "name") for r in range(3)] == ["Français", "English", "العربية"]
    assert [_role(langs, r, "current") for r in range(3)] == [False, True, False]
