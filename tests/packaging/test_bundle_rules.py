"""The bundle's rules, without building it: plugin list, Qt trimming, FFmpeg stand-in libraries."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "pyinstaller"))
import bundle_rules
import stub_libraries


def test_plugin_list_per_platform():
    linux = bundle_rules.read_plugin_list("linux")
    windows = bundle_rules.read_plugin_list("win32")
    assert "codec/avcodec" in linux and "codec/avcodec" in windows
    assert "audio_output/pulse" in linux and "audio_output/pulse" not in windows
    assert "audio_output/mmdevice" in windows and "audio_output/mmdevice" not in linux
    assert bundle_rules.plugin_file("video_output/vmem", "linux") == "video_output/libvmem_plugin.so"
    assert bundle_rules.plugin_file("video_output/vmem", "win32") == "video_output/libvmem_plugin.dll"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
        ("PySide6/Qt/lib/libQt6QuickControls2Material.so.6", False),
        ("PySide6/Qt/lib/libQt6QuickControls2Basic.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),  # the screensaver inhibit needs it
        ("PySide6/Qt/qml/QtQuick/Shapes/qmldir", True),
        ("PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir", False),
        ("PySide6/Qt/qml/QtQml/XmlListModel/qmldir", False),
        ("PySide6/Qt/qml/QtQml/WorkerScript/qmldir", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/translations/qt_fr.qm", False),
        ("PySide6/QtWidgets.abi3.so", False),
        ("libavcodec.so.59", True),
    ],
)
def test_qt_trimming(dest, kept):
    assert bundle_rules.keep_qt_path(dest) is kept


@pytest.mark.skipif(shutil.which("cc") is None or sys.platform != "linux", reason="needs a C compiler on Linux")
def test_a_stub_satisfies_the_library_that_links_the_real_one(tmp_path):
    """A versioned function and a plain one, a data object: the importer loads with the stub in place."""
    real_dir, stub_dir = tmp_path / "real", tmp_path / "stub"
    real_dir.mkdir()
    stub_dir.mkdir()
    (tmp_path / "real.c").write_text("int enc_open(void){return 7;} int enc_version = 3; int plain(void){return 1;}\n")
    (tmp_path / "real.map").write_text("ENC_1 { global: enc_open; enc_version; }; ENC_2 { global: plain; };\n")
    subprocess.run(
        [
            "cc",
            "-shared",
            "-fPIC",
            "-o",
            str(real_dir / "libenc.so.1"),
            "-Wl,-soname,libenc.so.1",
            f"-Wl,--version-script={tmp_path / 'real.map'}",
            str(tmp_path / "real.c"),
        ],
        check=True,
    )
    (tmp_path / "user.c").write_text(
        "extern int enc_open(void); extern int enc_version; extern int plain(void);\n"
        "int use(void){return enc_open() + enc_version + plain();}\n"
    )
    user = tmp_path / "libuser.so"
    subprocess.run(
        [
            "cc",
            "-shared",
            "-fPIC",
            "-o",
            str(user),
            str(tmp_path / "user.c"),
            f"-L{real_dir}",
            "-l:libenc.so.1",
            "-Wl,-z,now",
        ],
        check=True,
    )
    stub = stub_libraries.build_stub("libenc.so.1", str(real_dir / "libenc.so.1"), [str(user)], stub_dir)
    assert stub is not None and stub.stat().st_size < 20_000
    code = (
        "import ctypes, sys; ctypes.CDLL(sys.argv[1] + '/libenc.so.1', mode=ctypes.RTLD_GLOBAL);"
        "print(ctypes.CDLL(sys.argv[2]).use())"
    )
    real = subprocess.run([sys.executable, "-c", code, str(real_dir), str(user)], capture_output=True, text=True)
    assert real.stdout.strip() == "11"
    stubbed = subprocess.run([sys.executable, "-c", code, str(stub_dir), str(user)], capture_output=True, text=True)
    assert stubbed.returncode == 0, stubbed.stderr
    assert stubbed.stdout.strip() == "0"  # every function returns 0, every object is zero
