"""The hostile media corpus, generated once per test session into a temporary folder."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_hostile_media.py"


def hostile_tool() -> ModuleType:
    """tools/ is not a package: load the generator from its file (once)."""
    name = "make_hostile_media"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory):
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is needed to make the corpus's films (apt-get install ffmpeg)")
    return hostile_tool().make_corpus(tmp_path_factory.mktemp("hostile"))
