#!/usr/bin/env bash
# Sets up kiosk with its test tools and runs the whole suite: lint, format, types, QML lint, tests.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/loader -x
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check kiosk tests bench tools
echo "== ruff format"; .venv/bin/ruff format --check kiosk tests bench tools
echo "== mypy"; .venv/bin/mypy
echo "== qmllint"; .venv/bin/python tools/qmllint.py --quiet
echo "== pytest"; .venv/bin/python -m pytest -p no:cacheprovider "$@"
