"""The Debian packages a built bundle needs from the system (the libraries PyInstaller leaves out).

Usage: python packaging/deb/depends.py /path/to/kiosk-bundle  -> "libc6, libegl1, ..."
Every shared object in the bundle is run through ldd; what resolves outside the bundle is
mapped to its package with dpkg -S. Like dpkg-shlibdeps, without needing a debian/ folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "licences"))
from gather import dpkg_owners  # the same file -> package lookup the licences use


def outside_libraries(bundle: Path) -> set[str]:
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    found: set[str] = set()
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    elves = [p for p in files if ".so" in p.name or (os.access(p, os.X_OK) and p.read_bytes()[:4] == b"\x7fELF")]
    for path in elves:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        for line in out.splitlines():
            if "=>" not in line:
                continue
            target = line.split("=>", 1)[1].split("(")[0].strip()
            if target.startswith("/") and not Path(target).resolve().is_relative_to(bundle.resolve()):
                found.add(target)
    return found


def main(argv: list[str]) -> int:
    bundle = Path(argv[1])
    libraries = sorted(outside_libraries(bundle))
    owners = dpkg_owners(libraries)
    packages = set(owners.values())
    unknown = [library for library in libraries if library not in owners]
    if unknown:
        print("depends: no package owns " + ", ".join(unknown), file=sys.stderr)
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
