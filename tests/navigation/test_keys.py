"""The keypad's logic: focus order, mirrored arrows in Arabic, what select does."""

from __future__ import annotations

from kiosk.navigation.keys import Command, Key, KeyFocus, focus_order
from kiosk.navigation.visit import Screen, VisitShape, VisitState

SHAPE = VisitShape(("fr", "en", "ar"), (("one", ("a", "b")), ("two", ("c",))))


def _walk(focus: KeyFocus, key: Key, state: VisitState, rtl: bool, times: int) -> list[str]:
    order = focus_order(state, SHAPE)
    seen = []
    for _ in range(times):
        assert focus.press(key, state, order, rtl) is None
        seen.append(focus.focused)
    return seen


def test_home_order_is_tiles_then_bar_then_languages() -> None:
    state = VisitState(Screen.HOME, "fr")
    assert focus_order(state, SHAPE) == (
        "chapter:0",
        "chapter:1",
        "listen",
        "large_text",
        "contrast",
        "reach",
        "language:fr",
        "language:en",
        "language:ar",
    )


def test_arrows_are_mirrored_in_arabic() -> None:
    home_fr, home_ar = VisitState(Screen.HOME, "fr"), VisitState(Screen.HOME, "ar")
    left_to_right = KeyFocus()
    left_to_right.sync(focus_order(home_fr, SHAPE), Screen.HOME)
    right_to_left = KeyFocus()
    right_to_left.sync(focus_order(home_ar, SHAPE), Screen.HOME)
    # The arrow pointing along the line of reading moves forward: Right in French, Left in Arabic.
    assert _walk(left_to_right, Key.RIGHT, home_fr, False, 3) == ["chapter:1", "listen", "large_text"]
    assert _walk(right_to_left, Key.LEFT, home_ar, True, 3) == ["chapter:1", "listen", "large_text"]
    assert _walk(right_to_left, Key.RIGHT, home_ar, True, 1) == ["listen"]
    # Up and Down follow the same order in both directions.
    assert _walk(right_to_left, Key.DOWN, home_ar, True, 1) == ["large_text"]
    assert _walk(left_to_right, Key.UP, home_fr, False, 1) == ["listen"]


def test_sideways_arrows_on_the_panel_turn_the_page_mirrored() -> None:
    chapter = VisitState(Screen.CHAPTER, "fr", chapter=0)
    focus = KeyFocus()
    order = focus_order(chapter, SHAPE)
    focus.sync(order, Screen.CHAPTER)
    assert focus.press(Key.RIGHT, chapter, order, rtl=False) == Command("next")
    assert focus.press(Key.RIGHT, chapter, order, rtl=True) == Command("previous")
    assert focus.press(Key.LEFT, chapter, order, rtl=True) == Command("next")


def test_select_back_help_listen() -> None:
    home = VisitState(Screen.HOME, "en")
    focus = KeyFocus()
    order = focus_order(home, SHAPE)
    focus.sync(order, Screen.HOME)
    focus.press(Key.DOWN, home, order, False)
    assert focus.press(Key.SELECT, home, order, False) == Command("open_chapter", 1)
    focus.focused = "language:ar"
    assert focus.press(Key.SELECT, home, order, False) == Command("language", "ar")
    focus.focused = "contrast"
    assert focus.press(Key.SELECT, home, order, False) == Command("toggle", "contrast")
    assert focus.press(Key.BACK, home, order, False) is None  # home is as far back as a visit goes
    chapter = VisitState(Screen.CHAPTER, "en", chapter=0)
    corder = focus_order(chapter, SHAPE)
    assert focus.press(Key.BACK, chapter, corder, False) == Command("home")
    assert focus.focused == "panel"  # a new screen starts at its first control
    assert focus.press(Key.SELECT, chapter, corder, False) == Command("activate")
    assert focus.press(Key.HELP, chapter, corder, False) == Command("help")
    assert focus.press(Key.LISTEN, chapter, corder, False) == Command("listen")


def test_any_key_wakes_the_attract_loop() -> None:
    attract = VisitState(Screen.ATTRACT, "fr")
    for key in Key:
        assert KeyFocus().press(key, attract, (), False) == Command("wake")
