"""Shared paths and the loaded default exhibition for the content tests."""

from __future__ import annotations

import pytest

from kiosk.loader import LoadResult, load_exhibition

from .helpers import DEFAULT_CONFIG, STARTER


@pytest.fixture(scope="session")
def default_result() -> LoadResult:
    return load_exhibition(DEFAULT_CONFIG)


@pytest.fixture(scope="session")
def starter_result() -> LoadResult:
    return load_exhibition(STARTER / "exhibition.yaml")
