"""What the subcommands share at the terminal: a screen size typed as WxH, and a reader that goes away."""

from __future__ import annotations

import argparse
import os
import sys


def screen_size(text: str) -> tuple[int, int]:
    """An argparse type: ``1920x1080`` -> (1920, 1080), within what a kiosk's screen can be."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size; write it as 1920x1080") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text}: a size from 320x240 to 7680x4320, please")
    return width, height


def reader_gone() -> None:
    """The reader of stdout went away (``kiosk validate ... | head``): not worth a traceback. Later
    writes, and the interpreter's flush at exit, go nowhere instead of failing again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
