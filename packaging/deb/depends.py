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


def owning_package(path: str) -> str | None:
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.replace("/usr/lib/", "/lib/", 1) for c in candidates if c.startswith("/usr/lib/")]
    candidates += ["/usr" + c for c in candidates if c.startswith("/lib")]
    for candidate in candidates:
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    return None


def main(argv: list[str]) -> int:
    bundle = Path(argv[1])
    packages = set()
    unknown = []
    for library in sorted(outside_libraries(bundle)):
        package = owning_package(library)
        if package:
            packages.add(package)
        else:
            unknown.append(library)
    if unknown:
        print("depends: no package owns " + ", ".join(unknown), file=sys.stderr)
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
