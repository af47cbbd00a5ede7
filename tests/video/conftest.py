"""Fixtures for the video tests: real libVLC (dummy audio), real clips made with ffmpeg."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from clips import Clip, make_clip

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("video-media")


@pytest.fixture(scope="session")
def vlc_ready() -> None:
    from kiosk.video import vlc_engine

    vlc_engine.configure(["--aout=adummy"])
    report = vlc_engine.probe()
    if not report.available:
        pytest.fail(f"these tests need libVLC: {report.error}")


@pytest.fixture(scope="session")
def clip(media_dir: Path) -> Clip:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to make the test clips")
    return make_clip(media_dir, seconds=8.0, gop=30)


@pytest.fixture(scope="session")
def long_gop_clip(media_dir: Path) -> Clip:
    return make_clip(media_dir, seconds=8.0, gop=250)
