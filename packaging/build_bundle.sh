#!/usr/bin/env bash
# Builds the one-folder bundle dist/kiosk with PyInstaller, checks it, gathers the licences of
# everything in it (dist/kiosk/licenses), writes its bill of materials (dist/kiosk.cdx.json), and
# says how big it is.
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
# Every file's licence into dist/kiosk/licenses (fails on a file with no known licence), then the SBOM.
"$python" packaging/licences/gather.py "$dist/kiosk" "$work/kiosk/bundle-manifest.json"
"$python" packaging/licences/sbom.py "$dist/kiosk" "$dist/kiosk.cdx.json"
echo "build time: ${build_seconds} s"
