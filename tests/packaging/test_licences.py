"""The licence gathering's rules, without building the bundle: DEP-5 matching, the refusal of a file
with no known origin, and every VLC plugin the bundle may carry having a known source licence."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "licences"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "pyinstaller"))
import bundle_rules
import dep5
import gather
import known

RECORD = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

Files: *
Copyright: someone
License: GPL-2+

Files: modules/codec/*
 lib/*.c
Copyright: someone
License: LGPL-2.1+
 Some text.

Files: modules/codec/odd.c
Copyright: someone
License: BSD-3-clause
"""


def test_the_last_matching_paragraph_governs_a_path():
    paragraphs = dep5.parse(RECORD)
    assert dep5.matching_paragraph(paragraphs, "modules/codec/avcodec/avcodec.c").licence == "LGPL-2.1+"
    assert dep5.matching_paragraph(paragraphs, "modules/codec/odd.c").licence == "BSD-3-clause"
    assert dep5.matching_paragraph(paragraphs, "lib/core.c").licence == "LGPL-2.1+"
    assert dep5.matching_paragraph(paragraphs, "src/libvlc.c").licence == "GPL-2+"
    assert dep5.matching_paragraph(paragraphs, "src/libvlc.c", ignore_catch_all=True) is None


def test_written_copyright_reads_back():
    text = dep5.write(
        {"Upstream-Name": "x"},
        [{"Files": "a/*\nb.so", "Copyright": "me", "License": "MIT\nline one\n\nline three"}],
    )
    assert dep5.is_machine_readable(text)
    _header, paragraph = dep5.parse(text)
    assert paragraph.files == ["a/*", "b.so"] and paragraph.licence == "MIT"
    assert "\n .\n" in text  # an empty line inside a field is written as " ."


def test_compact_globs_never_reach_another_owners_file():
    owner_of = {
        "_internal/PySide6/Qt/lib/libQt6Core.so.6": "qt",
        "_internal/PySide6/Qt/lib/libicuuc.so.73": "icu",
        "_internal/PySide6/QtCore.abi3.so": "qt",
        "_internal/PySide6/Qt/qml/QtQuick/qmldir": "qt",
        "_internal/libz.so.1": "zlib",
    }
    qt = dep5.compact_globs([p for p, o in owner_of.items() if o == "qt"], owner_of, "qt")
    assert "_internal/PySide6/Qt/qml/*" in qt and "_internal/PySide6/Qt/lib/libQt6Core.so.6" in qt
    paragraphs = [dep5.Paragraph({"Files": "\n".join(qt)})]
    for path, owner in owner_of.items():
        assert (dep5.matching_paragraph(paragraphs, path) is not None) == (owner == "qt"), path


def test_rebased_copyright_covers_the_package_paths():
    text = dep5.write(
        {"Upstream-Name": "kiosk"},
        [{"Files": "_internal/*", "Copyright": "me", "License": "MIT\nSee licenses/LICENSE."}],
    )
    rebased = dep5.parse(dep5.rebase(text, "opt/kiosk"))
    assert (
        dep5.matching_paragraph(rebased, "opt/kiosk/_internal/libz.so.1")
        .fields["License"]
        .endswith("/opt/kiosk/licenses/LICENSE.")
    )
    assert dep5.matching_paragraph(rebased, "usr/share/man/man1/kiosk.1.gz") is not None
    assert "/usr/share/common-licenses/LGPL-2.1" in rebased[0].fields["Comment"]


@pytest.mark.parametrize(
    ("licence", "bound"),
    [
        ("GPL-2+", True),
        ("LGPL-2.1+", False),
        ("BSD-3-clause or GPL-2", False),
        ("GPL-3+ with GCC-Runtime-Library exception", False),
        ("GPL-2.0-or-later WITH Bootloader-exception AND Apache-2.0", False),
        ("LGPL-2+ and GPL-2", True),
    ],
)
def test_which_licences_bind_the_whole_program_to_the_gpl(licence, bound):
    assert gather.Component("k", "n", "1", licence, "debian", "c").gpl_bound is bound


def _bundle_with(tmp_path: Path, source: Path, dest: str) -> tuple[Path, dict[str, list[list[str]]]]:
    bundle = tmp_path / "kiosk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / dest).write_bytes(source.read_bytes())
    manifest = {"binaries": [[dest, str(source), "BINARY"]], "datas": [], "pure": [], "scripts": []}
    return bundle, manifest


def test_a_file_no_one_owns_stops_the_build(tmp_path):
    stray = tmp_path / "libmystery.so.1"
    stray.write_bytes(b"\x7fELF not really")
    bundle, manifest = _bundle_with(tmp_path, stray, "libmystery.so.1")
    gatherer = gather.Gatherer(bundle, manifest)
    with pytest.raises(gather.LicenceError, match=r"libmystery\.so\.1: copied from .*no Python distribution"):
        gatherer.run()


def test_a_file_the_manifest_does_not_name_stops_the_build(tmp_path):
    bundle, manifest = _bundle_with(tmp_path, Path(bundle_rules.__file__), "bundle_rules.py")
    (bundle / "_internal" / "smuggled.dat").write_text("?")
    with pytest.raises(gather.LicenceError, match=r"smuggled\.dat: in the bundle, but PyInstaller's manifest"):
        gather.Gatherer(bundle, manifest).run()


def test_main_reports_the_failure_and_exits_1(tmp_path, capsys):
    stray = tmp_path / "libmystery.so.1"
    stray.write_bytes(b"?")
    bundle, manifest = _bundle_with(tmp_path, stray, "libmystery.so.1")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    assert gather.main(["gather.py", str(bundle), str(tmp_path / "manifest.json")]) == 1
    assert "licences: FAILED: _internal/libmystery.so.1" in capsys.readouterr().err


def test_every_linux_vlc_plugin_has_a_known_source():
    """A plugin added to vlc_plugins.txt needs its source file in known.VLC_SOURCES (its licence)."""
    plugins = {bundle_rules.plugin_file(entry, "linux") for entry in bundle_rules.read_plugin_list("linux")}
    assert plugins - set(known.VLC_SOURCES) == set()


def test_ffmpeg_says_its_own_licence():
    """Debian's FFmpeg is built with --enable-gpl: the library itself says GPL-2+ (not its record's LGPL)."""
    library = next((p for p in Path("/usr/lib/x86_64-linux-gnu").glob("libavcodec.so.*") if p.is_file()), None)
    if library is None:
        pytest.skip("no FFmpeg libavcodec on this machine")
    assert gather._ffmpeg_licence(str(library)) in known.FFMPEG_LICENCE_NAMES.values()


def test_the_repository_licence_is_the_one_the_installers_carry() -> None:
    # pyproject.toml says MIT; the wheel takes LICENSE from the root, the bundle and the .deb
    # write known.MIT_TEXT: one text, so the two cannot drift apart.
    root = Path(__file__).resolve().parents[2]
    assert (root / "LICENSE").read_text(encoding="utf-8") == known.MIT_TEXT
    assert 'license = "MIT"' in (root / "pyproject.toml").read_text(encoding="utf-8")
