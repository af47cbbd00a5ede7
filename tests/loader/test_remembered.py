"""A start on an unchanged exhibition reads the loaded model back; any change it rests on loads
it in full again, and a cache file can neither hide a problem nor run code."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.loader import load_exhibition, remembered
from kiosk.loader.remembered import LOADER_PACKAGES, load_for_start

VALID = Path(__file__).parent / "valid" / "full.yaml"
FIXTURE_MEDIA = Path(__file__).parent / "fixtures" / "media"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def exhibition(tmp_path: Path) -> Path:
    """A private copy of a clean exhibition and its media, laid out as the original."""
    (tmp_path / "valid").mkdir()
    shutil.copy(VALID, tmp_path / "valid" / "full.yaml")
    shutil.copytree(FIXTURE_MEDIA, tmp_path / "fixtures" / "media")
    return tmp_path / "valid" / "full.yaml"


def start(path: Path, folder: Path) -> remembered.LoadResult:
    # settle_seconds=0: a test's files were all written a moment ago.
    return load_for_start(path, folder=folder, settle_seconds=0)


def test_an_unchanged_exhibition_is_read_back_equal_to_a_full_load(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    first = start(exhibition, tmp_path / "cache")
    again = start(exhibition, tmp_path / "cache")
    assert len(full_loads) == 1
    assert again.ok and again.problems == ()
    assert again.exhibition == first.exhibition == load_exhibition(exhibition).exhibition
    assert again.source == exhibition


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda root: _append(root / "valid" / "full.yaml", b"\n# edited\n"), id="exhibition edited"),
        pytest.param(lambda root: _append(root / "fixtures/media/images/photo.png", b"\0"), id="picture changed"),
        pytest.param(lambda root: (root / "fixtures/media/video/clip.mp4").unlink(), id="film removed"),
        pytest.param(lambda root: _append(root / "fixtures/media/captions/good.fr.vtt", b"\n"), id="captions changed"),
        pytest.param(lambda root: _replace(root / "fixtures/media/images/photo.png"), id="picture replaced by a copy"),
    ],
)
def test_any_change_the_load_rests_on_loads_in_full_again(
    exhibition: Path, tmp_path: Path, full_loads: list[Path], change: object
) -> None:
    start(exhibition, tmp_path / "cache")
    change(tmp_path)  # type: ignore[operator]
    after = start(exhibition, tmp_path / "cache")
    assert len(full_loads) == 2
    assert after.problems == load_exhibition(exhibition).problems


def test_a_problem_is_remembered_and_found_again_at_each_start(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    (tmp_path / "fixtures/media/video/clip.mp4").unlink()
    first = start(exhibition, tmp_path / "cache")
    again = start(exhibition, tmp_path / "cache")
    assert first.problems and again.problems == first.problems == load_exhibition(exhibition).problems
    assert len(full_loads) == 1


def test_a_clean_load_after_a_problem_is_remembered_again(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    clip = tmp_path / "fixtures/media/video/clip.mp4"
    kept = clip.read_bytes()
    clip.unlink()
    start(exhibition, tmp_path / "cache")
    clip.write_bytes(kept)
    start(exhibition, tmp_path / "cache")
    start(exhibition, tmp_path / "cache")
    assert len(full_loads) == 2


def test_the_loader_code_is_part_of_what_a_load_rests_on(exhibition: Path, tmp_path: Path) -> None:
    start(exhibition, tmp_path / "cache")
    data = next((tmp_path / "cache").glob("*.pickle")).read_bytes()
    names = [name for name, _ in remembered._Unpickler(io.BytesIO(data)).load()["files"]]
    for module in (
        "kiosk/loader/convert.py",
        "kiosk/loader/checks.py",
        "kiosk/model/exhibition.py",
        "kiosk/__init__.py",
    ):
        assert str(ROOT / module) in names


def test_a_change_to_the_loader_code_loads_in_full_again(
    exhibition: Path, tmp_path: Path, full_loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "convert.py"  # stands in for one of the loader's files
    code.write_text("# this kiosk's loader\n")
    real = remembered._loader_code
    monkeypatch.setattr(remembered, "_loader_code", lambda: [*real(), code])
    start(exhibition, tmp_path / "cache")
    start(exhibition, tmp_path / "cache")
    code.write_text("# a new kiosk's loader\n")
    start(exhibition, tmp_path / "cache")
    assert len(full_loads) == 2


def test_a_damaged_cache_file_is_a_full_load_and_is_written_again(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    start(exhibition, tmp_path / "cache")
    file = next((tmp_path / "cache").glob("*.pickle"))
    file.write_bytes(file.read_bytes()[: len(file.read_bytes()) // 2])
    assert start(exhibition, tmp_path / "cache").ok
    assert start(exhibition, tmp_path / "cache").ok
    assert len(full_loads) == 2


def test_a_cache_file_cannot_run_code(exhibition: Path, tmp_path: Path, full_loads: list[Path]) -> None:
    start(exhibition, tmp_path / "cache")
    file = next((tmp_path / "cache").glob("*.pickle"))
    witness = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {witness}",))

    file.write_bytes(pickle.dumps({"format": remembered.FORMAT, "exhibition": Payload()}))
    assert start(exhibition, tmp_path / "cache").ok
    assert not witness.exists()
    assert len(full_loads) == 2


def test_a_file_changed_a_moment_ago_is_not_remembered(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    load_for_start(exhibition, folder=tmp_path / "cache")  # the copy was written just now
    load_for_start(exhibition, folder=tmp_path / "cache")
    assert len(full_loads) == 2


def test_switched_off_every_start_loads_in_full(
    exhibition: Path, tmp_path: Path, full_loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_MEDIA_CACHE", "off")
    start(exhibition, tmp_path / "cache")
    start(exhibition, tmp_path / "cache")
    assert len(full_loads) == 2
    assert not (tmp_path / "cache").exists()


def test_two_exhibitions_of_one_name_keep_their_own_loads(
    exhibition: Path, tmp_path: Path, full_loads: list[Path]
) -> None:
    other = tmp_path / "other" / "valid" / "full.yaml"
    other.parent.mkdir(parents=True)
    shutil.copy(exhibition, other)
    shutil.copytree(tmp_path / "fixtures", tmp_path / "other" / "fixtures")
    for path in (exhibition, other, exhibition, other):
        assert start(path, tmp_path / "cache").exhibition.source == path.resolve()  # type: ignore[union-attr]
    assert len(full_loads) == 2


def test_the_loader_imports_no_part_of_the_kiosk_its_fingerprint_leaves_out() -> None:
    """A remembered load is stale when the code that made it changes: every part of the kiosk the
    loader imports must be among the packages whose files are fingerprinted."""
    code = "import sys; import kiosk.loader.load; print('\\n'.join(m for m in sys.modules if m.startswith('kiosk.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    outside = [
        m for m in out.split() if not m.startswith(tuple(f"{p}." for p in LOADER_PACKAGES)) and m not in LOADER_PACKAGES
    ]
    assert outside == [], f"add their packages to LOADER_PACKAGES in kiosk/loader/remembered.py: {outside}"


def test_reading_back_needs_neither_the_parser_nor_the_checks(exhibition: Path, tmp_path: Path) -> None:
    start(exhibition, tmp_path / "cache")
    code = (
        "import sys; from pathlib import Path; from kiosk.loader.remembered import load_for_start; "
        f"r = load_for_start(Path({str(exhibition)!r}), folder=Path({str(tmp_path / 'cache')!r}), settle_seconds=0); "
        "print(r.ok, 'yaml' in sys.modules, 'kiosk.loader.load' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["True", "False", "False"]


def _append(path: Path, data: bytes) -> None:
    with path.open("ab") as stream:
        stream.write(data)


def _replace(path: Path) -> None:
    """Another file of the same content takes the file's place (a copy from a USB stick)."""
    copy = path.with_suffix(".new")
    shutil.copy(path, copy)
    os.replace(copy, path)
