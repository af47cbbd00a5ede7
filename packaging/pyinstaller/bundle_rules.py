"""What goes into the PyInstaller bundle: libVLC with the plugins we need, and Qt without what we don't.

Imported by kiosk.spec (and by tests). Plain Python, no PyInstaller import, so the rules can be read
and tested on their own.
"""

from __future__ import annotations

import os
import re
import sys
import sysconfig
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
PLUGIN_LIST = HERE / "vlc_plugins.txt"

#: Where plugins go inside the bundle (relative to _MEIPASS). On Linux this is also where a relocated
#: libvlccore looks by itself (<dir of libvlccore>/vlc/plugins); the runtime hook sets it explicitly anyway.
BUNDLE_PLUGIN_DIR = {"linux": "vlc/plugins", "win32": "vlc/plugins"}


def platform_key() -> str:
    return "win32" if sys.platform == "win32" else "linux"


def read_plugin_list(platform: str | None = None, path: Path = PLUGIN_LIST) -> list[str]:
    """``category/name`` for every plugin the kiosk needs on ``platform`` ("linux" or "win32")."""
    platform = platform or platform_key()
    wanted = {"linux": "linux", "win32": "windows"}[platform]
    plugins = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        entry, platforms = line.split()[:2]
        if platforms in ("all", wanted):
            plugins.append(entry)
    return plugins


def plugin_file(entry: str, platform: str | None = None) -> str:
    category, name = entry.split("/")
    suffix = ".dll" if (platform or platform_key()) == "win32" else ".so"
    return f"{category}/lib{name}_plugin{suffix}"


def find_system_vlc() -> tuple[list[Path], Path]:
    """The libVLC libraries to bundle and the plugin folder to pick from.

    ``KIOSK_VLC_DIR`` overrides the search: on Linux the folder holding libvlc.so.5 (plugins in
    vlc/plugins below it), on Windows the VLC install folder (libvlc.dll, libvlccore.dll, plugins/).
    """
    override = os.environ.get("KIOSK_VLC_DIR")
    if sys.platform == "win32":
        base = Path(override or Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "VideoLAN" / "VLC")
        return [base / "libvlc.dll", base / "libvlccore.dll"], base / "plugins"
    libdir = Path(override) if override else _linux_libvlc_dir()
    libs = [libdir / "libvlc.so.5", libdir / "libvlccore.so.9"]
    return libs, libdir / "vlc" / "plugins"


def _linux_libvlc_dir() -> Path:
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    for candidate in (f"/usr/lib/{multiarch}", "/usr/lib64", "/usr/lib", "/usr/local/lib"):
        if (Path(candidate) / "libvlc.so.5").exists():
            return Path(candidate)
    raise SystemExit("libVLC not found: apt-get install libvlc5 vlc-plugin-base (or set KIOSK_VLC_DIR)")


def vlc_binaries(platform: str | None = None) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for PyInstaller's ``binaries``."""
    platform = platform or platform_key()
    libs, plugin_root = find_system_vlc()
    result = [(str(lib), ".") for lib in libs]
    missing = []
    for entry in read_plugin_list(platform):
        rel = plugin_file(entry, platform)
        source = plugin_root / rel
        if not source.exists():
            missing.append(str(source))
            continue
        dest = str(PurePosixPath(BUNDLE_PLUGIN_DIR[platform]) / PurePosixPath(rel).parent)
        result.append((str(source), dest))
    # Optional Windows-only or distribution-specific audio outputs may be absent; the core ones may not.
    core_missing = [m for m in missing if "audio_output" not in m]
    if core_missing:
        raise SystemExit("VLC plugins missing: " + ", ".join(core_missing))
    return result


# --- Qt trimming ------------------------------------------------------------------------------------
# PySide6's hooks collect every QML module and many Qt plugins. The kiosk is a Qt Quick app with the
# software or OpenGL scene graph, on xcb, Wayland, eglfs or offscreen. Everything below is dropped by
# the destination path inside the bundle (forward slashes). A dropped library that something kept
# still needs is caught by check_bundle.py (every shared object's dependencies must resolve) and
# by the smoke test (the real app renders its first frame from the bundle).

_QML_KEEP = (
    "QtQml/qmldir",
    "QtQml/plugins.qmltypes",
    "QtQml/libqmlplugin",
    "QtQml/qmlplugin",
    "QtQml/libqmlmetaplugin",
    "QtQml/Base/",
    "QtQml/Models/",
    "QtQml/WorkerScript/",
    "QtCore/",
    "QtQuick/qmldir",
    "QtQuick/plugins.qmltypes",
    "QtQuick/libqtquick2plugin",
    "QtQuick/qtquick2plugin",
    "QtQuick/Window/",
    "QtQuick/Layouts/",
    "QtQuick/Shapes/",
    "QtQuick/Effects/",
    "QtQuick/Templates/",
    "QtQuick/Controls/qmldir",
    "QtQuick/Controls/plugins.qmltypes",
    "QtQuick/Controls/libqtquickcontrols2plugin",
    "QtQuick/Controls/qtquickcontrols2plugin",
    "QtQuick/Controls/impl/",
    "QtQuick/Controls/Basic/",
    "builtins.qmltypes",
    "jsroot.qmltypes",
)

_DROP_QT_LIBS = re.compile(
    r"(Qt6|Qt)("
    r"Designer|DesignerComponents|Help|UiTools|Sql|Test|QuickTest|PrintSupport|Concurrent|Xml|"
    r"Widgets|OpenGLWidgets|QuickWidgets|SvgWidgets|QmlCompiler|Pdf|PdfQuick|VirtualKeyboard|"
    r"VirtualKeyboardQml|VirtualKeyboardSettings|WaylandCompositor|WaylandEglCompositorHwIntegration|"
    r"Labs\w*|Lottie\w*|QuickDialogs2\w*|QuickParticles|QuickTimeline\w*|QuickVectorImage\w*|"
    r"QuickControls2(Material|Universal|Fusion|Imagine|FluentWinUI3|IOS|MacOS|Windows)\w*|"
    r"Quick3D\w*|ShaderTools|Scxml\w*|StateMachine\w*|QmlLocalStorage|QmlXmlListModel|"
    r"QuickLayouts?DesignerHelpers?"
    r")\b"
)

_DROP_PLUGIN_DIRS = (
    "designer/",
    "qmllint/",
    "qmltooling/",
    "sqldrivers/",
    "printsupport/",
    "tls/",
    "networkinformation/",
    "platformthemes/",  # GTK/portal dialogs and palettes: a kiosk shows neither
    "wayland-graphics-integration-server/",
    "vectorimageformats/",
    "egldeviceintegrations/libqeglfs-kms-egldevice",  # NVIDIA EGLDevice, rare on kiosk PCs
)

_DROP_PLATFORMS = re.compile(r"platforms/(lib)?q(vnc|linuxfb|vkkhrdisplay|minimalegl)")
_DROP_IMAGEFORMATS = re.compile(r"imageformats/(lib)?q(tga|tiff|wbmp|icns|pdf|ico)")


def keep_qt_path(dest: str) -> bool:
    """False for Qt files the kiosk never uses; True for everything else (including non-Qt files)."""
    dest = dest.replace("\\", "/")
    marker = "PySide6/Qt/" if "PySide6/Qt/" in dest else ("PySide6/" if dest.startswith("PySide6/") else None)
    if marker is None:
        return not _DROP_QT_LIBS.search(PurePosixPath(dest).name)
    rest = dest.split(marker, 1)[1]
    if rest.startswith("translations/") or rest.startswith("metatypes/") or rest.startswith("libexec/"):
        return False
    if rest.startswith("qml/"):
        return rest[len("qml/") :].startswith(_QML_KEEP)
    if rest.startswith("plugins/"):
        plug = rest[len("plugins/") :]
        if plug.startswith(_DROP_PLUGIN_DIRS):
            return False
        return not (_DROP_PLATFORMS.match(plug) or _DROP_IMAGEFORMATS.match(plug))
    return not _DROP_QT_LIBS.search(PurePosixPath(rest).name)


#: Python modules the kiosk never imports; excluding them keeps their Qt libraries out of the analysis.
PY_EXCLUDES = [
    "tkinter",
    "PySide6.QtWidgets",
    "PySide6.QtTest",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvgWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSql",
    "PySide6.QtPrintSupport",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    # Not excluded: PySide6.QtDBus (kiosk/ui/lockdown/blanking.py inhibits the screensaver over D-Bus).
    "pytest",
    "hypothesis",
    "_pytest",
    "pytestqt",
    "mypy",
    "setuptools",
    "pip",
]

# Optional parts of the stdlib and Pillow whose native libraries cost megabytes and serve no kiosk
# feature: TLS (no network), AVIF and colour management (Pillow only reads image headers), Tk.
# _hashlib stays: the staff PIN uses OpenSSL's scrypt.
PY_EXCLUDES += [
    "ssl",
    "_ssl",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    # Pillow uses it, when installed, only to parse XMP metadata; the build tools (the SBOM's) bring
    # it into the build environment, and it would then be bundled for nothing.
    "defusedxml",
]

#: Loaded with ctypes or by the bootloader, so nothing in the bundle names them as NEEDED.
ROOT_LIBRARIES = re.compile(r"^(libvlc\.so\.5|libvlccore\.so\.9|libpython3[\d.]*\.so[\d.]*)$")


def elf_needed(path: str) -> list[str] | None:
    """The DT_NEEDED sonames of a shared object, or None when readelf is not available."""
    import shutil
    import subprocess

    readelf = shutil.which("readelf")
    if readelf is None:
        return None
    out = subprocess.run([readelf, "-d", path], capture_output=True, text=True, check=False).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def prune_unreferenced(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop top-level libraries that only dropped parts needed (GTK for the GTK theme plugin...).

    Roots are every binary below a folder (Qt/QML/VLC plugins, Python extensions) and the libraries
    loaded by name at run time; the rest stays only if a root needs it, directly or not.
    Linux only: Windows DLL dependencies are left to PyInstaller.
    """
    if sys.platform != "linux":
        return binaries
    by_name = {PurePosixPath(dest).name: (dest, src, kind) for dest, src, kind in binaries if "/" not in dest}
    roots = [
        entry for entry in binaries if "/" in entry[0] or entry[2] == "EXTENSION" or ROOT_LIBRARIES.match(entry[0])
    ]
    keep: set[str] = set()
    stack = [entry[1] for entry in roots]
    seen: set[str] = set()
    while stack:
        src = stack.pop()
        if src in seen:
            continue
        seen.add(src)
        needed = elf_needed(src)
        if needed is None:
            return binaries  # cannot tell: keep everything rather than guess
        for soname in needed:
            if soname in by_name and soname not in keep:
                keep.add(soname)
                stack.append(by_name[soname][1])
    return [entry for entry in binaries if entry in roots or PurePosixPath(entry[0]).name in keep]
