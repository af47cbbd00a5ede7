"""A visit with keys alone (no touch): every panel and film of the bundled exhibition, in every language."""

from __future__ import annotations

from kiosk.model.exhibition import Exhibition, VideoPanel
from kiosk.navigation.events import AccessUsed, ExcerptStarted, LanguageChanged, PanelShown

from .conftest import KeyKiosk

GAP_MS = 80  # beyond the tap gap: the kiosk drops a second move that comes too soon after one


def test_keys_only_visit_reaches_every_panel_and_film_in_every_language(
    key_kiosk: KeyKiosk, bundled: Exhibition
) -> None:
    kiosk, nav = key_kiosk, key_kiosk.navigator
    assert nav.screen == "attract"
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: nav.screen == "home")
    assert kiosk.access.focusName == "chapter:0"  # the focus ring shows from the first key on
    for language in bundled.languages:
        kiosk.focus_on(f"language:{language}")
        kiosk.key("select", GAP_MS)
        kiosk.qtbot.waitUntil(lambda lang=language: nav.language == lang)  # type: ignore[misc]
        rtl = nav.rtl
        for index, chapter in enumerate(bundled.chapters):
            kiosk.focus_on(f"chapter:{index}")
            kiosk.key("select", GAP_MS)
            kiosk.qtbot.waitUntil(lambda i=index: nav.screen == "chapter" and nav.chapterIndex == i)  # type: ignore[misc]
            assert kiosk.access.focusName == "panel"
            for position, panel in enumerate(chapter.panels):
                kiosk.qtbot.waitUntil(lambda p=position: nav.panelIndex == p)  # type: ignore[misc]
                if isinstance(panel, VideoPanel):
                    started = len(kiosk.events)
                    kiosk.key("select")  # play the film
                    kiosk.qtbot.waitUntil(
                        lambda pid=panel.id, s=started: any(  # type: ignore[misc]
                            isinstance(e, ExcerptStarted) and e.panel_id == pid for e in kiosk.events[s:]
                        ),
                        timeout=10_000,
                    )
                if position < len(chapter.panels) - 1:
                    # The arrow that points along the line of reading: Left in Arabic.
                    kiosk.key("left" if rtl else "right", GAP_MS)
            kiosk.key("back", GAP_MS)
            kiosk.qtbot.waitUntil(lambda: nav.screen == "home")

    shown = {(e.panel_id, lang) for e, lang in _with_language(kiosk.events, bundled) if isinstance(e, PanelShown)}
    films = {(e.panel_id, lang) for e, lang in _with_language(kiosk.events, bundled) if isinstance(e, ExcerptStarted)}
    every_panel = {(p.id, lang) for _, p in bundled.panels() for lang in bundled.languages}
    every_film = {(p.id, lang) for _, p in bundled.panels() if isinstance(p, VideoPanel) for lang in bundled.languages}
    assert every_panel <= shown, sorted(every_panel - shown)
    assert every_film <= films, sorted(every_film - films)
    assert len(every_film) >= 3
    # The keys were counted once for this visit, for the staff's statistics.
    assert [e.feature for e in kiosk.events if isinstance(e, AccessUsed)] == ["keys"]


def _with_language(events: list, exhibition: Exhibition):  # type: ignore[no-untyped-def]
    language = exhibition.default_language
    for event in events:
        if isinstance(event, LanguageChanged):
            language = event.language
        yield event, language
