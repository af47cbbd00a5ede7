"""Check a built bundle before anyone ships it: every shared object's dependencies resolve.

Usage: python packaging/pyinstaller/check_bundle.py dist/kiosk
Prints the bundle's size; exits 1 listing what is missing. Linux only (uses ldd).
A library dropped by the Qt trimming rules that something kept still needs shows up here,
long before a kiosk fails to start on a museum floor.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def shared_objects(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and ".so" in p.name)


def missing_dependencies(root: Path) -> dict[str, list[str]]:
    internal = root / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    problems: dict[str, list[str]] = {}
    for path in shared_objects(root):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if missing:
            problems[str(path.relative_to(root))] = missing
    return problems


def size_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "dist/kiosk")
    problems = missing_dependencies(root)
    print(f"bundle: {root} {size_bytes(root) / 1e6:.0f} MB, {len(shared_objects(root))} shared objects")
    for name, missing in problems.items():
        print(f"  {name}: cannot find {', '.join(missing)}")
    if problems:
        print(f"bundle check FAILED: {len(problems)} shared objects with unresolved dependencies")
        return 1
    print("bundle check ok: every dependency resolves inside the bundle or on the system")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
