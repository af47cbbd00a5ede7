"""Saving: atomic, with a backup, and a failed save (read-only folder, full disk) loses nothing.

Tests run as root, and root writes through any file mode: a read-only folder is made for real, as a
tmpfs remounted read-only inside a private mount namespace (``unshare``); a full disk is a tmpfs too small
for the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.editor.saving import SaveError, backup_path, write_atomically

from .conftest import BUNDLED

CHILD = Path(__file__).with_name("save_child.py")


def test_a_save_replaces_the_file_and_keeps_the_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "exhibition.yaml"
    target.write_text("old: 1\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new: 2\n")
    assert target.read_text(encoding="utf-8") == "new: 2\n"
    assert backup_path(target).read_text(encoding="utf-8") == "old: 1\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exhibition.yaml", "exhibition.yaml.bak"]


def test_a_save_into_a_folder_that_is_gone_says_so(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no longer exists"):
        write_atomically(tmp_path / "gone" / "exhibition.yaml", "x: 1\n")


def _in_namespace(tmp_path: Path, mode: str, size: str) -> dict[str, object]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is needed to make a real read-only or full file system")
    folder = tmp_path / "mount"
    folder.mkdir()
    script = (
        f"mount -t tmpfs -o size={size} tmpfs {folder} && cp {BUNDLED} {folder}/exhibition.yaml && "
        f"exec {sys.executable} {CHILD} {mode} {folder}"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    if done.returncode != 0 and "Operation not permitted" in done.stderr:
        pytest.skip(f"this machine does not allow private mounts: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_save_to_a_read_only_folder_loses_nothing(tmp_path: Path) -> None:
    result = _in_namespace(tmp_path, "ro", "1m")
    assert "is read-only" in str(result["message"])
    assert "unchanged" in str(result["message"])
    assert result["unchanged"] and result["listing_unchanged"]


def test_a_save_to_a_full_disk_loses_nothing(tmp_path: Path) -> None:
    result = _in_namespace(tmp_path, "full", "100k")
    assert "is full" in str(result["message"])
    assert result["unchanged"] and result["listing_unchanged"]
