"""YAML -> exhibition model, with every problem reported as FILE:LINE:COLUMN: key.path: message.

Free of Qt and vlc (a test enforces it), so ``kiosk validate`` is fast and runs anywhere.
"""

from kiosk.loader.load import LoadResult, load_exhibition
from kiosk.loader.problems import Problem

__all__ = ["LoadResult", "Problem", "load_exhibition"]
