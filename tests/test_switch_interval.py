"""The interpreter's switch interval: lowered for good by a film's player, for a while by the
editor's checks, and a check never raises it back above what the player keeps."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from kiosk import switch_interval


@pytest.fixture(autouse=True)
def interval_as_python_sets_it(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    previous = sys.getswitchinterval()
    monkeypatch.setattr(switch_interval, "_kept_at_most", float("inf"))
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(previous)


def test_a_block_lowers_it_and_gives_it_back() -> None:
    with switch_interval.at_most_while(0.001):
        assert sys.getswitchinterval() == pytest.approx(0.001)
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_a_block_never_raises_it() -> None:
    sys.setswitchinterval(0.0005)
    with switch_interval.at_most_while(0.001):
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    assert sys.getswitchinterval() == pytest.approx(0.0005)


def test_what_is_kept_for_good_outlives_a_block_that_began_before_it() -> None:
    # The editor checks its document while staff open a film in the excerpt picker.
    with switch_interval.at_most_while(0.002):
        switch_interval.keep_at_most(0.001)
    assert sys.getswitchinterval() == pytest.approx(0.001)
    switch_interval.keep_at_most(0.004)  # a longer wish changes nothing
    assert sys.getswitchinterval() == pytest.approx(0.001)
