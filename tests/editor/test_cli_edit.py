"""``kiosk edit`` on the command line: in the help, and a clear refusal where Qt Widgets is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import build_parser, main


def test_edit_is_a_subcommand() -> None:
    assert "edit" in build_parser().format_help()


def test_without_qt_widgets_it_says_where_to_run_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # As in the booth's bundle. (Hiding the module itself from this process crashes shiboken, which has
    # it loaded already: the check is replaced, the message and the exit code are what is tested.)
    from kiosk.cli import edit

    monkeypatch.setattr(edit, "widgets_available", lambda: False)
    assert main(["edit", str(tmp_path / "exhibition.yaml")]) == 2
    assert "not part of this installation" in capsys.readouterr().err


def test_new_refuses_a_folder_that_is_not_empty(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["edit", "--new", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
