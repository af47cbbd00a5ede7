"""Fixtures for the video tests: real libVLC (dummy audio), real clips made with ffmpeg."""

from __future__ import annotations

import gc
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


@pytest.fixture(autouse=True)
def _garbage_freed_on_the_qt_thread() -> None:
    """Free what earlier tests left in reference cycles (a closed kiosk's QObjects, with their
    timers) here, on the Qt thread. Otherwise a collection that Python starts on one of libVLC's
    threads, in the middle of a test, may free them there: Qt then warns that timers cannot be
    stopped from another thread (seen once in CI, in test_playback_vlc.py after the kiosk test)."""
    gc.collect()
