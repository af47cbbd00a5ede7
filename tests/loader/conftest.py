"""Shared paths and helpers for the loader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE_MEDIA = Path(__file__).parent / "fixtures" / "media"


@pytest.fixture
def media_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture media folder, for tests that add files to it."""
    import shutil

    target = tmp_path / "media"
    shutil.copytree(FIXTURE_MEDIA, target)
    return target


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every start that went through the parser and the checks (kiosk/loader/remembered.py)."""
    from kiosk.loader import remembered

    loads: list[Path] = []
    real = remembered._load

    def counting(source: Path) -> object:
        loads.append(source)
        return real(source)

    monkeypatch.setattr(remembered, "_load", counting)
    return loads


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The loader tests use no Qt: Qt messages another test's engine emits late are not theirs."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.no_qt_log)
