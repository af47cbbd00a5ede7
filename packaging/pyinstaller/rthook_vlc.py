"""PyInstaller runtime hook: point python-vlc and libVLC at the libVLC inside the bundle.

PyInstaller copies libvlc but not VLC's plugins, and python-vlc on its own would load whatever
libvlc the machine has (or none). Runs before any kiosk code, so ``import vlc`` finds the bundle's.
A technician can still choose another libVLC by setting PYTHON_VLC_LIB_PATH before starting the
kiosk: then this hook leaves all three variables alone (see docs/packaging.md).
"""

import os
import sys
from pathlib import Path


def _point_vlc_at_bundle() -> None:
    if "PYTHON_VLC_LIB_PATH" in os.environ:
        return
    base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    lib = base / ("libvlc.dll" if sys.platform == "win32" else "libvlc.so.5")
    plugins = base / "vlc" / "plugins"
    if not (lib.exists() and plugins.is_dir()):
        return  # a bundle built without libVLC: python-vlc searches the system as usual
    os.environ["PYTHON_VLC_LIB_PATH"] = str(lib)
    os.environ["PYTHON_VLC_MODULE_PATH"] = str(plugins)
    os.environ["VLC_PLUGIN_PATH"] = str(plugins)
    if sys.platform == "win32":
        # libvlc.dll finds libvlccore.dll beside it; the plugins find both through this folder.
        os.add_dll_directory(str(base))


_point_vlc_at_bundle()
