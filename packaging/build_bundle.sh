#!/usr/bin/env bash
# Builds the one-folder bundle dist/kiosk with PyInstaller, checks it, and says how big it is.
# Usage: packaging/build_bundle.sh            (from anywhere; uses the checkout's .venv)
# Needs: scripts/setup.sh test (PyInstaller), libvlc5 + vlc-plugin-base (the libVLC it bundles).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
SECONDS=0
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/pyinstaller/kiosk.spec
build_seconds=$SECONDS
"$python" packaging/pyinstaller/check_bundle.py dist/kiosk
echo "build time: ${build_seconds} s"
