#!/usr/bin/env bash
# Builds the one-folder bundle dist/kiosk with PyInstaller, checks it, and says how big it is.
# Usage: packaging/build_bundle.sh            (from anywhere; uses the checkout's .venv)
# Needs: scripts/setup.sh test (PyInstaller), libvlc5 + vlc-plugin-base (the libVLC it bundles).
# KIOSK_DIST (default dist) and KIOSK_WORK (default build/pyinstaller) move the output and cache.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
dist="${KIOSK_DIST:-dist}"
work="${KIOSK_WORK:-build/pyinstaller}"
SECONDS=0
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --workpath "$work" --distpath "$dist" packaging/pyinstaller/kiosk.spec
build_seconds=$SECONDS
"$python" packaging/pyinstaller/check_bundle.py "$dist/kiosk"
echo "build time: ${build_seconds} s"
