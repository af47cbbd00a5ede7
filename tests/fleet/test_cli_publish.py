"""``kiosk publish`` from the command line: each kind of bad input gets a clear message and an exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.fleet.manifest import MANIFEST_NAME

from .helpers import make_exhibition

pytestmark = pytest.mark.no_qt_log


def test_publish_prints_what_it_published(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = make_exhibition(tmp_path / "source")
    assert main(["publish", str(config), "--to", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "published fleet-test as " in out and "2 files" in out and "(2 changed, 0 removed)" in out
    assert main(["publish", str(config), "--to", str(tmp_path / "out")]) == 0
    assert "(0 changed, 0 removed)" in capsys.readouterr().out


def test_an_invalid_exhibition_lists_its_problems_and_exits_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = make_exhibition(tmp_path / "source")
    config.write_text(config.read_text().replace("idle_timeout: 90s", "idle_timeout: soon"))
    assert main(["publish", str(config), "--to", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "exhibition.yaml:" in captured.out and "idle_timeout" in captured.out
    assert "nothing was published" in captured.err
    assert not (tmp_path / "out" / MANIFEST_NAME).exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "give an exhibition file, or --announce, or --withdraw"),
        (["missing.yaml"], "missing.yaml: not found"),
        (["--announce", "en=Closing"], "needs --until"),
        (["--announce", "Closing", "--until", "2h"], "write it as LANG=TEXT"),
        (["--announce", "english=Closing", "--until", "2h"], "'english' is not a language code"),
        (["--announce", "en=", "--until", "2h"], "the en text is empty"),
        (["--announce", "en=Closing", "--until", "tomorrow"], "write a time (18:00)"),
        (["--announce", "en=Closing", "--until", "2001-01-01T10:00"], "is in the past"),
        (["--announce", "en=" + "x" * 300, "--until", "2h"], "300 characters; 280 at most"),
    ],
)
def test_bad_input_is_explained(tmp_path: Path, capsys, arguments: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    code = main(["publish", *arguments, "--to", str(tmp_path / "out")])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "announcement.json").exists()


def test_announce_and_withdraw(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    arguments = [
        "publish",
        "--to",
        str(folder),
        "--until",
        "90m",
        "--urgent",
        "--announce",
        "fr=Le stand ferme",
        "--announce",
        "ar=يغلق الجناح",
    ]
    assert main(arguments) == 0
    data = json.loads((folder / "announcement.json").read_text(encoding="utf-8"))
    assert data["texts"] == {"fr": "Le stand ferme", "ar": "يغلق الجناح"} and data["level"] == "urgent"
    assert 89 * 60 < data["expires_at"] - data["published_at"] <= 90 * 60
    assert main(["publish", "--to", str(folder), "--withdraw"]) == 0
    assert not (folder / "announcement.json").exists()
    assert main(["publish", "--to", str(folder), "--withdraw"]) == 0
    assert "there was no announcement" in capsys.readouterr().out


def test_a_bad_metrics_address_is_explained_and_the_kiosk_runs_on(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.fleet.qt_hook import prepare

    config = make_exhibition(tmp_path / "source")
    shown, hook = prepare(config, fleet=None, state=tmp_path / "state", metrics_address="localhost")
    assert shown == config and hook.metrics is None
    assert "write ADDRESS:PORT" in capsys.readouterr().err


def test_an_announcement_missing_a_language_of_the_exhibition_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    assert main(["publish", str(make_exhibition(tmp_path / "source")), "--to", str(folder)]) == 0  # en, fr
    capsys.readouterr()
    assert main(["publish", "--to", str(folder), "--until", "1h", "--announce", "en=Closing at 6 pm"]) == 0
    err = capsys.readouterr().err
    assert "no text in fr, a language of the published exhibition" in err
    assert (
        main(
            ["publish", "--to", str(folder), "--until", "1h", "--announce", "en=Closing", "--announce", "fr=Fermeture"]
        )
        == 0
    )
    assert capsys.readouterr().err == ""
