"""The starter exhibition and ``kiosk new DIR``, which copies it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli import main
from kiosk.loader import LoadResult, load_exhibition
from kiosk.model.exhibition import PANEL_TYPES

from .helpers import ROOT, STARTER, files_under, problems_text


def test_starter_loads_without_errors_or_warnings(starter_result: LoadResult) -> None:
    assert starter_result.ok, problems_text(starter_result)
    assert starter_result.problems == (), problems_text(starter_result)


def test_starter_shows_one_panel_of_every_kind_in_english_and_french(starter_result: LoadResult) -> None:
    exhibition = starter_result.exhibition
    assert exhibition is not None
    assert exhibition.languages == ("en", "fr")
    kinds = sorted(panel.kind for _, panel in exhibition.panels())
    assert kinds == sorted(PANEL_TYPES)


def test_starter_is_tiny_and_commented() -> None:
    media = files_under(STARTER / "media")
    assert {path.suffix for path in media} == {".png", ".mp4", ".srt"}
    assert (STARTER / "media" / "video" / "sample.mp4").stat().st_size < 200_000
    assert sum(path.stat().st_size for path in media) < 400_000
    text = (STARTER / "exhibition.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=exhibition.schema.json"
    assert sum(1 for line in text.splitlines() if line.lstrip().startswith("#")) >= 10


def test_new_creates_a_valid_exhibition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "booth"
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"kiosk validate {target / 'exhibition.yaml'}" in out
    copied = {path.relative_to(target).as_posix() for path in files_under(target)}
    expected = {path.relative_to(STARTER).as_posix() for path in files_under(STARTER)}
    expected = {name for name in expected if not name.endswith((".pyc", "__init__.py"))}
    assert expected <= copied
    assert not any("__pycache__" in name for name in copied)
    if paths.schema_file().is_file():
        assert (target / "exhibition.schema.json").read_bytes() == paths.schema_file().read_bytes()
    result = load_exhibition(target / "exhibition.yaml")
    assert result.ok and result.problems == (), problems_text(result)
    assert main(["validate", str(target / "exhibition.yaml")]) == 0


def test_new_accepts_an_existing_empty_folder(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path)]) == 0
    assert (tmp_path / "exhibition.yaml").is_file()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("staff notes", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not empty" in err and str(tmp_path) in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
    assert keep.read_text(encoding="utf-8") == "staff notes"


def test_new_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "exhibition"
    target.write_text("", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert "is a file" in capsys.readouterr().err


def test_new_from_the_command_line_exits_1_on_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "something").mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "new", str(tmp_path)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 1
    assert done.stderr.startswith("kiosk new: ")
    assert done.stdout == ""
