#!/usr/bin/env bash
# Sets up kiosk and starts it, full screen, on the bundled exhibition (or the one given).
# Extra arguments go to `kiosk run`, e.g. scripts/kiosk.sh --windowed --size 1920x1080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
# What the listen control says, rendered ahead of time; only changed texts are rendered again.
.venv/bin/kiosk speak config/exhibition.yaml || echo "kiosk: speech could not be rendered; the listen control stays silent"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "kiosk: no display found; starting on a virtual screen (Xvfb). Set DISPLAY to use a real screen."
  export QT_QUICK_BACKEND=software
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/kiosk run "$@"
fi
exec .venv/bin/kiosk run "$@"
