"""How long a thread waiting for the interpreter waits while another Python thread runs (Python's
switch interval, 5 ms by default): process-wide, so the parts that lower it agree here. No Qt."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_kept_at_most = math.inf  # the shortest interval a part asked to keep for the process's life


def keep_at_most(seconds: float) -> None:
    """From now on, a waiting thread waits at most ``seconds`` (never raised back)."""
    global _kept_at_most
    _kept_at_most = min(_kept_at_most, seconds)
    if sys.getswitchinterval() > seconds:
        sys.setswitchinterval(seconds)


@contextmanager
def at_most_while(seconds: float) -> Iterator[None]:
    """At most ``seconds`` inside the block; afterwards what it was, or what a part keeps."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(min(previous, _kept_at_most))
