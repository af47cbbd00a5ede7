"""The shader packs of the film's render node on a graphics card: Qt's shader baker, qsb.

    .venv/bin/python tools/build_shaders.py     # after changing a shader in kiosk/ui/video/shaders

Qt draws through its RHI (OpenGL, Vulkan, Metal, Direct3D) from one shader written in Vulkan-style
GLSL, baked ahead of time into a .qsb pack that holds a variant for each (kiosk/ui/video/i420_rhi_node.py
loads them). The packs are committed beside their sources, so neither the kiosk's setup nor its
installers need the baker; ``sources.sha256`` records which sources they were baked from, and a test
fails when a source changed without its pack. (The test cannot compare the packs themselves: two bakes
of the same source differ by a few bytes, seen here, so only bake again when a source changed.)

qsb comes with Qt's shader tools: Debian's ``qt6-shader-baker`` (/usr/lib/qt6/bin/qsb; its packs, of
Qt 6.4, load in any later Qt 6) or a full PySide6 install (PySide6-Essentials has no qsb).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHADERS = ROOT / "kiosk" / "ui" / "video" / "shaders"
RECORD = SHADERS / "sources.sha256"
#: Every variant Qt Quick's RHI backends may ask for: OpenGL ES 2 and 3, OpenGL 2.1 and 3.2+ core,
#: Direct3D 11 (HLSL 5.0), Metal, and Vulkan's SPIR-V (always made).
TARGETS = ["--glsl", "100 es,120,150", "--hlsl", "50", "--msl", "12"]


def sources(folder: Path = SHADERS) -> list[Path]:
    return sorted([*folder.glob("*.vert"), *folder.glob("*.frag")])


def record(folder: Path = SHADERS) -> str:
    """The lines of ``sources.sha256``: each source's digest and name, as ``sha256sum`` writes them."""
    return "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in sources(folder))


def _qsb() -> str:
    import PySide6  # where a full PySide6 keeps its qsb (PySide6-Essentials has the wrapper only)

    bundled = Path(PySide6.__file__).with_name("qsb")
    for candidate in (shutil.which("qsb"), "/usr/lib/qt6/bin/qsb", str(bundled)):
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit("qsb not found: apt install qt6-shader-baker")


def main() -> int:
    qsb = _qsb()
    for source in sources():
        subprocess.run([qsb, *TARGETS, "-o", str(source.with_name(source.name + ".qsb")), str(source)], check=True)
        print(f"baked {source.name}.qsb")
    RECORD.write_text(record())
    return 0


if __name__ == "__main__":
    sys.exit(main())
