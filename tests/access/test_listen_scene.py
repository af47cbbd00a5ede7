"""The listen control in the real window: the current panel in the current language, heard through
libVLC, stopped when the visitor moves on; and speech that names what has the keypad's focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.model.exhibition import Exhibition
from kiosk.navigation.events import AccessUsed
from kiosk.speech.audio import measure_wav

from .conftest import KeyKiosk

TIMEOUT_MS = 5000


def _open_first_chapter(kiosk: KeyKiosk) -> None:
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.qtbot.wait(80)  # beyond the tap gap: a second move too soon after waking is dropped
    kiosk.key("select", 80)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")


def test_listen_reads_the_current_panel_in_the_current_language_and_stops_on_moving_on(
    key_kiosk: KeyKiosk, bundled: Exhibition
) -> None:
    kiosk, access = key_kiosk, key_kiosk.access
    _open_first_chapter(kiosk)
    assert not access.listening and not kiosk.ear.any.is_set()  # silent until asked
    for language in ("en", "ar"):
        kiosk.navigator.setLanguage(language)
        kiosk.qtbot.waitUntil(lambda lang=language: kiosk.navigator.language == lang)  # type: ignore[misc]
        kiosk.qtbot.wait(80)
        kiosk.ear.reset()
        kiosk.key("listen")
        assert access.listening
        panel = access.current_panel()
        assert panel is not None
        expected = access.session.library.for_panel(panel, language)
        assert expected is not None and access.session.playing_path == expected
        assert measure_wav(expected).duration_s > 2
        assert kiosk.ear.loud.wait(TIMEOUT_MS / 1000), "no sound came out"
        # The visitor moves on: the reading stops, nothing more reaches the loudspeaker.
        kiosk.key("left" if kiosk.navigator.rtl else "right", 80)
        kiosk.qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 1)
        kiosk.qtbot.waitUntil(lambda: not access.listening)
        access.session.player.wait_stopped()
        kiosk.ear.reset()
        assert not kiosk.ear.any.wait(0.5), "sound went on after the visitor moved on"
        kiosk.key("left" if not kiosk.navigator.rtl else "right", 80)
        kiosk.qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 0)
    listens = [e for e in kiosk.events if isinstance(e, AccessUsed) and e.feature == "listen"]
    assert len(listens) == 2


def test_the_listen_button_is_always_there_and_works_by_touch_or_click(key_kiosk: KeyKiosk) -> None:
    kiosk = key_kiosk
    kiosk.app.visit.wake()
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.qtbot.wait(80)  # beyond the tap gap
    kiosk.app.visit.open_chapter(0)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
    from ui.driver import items, shown

    kiosk.qtbot.wait(400)  # the chapter screen has faded in over the home screen

    buttons = [i for i in items(kiosk.window.contentItem()) if i.objectName() == "listenButton" and shown(i)]
    assert len(buttons) == 1 and buttons[0].isEnabled()
    centre = buttons[0].mapToScene(buttons[0].boundingRect().center()).toPoint()
    _click(kiosk, centre)
    kiosk.qtbot.waitUntil(lambda: kiosk.access.listening)
    assert kiosk.ear.loud.wait(TIMEOUT_MS / 1000)
    kiosk.qtbot.wait(300)
    _click(kiosk, centre)  # again: stop
    kiosk.qtbot.waitUntil(lambda: not kiosk.access.listening)


def _click(kiosk: KeyKiosk, point) -> None:  # type: ignore[no-untyped-def]
    # A real click lasts: the touch guard takes an instant press and release for a phantom.
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, pos=point)
    kiosk.qtbot.wait(90)
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, pos=point)


def test_focus_speech_names_what_has_the_focus(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    kiosk, access = key_kiosk, key_kiosk.access
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.ear.reset()
    kiosk.key("down")
    assert access.focusName == "chapter:1"
    expected = access.session.library.for_label(bundled.chapters[1].title.resolve("fr").text, "fr")
    assert expected is not None and access.session.playing_path == expected
    assert kiosk.ear.loud.wait(TIMEOUT_MS / 1000)


def test_a_visitor_who_chose_audio_hears_the_films_description(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    from kiosk.model.exhibition import VideoPanel

    kiosk, access = key_kiosk, key_kiosk.access
    place = next(
        (ci, pi, p)
        for ci, c in enumerate(bundled.chapters)
        for pi, p in enumerate(c.panels)
        if isinstance(p, VideoPanel) and p.described
    )
    chapter, index, film = place
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.navigator.setLanguage("en")
    kiosk.qtbot.wait(80)
    kiosk.app.visit.open_chapter(chapter, index)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter" and kiosk.navigator.panelIndex == index)
    kiosk.qtbot.wait(300)
    cue = access.session.library.described(film, "en")
    assert cue and cue[0][0] == film.described[0].at.ms
    kiosk.key("listen")  # the visitor chooses audio
    assert access.listening
    kiosk.key("select")  # and plays the film
    kiosk.qtbot.waitUntil(lambda: access.session.playing_path == cue[0][1], timeout=10_000)
    kiosk.ear.reset()
    assert kiosk.ear.loud.wait(TIMEOUT_MS / 1000), "the description was not heard"
    assert any(isinstance(e, AccessUsed) and e.feature == "audio_description" for e in kiosk.events)


def test_a_visitor_who_did_not_ask_hears_no_description(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    from kiosk.model.exhibition import VideoPanel
    from kiosk.navigation.events import ExcerptStarted

    kiosk, access = key_kiosk, key_kiosk.access
    chapter, index = next(
        (ci, pi)
        for ci, c in enumerate(bundled.chapters)
        for pi, p in enumerate(c.panels)
        if isinstance(p, VideoPanel) and p.described
    )
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "home")
    kiosk.qtbot.wait(80)
    kiosk.app.visit.open_chapter(chapter, index)
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "chapter")
    kiosk.qtbot.wait(300)
    kiosk.key("select")
    kiosk.qtbot.waitUntil(lambda: any(isinstance(e, ExcerptStarted) for e in kiosk.events), timeout=10_000)
    assert not access.describing and not access.listening
    assert not kiosk.ear.any.wait(0.5)


def test_the_listen_volume_stays_within_the_exhibitions_limit(key_kiosk: KeyKiosk, bundled: Exhibition) -> None:
    import dataclasses

    kiosk, access = key_kiosk, key_kiosk.access
    quiet = dataclasses.replace(bundled, exhibition=dataclasses.replace(bundled.exhibition, listen_volume=40))
    kiosk.app.apply_exhibition(quiet)
    _open_first_chapter(kiosk)
    kiosk.key("listen")
    assert access.listening and access.volume == 40
    access.setVolume(100)
    assert access.volume == 40
    access.setVolume(25)
    assert access.volume == 25


def test_a_visitor_listening_is_not_sent_back_to_the_loop(key_kiosk: KeyKiosk) -> None:
    from kiosk.navigation import Timeouts

    kiosk, access = key_kiosk, key_kiosk.access
    _open_first_chapter(kiosk)
    kiosk.app.set_timeouts(Timeouts(idle=0.6, countdown=0.3, tap_gap=0.05))
    kiosk.key("listen")
    assert access.listening
    kiosk.qtbot.wait(1500)  # more than the idle timeout and the countdown together, while it reads
    assert kiosk.navigator.screen == "chapter" and not kiosk.navigator.countingDown
    kiosk.key("listen")  # stop: now nobody is there
    kiosk.qtbot.waitUntil(lambda: kiosk.navigator.screen == "attract", timeout=5000)
