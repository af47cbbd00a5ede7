"""``kiosk validate``, ``kiosk schema`` and ``kiosk --version`` as staff and scripts run them: in a subprocess."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kiosk import __version__

# These tests run the CLI in a subprocess and use no Qt; Qt messages that an earlier test's engine emits
# late must not be blamed on them.
pytestmark = pytest.mark.no_qt_log

ROOT = Path(__file__).resolve().parent.parent
LOADER_TESTS = ROOT / "tests" / "loader"
FULL = LOADER_TESTS / "valid" / "full.yaml"
MEDIA = LOADER_TESTS / "fixtures" / "media"


def kiosk(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def no_traceback(process: subprocess.CompletedProcess[str]) -> None:
    for stream in (process.stdout, process.stderr):
        assert "Traceback" not in stream and 'File "' not in stream, stream[-2000:]


def valid_copy(folder: Path, name: str = "exhibition.yaml") -> Path:
    path = folder / name
    path.write_text(
        FULL.read_text(encoding="utf-8").replace("media: ../fixtures/media", f"media: {MEDIA.as_posix()}"),
        encoding="utf-8",
    )
    return path


def test_valid_file_prints_one_summary_line_and_exits_0(tmp_path: Path) -> None:
    config = valid_copy(tmp_path)
    process = kiosk("validate", "exhibition.yaml", cwd=tmp_path)
    assert process.returncode == 0, process.stdout + process.stderr
    assert process.stdout == "exhibition.yaml: valid, 2 chapters, 5 panels, languages fr, en, ar, 0 warnings\n"
    assert process.stderr == ""
    assert config.exists()


def test_invalid_file_lists_each_problem_then_the_summary_and_exits_1() -> None:
    process = kiosk("validate", "tests/loader/invalid/unknown-key-panel.yaml")
    assert process.returncode == 1
    assert process.stdout.splitlines() == [
        "tests/loader/invalid/unknown-key-panel.yaml:17:9: chapters[0].panels[0].tittle: "
        "unknown key 'tittle'; did you mean 'title'?",
        "tests/loader/invalid/unknown-key-panel.yaml: INVALID, 1 error, 0 warnings",
    ]


def test_warnings_alone_keep_exit_0(tmp_path: Path) -> None:
    config = valid_copy(tmp_path)
    config.write_text(config.read_text("utf-8").replace("          ar: captions/good.en.srt\n", ""), "utf-8")
    process = kiosk("validate", str(config))
    assert process.returncode == 0
    lines = process.stdout.splitlines()
    assert ": warning: no captions in Arabic (ar)" in lines[0]
    assert lines[1].endswith("1 warning")


def test_several_files_in_one_call() -> None:
    process = kiosk("validate", str(FULL), "tests/loader/invalid/bad-colour.yaml", "tests/loader/invalid/tab.yaml")
    assert process.returncode == 1
    assert process.stdout.splitlines()[-1] == "1 of 3 files valid"
    assert process.stdout.count(": INVALID, ") == 2


def test_unusable_arguments_exit_2(tmp_path: Path) -> None:
    missing = kiosk("validate", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "nope.yaml: not found" in missing.stderr
    folder = kiosk("validate", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    mixed = kiosk("validate", str(FULL), str(tmp_path / "nope.yaml"))
    assert mixed.returncode == 2
    assert kiosk("validate").returncode == 2
    assert kiosk("validate", "--no-such-option", str(FULL)).returncode == 2
    for process in (missing, folder, mixed):
        no_traceback(process)


def test_json_report_parses(tmp_path: Path) -> None:
    process = kiosk(
        "validate", "--json", str(FULL), "tests/loader/invalid/duplicate-panel-id.yaml", str(tmp_path / "gone.yaml")
    )
    assert process.returncode == 2
    report = json.loads(process.stdout)
    assert report["valid"] is False
    assert report["unusable"] == [str(tmp_path / "gone.yaml")]
    good, bad = report["files"]
    assert good["valid"] is True and good["chapters"] == 2 and good["panels"] == 5
    assert good["languages"] == ["fr", "en", "ar"] and good["problems"] == []
    assert bad["valid"] is False and bad["errors"] == 1
    [problem] = bad["problems"]
    assert problem == {
        "severity": "error",
        "file": "tests/loader/invalid/duplicate-panel-id.yaml",
        "line": 19,
        "column": 13,
        "path": "chapters[0].panels[1].id",
        "message": "the panel id 'one' is already used at line 15: ids must be unique",
    }
    only_good = kiosk("validate", "--json", str(FULL))
    assert only_good.returncode == 0 and json.loads(only_good.stdout)["valid"] is True


def _arbitrary_yaml(rng: random.Random, index: int, samples: list[bytes]) -> bytes:
    """A mix of what a folder of staff files might hold, from plausible to hostile."""
    choice = index % 5
    if choice == 0:  # a known mistake, or the valid exhibition, slightly damaged
        data = bytearray(rng.choice(samples))
        for _ in range(rng.randint(0, 3)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if choice == 1:  # random structure

        def value(depth: int) -> object:
            kind = rng.randrange(6 if depth < 4 else 3)
            if kind == 0:
                return rng.choice([None, True, 3, -1.5, "x", "00:01", "images/photo.png", "", "é"])
            if kind in (1, 2):
                return "".join(rng.choice("ab :-#") for _ in range(rng.randint(0, 8)))
            if kind == 3:
                return [value(depth + 1) for _ in range(rng.randint(0, 4))]
            keys = ["exhibition", "attract", "chapters", "id", "title", "panels", "type", "src", "languages", "k"]
            return {rng.choice(keys): value(depth + 1) for _ in range(rng.randint(0, 4))}

        return yaml.safe_dump(value(0), allow_unicode=True).encode()
    if choice == 2:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    if choice == 3:  # a sample cut short
        sample = rng.choice(samples)
        return sample[: rng.randint(0, len(sample))]
    return "".join(rng.choice("abc: -[]{}&*!|>'\"\t\n") for _ in range(rng.randint(0, 200))).encode()


@pytest.mark.timeout(600)  # two cores shared with other work: a generous bound, not a benchmark
def test_a_thousand_arbitrary_files_in_one_call_never_print_a_traceback(tmp_path: Path) -> None:
    rng = random.Random(20261127)
    samples = [path.read_bytes() for path in sorted((LOADER_TESTS / "invalid").glob("*.yaml"))]
    samples.append(valid_copy(tmp_path, "valid.yaml").read_bytes())
    folder = tmp_path / "many"
    folder.mkdir()
    names = []
    for index in range(1000):
        name = f"{index:04d}.yaml"
        (folder / name).write_bytes(_arbitrary_yaml(rng, index, samples))
        names.append(name)
    process = kiosk("validate", *names, cwd=folder)
    no_traceback(process)
    assert process.returncode == 1
    assert process.stderr == ""
    lines = process.stdout.splitlines()
    summaries = [line for line in lines if line.endswith(("warnings", "warning")) and ": " in line]
    assert len(summaries) == 1000
    assert lines[-1].endswith("of 1000 files valid")
    assert "could not finish checking" not in process.stdout  # the loader's safety net never fired
    report = json.loads(kiosk("validate", "--json", *names[:200], cwd=folder).stdout)
    assert len(report["files"]) == 200


def test_output_cut_short_by_head_is_not_a_traceback() -> None:
    process = subprocess.run(
        f"'{sys.executable}' -m kiosk validate tests/loader/invalid/*.yaml | head -n 1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert len(process.stdout.splitlines()) == 1
    no_traceback(process)


def test_version() -> None:
    process = kiosk("--version")
    assert process.returncode == 0
    assert process.stdout.strip() == f"kiosk {__version__}"


def test_schema_prints_the_json_schema(tmp_path: Path) -> None:
    process = kiosk("schema")
    assert process.returncode == 0
    schema = json.loads(process.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) == {"exhibition", "attract", "chapters"}
    out = tmp_path / "schema.json"
    assert kiosk("schema", "--out", str(out)).returncode == 0
    assert out.read_text("utf-8") == process.stdout


def test_validate_does_not_import_qt_or_vlc() -> None:
    code = (
        "import sys; from kiosk.cli import main; "
        f"rc = main(['validate', {str(FULL)!r}]); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc')); "
        "print(bad); sys.exit(rc)"
    )
    process = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stdout.splitlines()[-1] == "[]"


def test_a_terminal_that_cannot_show_arabic_still_gets_every_line(tmp_path: Path) -> None:
    config = tmp_path / "ar.yaml"
    config.write_text("exhibition:\n  عنوان: x\n", encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(config)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    stdout = process.stdout.decode("ascii")
    assert process.returncode == 1
    assert "unknown key '\\u0639\\u0646\\u0648\\u0627\\u0646'" in stdout
    assert "Traceback" not in process.stderr.decode("ascii", errors="replace")


def test_schema_to_an_unwritable_place_is_a_message(tmp_path: Path) -> None:
    process = kiosk("schema", "--out", str(tmp_path / "missing-folder" / "schema.json"))
    assert process.returncode == 1
    assert "cannot write" in process.stderr
    no_traceback(process)
