#!/usr/bin/env bash
# Downloads the corresponding source of every copyleft component of a built bundle, as its written
# offer (licenses/SOURCES.txt) promises: Debian's source packages of exactly the bundled versions,
# and the source releases of the copyleft Python distributions.
# Usage: packaging/fetch_sources.sh [BUNDLE] [OUTPUT] [NAME...]
#   BUNDLE  default dist/kiosk          OUTPUT  default dist/kiosk-sources
#   NAME    only these components (e.g. libavcodec59), default every copyleft one
# Needs network access to Debian's archive and PyPI. Versions no longer in the archive are named at
# the end with their address on snapshot.debian.org, which keeps every version ever published.
# Qt's and PySide6's source (the LGPL-3.0 offer in licenses/qt/NOTICE.txt) is not fetched: it has no
# release on PyPI, and Qt's is 1 GB, at download.qt.io.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
bundle="${1:-dist/kiosk}"
out="${2:-dist/kiosk-sources}"
shift $(( $# > 2 ? 2 : $# ))
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# "kind name source version" for each copyleft component (one line per Debian source package).
mapfile -t wanted < <("$python" - "$bundle/licenses/components.json" "$@" <<'PY'
import json, sys
components = json.load(open(sys.argv[1]))["components"]
only = set(sys.argv[2:])
seen = set()
for c in components:
    if not c["copyleft"] or (only and c["name"] not in only):
        continue
    if c["kind"] == "debian":
        source, version = c["source"].removeprefix("Debian source package ").split(" ", 1)
        line = f"debian {source} {version}"
    elif c["kind"] == "python" and not c["name"].lower().startswith(("pyside6", "shiboken6")):
        line = f"python {c['name']} {c['version']}"
    else:
        continue
    if line not in seen:
        seen.add(line)
        print(line)
PY
)

# Debian: a private apt configuration with deb-src entries for the system's own archives.
apt_dir="$(mktemp -d)"
trap 'rm -rf "$apt_dir"' EXIT
mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts"
for sources in /etc/apt/sources.list.d/*.sources; do
  [ -e "$sources" ] && sed 's/^Types:.*/Types: deb-src/' "$sources" > "$apt_dir/parts/$(basename "$sources")"
done
if [ -f /etc/apt/sources.list ]; then
  sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$apt_dir/parts/main.list"
fi
apt_options=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/parts"
  -o "Dir::State::Lists=$apt_dir/lists" -o "APT::Get::Download-Only=true")
# As root, apt would hand the download to its _apt user, who cannot write into a private folder.
[ "$(id -u)" -eq 0 ] && apt_options+=(-o "APT::Sandbox::User=root")
apt-get "${apt_options[@]}" -qq update

missing=()
for line in "${wanted[@]}"; do
  read -r kind name version <<<"$line"
  case "$kind" in
    debian)
      if ! (cd "$out" && apt-get "${apt_options[@]}" -qq source --download-only "$name=$version" >/dev/null 2>&1); then
        missing+=("$name $version: https://snapshot.debian.org/package/$name/$version/")
      fi ;;
    python)
      if ! "$python" -m pip download -q --no-deps --no-binary :all: -d "$out" "$name==$version" 2>/dev/null; then
        missing+=("$name $version: https://pypi.org/project/$name/$version/#files")
      fi ;;
  esac
done
echo "sources: $(find "$out" -maxdepth 1 -type f | wc -l) files in $out ($(du -sm "$out" | cut -f1) MB)"
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'not fetched (get them from):\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
