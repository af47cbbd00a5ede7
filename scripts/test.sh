#!/usr/bin/env bash
# Sets up kiosk with its test tools and runs the whole suite: lint, format, types, QML lint, tests.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/loader -x (or -n 0 for one process)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check kiosk tests bench tools
echo "== ruff format"; .venv/bin/ruff format --check kiosk tests bench tools
echo "== mypy"; .venv/bin/mypy
echo "== qmllint"; .venv/bin/python tools/qmllint.py --quiet
# Two processes, a test file each (docs/decisions/0064): the suite mostly waits on kiosks, films
# and Xvfb, and takes half the time so; "-n 0" after it runs in one process. A worker that crashes
# fails the run at once: replacing it hangs pytest-xdist 3.8 under --dist=loadfile.
echo "== pytest"; .venv/bin/python -m pytest -p no:cacheprovider --numprocesses=2 --dist=loadfile --max-worker-restart=0 "$@"
