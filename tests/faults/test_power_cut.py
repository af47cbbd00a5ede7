"""A power cut in the middle of a save: the writer killed at each step of the write sequence, and
saves cut short at many points; the kiosk starts on a whole exhibition, the new or the last good."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.last_good import STEPS, last_good_path, remember, start_on, write_atomically
from kiosk.loader import load_exhibition

ROOT = Path(__file__).resolve().parents[2]


def _show(tmp_path: Path) -> Path:
    """The bundled exhibition in a folder of its own, its media where ../media says."""
    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "exhibition.yaml"
    shutil.copy(ROOT / "config" / "exhibition.yaml", config)
    (tmp_path / "media").symlink_to(ROOT / "media", target_is_directory=True)
    return config


def _title(result) -> str:  # type: ignore[no-untyped-def]
    return result.exhibition.info.title.resolve("en").text


def _new_version(config: Path) -> tuple[str, str, bytes]:
    """The bundled file's English title, a new one, and the file with the new title: a staff edit."""
    old_title = _title(load_exhibition(config))
    new_title = old_title + " (new)"
    data = config.read_bytes()
    assert old_title.encode() in data
    return old_title, new_title, data.replace(old_title.encode(), new_title.encode(), 1)


_KILLED_AT = """
import os, signal, sys
from pathlib import Path
from kiosk.last_good import write_atomically
def step(name):
    if name == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)
write_atomically(Path(sys.argv[1]), Path(sys.argv[3]).read_bytes(), step=step)
"""


@pytest.mark.parametrize("step", STEPS)
def test_a_write_killed_at_each_step_leaves_the_old_file_or_the_new_whole(tmp_path: Path, step: str) -> None:
    config = _show(tmp_path)
    old = config.read_bytes()
    new_file = tmp_path / "new.yaml"
    new_file.write_bytes(_new_version(config)[2])
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_AT, str(config), step, str(new_file)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    now = config.read_bytes()
    assert now in (old, new_file.read_bytes())
    assert (now == old) == (STEPS.index(step) < STEPS.index("renamed")), step
    assert load_exhibition(config).ok
    # A temporary file a killed writer left is not the exhibition, and the next write goes through.
    write_atomically(config, old)
    assert config.read_bytes() == old


def test_saves_cut_short_start_on_the_last_good_exhibition(tmp_path: Path) -> None:
    config = _show(tmp_path)
    old_title, new_title, new = _new_version(config)
    first = load_exhibition(config)
    assert first.ok and remember(config, first)
    assert last_good_path(config).read_bytes() == config.read_bytes()
    shown: dict[str, int] = {}
    cuts = sorted(
        {
            0,
            1,
            len(new) // 7,
            len(new) // 3,
            len(new) // 2,
            len(new) - 200,
            len(new) - 1,
            *range(0, len(new), len(new) // 9),
        }
    )
    for cut in cuts:
        config.write_bytes(new[:cut])  # a save in place, cut short by the power
        result = start_on(config, load_exhibition(config))
        assert result.exhibition is not None, cut
        title = _title(result)
        assert title in (old_title, new_title), (cut, title)
        if title == new_title:  # the cut file itself: only whole, or cut right after a line break
            assert result.ok and new[:cut].endswith(b"\n"), cut
        else:
            assert result.source == config and (cut == 0 or result.errors), cut
        shown[title] = shown.get(title, 0) + 1
    config.write_bytes(new)
    whole = start_on(config, load_exhibition(config))
    assert whole.ok and _title(whole) == new_title
    assert remember(config, whole) and last_good_path(config).read_bytes() == new
    line_ends = sum(1 for cut in cuts if new[:cut].endswith(b"\n"))
    assert shown.get(old_title, 0) >= len(cuts) - line_ends, shown
    # Saved on purpose without a final line break, then shown by the kiosk: not suspect any more.
    config.write_bytes(new.rstrip(b"\n"))
    assert start_on(config, load_exhibition(config)).errors  # changed since shown: suspect
    remember(config, load_exhibition(config))
    assert start_on(config, load_exhibition(config)).ok


@pytest.mark.slow
@pytest.mark.vlc
def test_the_kiosk_starts_on_the_last_good_exhibition_after_a_save_cut_short(tmp_path: Path) -> None:
    from tests.recovery.measure import PROBE, environment

    from .kiosk_process import launch

    show = tmp_path / "show"
    show.mkdir()
    config = _show(show)
    env = environment(tmp_path)
    first = launch(env, "--size", "1280x720", str(config))
    try:
        first.next_frame(timeout=90)
    finally:
        assert first.stop() == 0
    assert last_good_path(config).is_file()
    data = config.read_bytes()
    config.write_bytes(data[: len(data) // 2])  # the power went during a save
    second = launch(env, "--size", "1280x720", str(config))
    try:
        second.next_frame(timeout=90)  # the attract loop, not the load-failed screen
    finally:
        assert second.stop() == 0
    log = "\n".join(second.log)
    assert "showing the last good exhibition instead" in log, log[-3000:]
    assert os.path.exists(PROBE)
