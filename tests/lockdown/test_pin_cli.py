"""``kiosk pin`` through the real parser: set from stdin, status, clear."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from kiosk.cli import pin as pin_cli
from kiosk.staff.pin import PinOutcome, StaffPin


def run(argv: list[str]) -> int:
    # The dispatcher lists its subcommands by name; build a parser with just ours so this test
    # does not depend on "pin" being in kiosk.cli.SUBCOMMANDS.
    parser = argparse.ArgumentParser(prog="kiosk")
    pin_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


def test_set_status_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "pin.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("735190\n"))
    assert run(["pin", "--file", str(file), "set"]) == 0
    assert "735190" not in file.read_text()
    assert StaffPin(file).check("735190").outcome is PinOutcome.OK
    assert run(["pin", "--file", str(file), "status"]) == 0
    assert "Staff PIN set" in capsys.readouterr().out
    assert run(["pin", "--file", str(file), "clear"]) == 0
    assert not file.exists()
    assert run(["pin", "--file", str(file), "status"]) == 1
    assert "kiosk pin set" in capsys.readouterr().out


def test_bad_pin_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "pin.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert run(["pin", "--file", str(file), "set"]) == 2
    assert "4 to 12 digits" in capsys.readouterr().err
    assert not file.exists()
