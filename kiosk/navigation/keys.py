"""The visit by keys alone, as an EZ Access keypad gives them: arrows, select, back, help, listen.

Pure logic, no Qt: which controls can take the focus on each screen and in what order, where
each key moves the focus, and what selecting a control does (a :class:`Command` the view model
carries out on the :class:`~kiosk.navigation.visit.Visit`). Every action a visitor can take by
touch has a key: nothing needs a swipe or a pinch.

Order is the reading order. In a right-to-left language the screen is mirrored, so the arrow
that points *toward the start of the line* is the one that goes back: Left moves forward in
Arabic, Right moves forward in French and English. Up and Down always step backward and
forward through the same order, whatever the direction of the script.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.navigation.visit import Screen, VisitShape, VisitState


class Key(enum.Enum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    SELECT = "select"
    BACK = "back"
    HELP = "help"
    LISTEN = "listen"


@dataclass(frozen=True, slots=True)
class Command:
    """What the view model does: ``action`` with an optional argument."""

    action: str  # wake | open_chapter | next | previous | home | language | toggle | activate | listen | help
    # | viewer (zoom_in, zoom_out, close_viewer: the picture opened full screen)
    argument: str | int | None = None


#: The visitor's own controls at the start of the bottom bar, in the order the bar shows them.
BAR = ("listen", "large_text", "contrast", "reach")


#: The controls of a picture opened full screen: zoom without a pinch, and close.
VIEWER = ("zoom_in", "zoom_out", "close_viewer")


def focus_order(
    state: VisitState, shape: VisitShape, *, sign_language: bool = False, viewer: bool = False
) -> tuple[str, ...]:
    """The names of the controls that take the focus on this screen, in reading order."""
    languages = tuple(f"language:{code}" for code in shape.languages)
    if viewer and state.screen is Screen.CHAPTER:
        return VIEWER
    match state.screen:
        case Screen.ATTRACT:
            return ()
        case Screen.HOME:
            tiles = tuple(f"chapter:{index}" for index in range(len(shape.chapters)))
            return (*tiles, *BAR, *languages)
        case Screen.CHAPTER:
            # The panel first (the sideways arrows turn its pages), then the bar as it reads.
            signs = ("sign_language",) if sign_language else ()
            return ("panel", "home", *BAR, *signs, "previous", "next", *languages)
    return ()


class KeyFocus:
    """Where the focus is, and what each key does there."""

    def __init__(self) -> None:
        self.focused = ""
        self._screen: Screen | None = None

    def sync(self, order: tuple[str, ...], screen: Screen, *, force: bool = False) -> str:
        """Keep the focus on a control still shown; on a new screen (or ``force``), start from its first."""
        if force or screen != self._screen or self.focused not in order:
            self.focused = order[0] if order else ""
        self._screen = screen
        return self.focused

    def press(self, key: Key, state: VisitState, order: tuple[str, ...], rtl: bool) -> Command | None:
        """Handle one key: move the focus (returns None) or return the command to carry out."""
        if state.screen is Screen.ATTRACT:
            return Command("wake")
        self.sync(order, state.screen)
        forward = {Key.DOWN: 1, Key.UP: -1, Key.RIGHT: -1 if rtl else 1, Key.LEFT: 1 if rtl else -1}
        match key:
            case Key.BACK if order == VIEWER:
                return Command("viewer", "close_viewer")
            case Key.BACK:
                return Command("home") if state.screen is Screen.CHAPTER else None
            case Key.HELP:
                return Command("help")
            case Key.LISTEN:
                return Command("listen")
            case Key.SELECT:
                return self._select()
            case _ if key in (Key.LEFT, Key.RIGHT) and self.focused == "panel":
                # On the panel itself, the sideways arrows turn the page, as a swipe would.
                return Command("next" if forward[key] > 0 else "previous")
            case _:
                step = forward[key]
                if order:
                    index = order.index(self.focused) if self.focused in order else 0
                    self.focused = order[(index + step) % len(order)]
                return None

    def _select(self) -> Command | None:
        name = self.focused
        if name.startswith("chapter:"):
            return Command("open_chapter", int(name.split(":", 1)[1]))
        if name.startswith("language:"):
            return Command("language", name.split(":", 1)[1])
        match name:
            case "zoom_in" | "zoom_out" | "close_viewer":
                return Command("viewer", name)
            case "panel":
                return Command("activate")  # play or pause a film, open a picture full screen
            case "previous" | "next" | "home" | "listen":
                return Command(name)
            case "large_text" | "contrast" | "reach" | "sign_language":
                return Command("toggle", name)
        return None
