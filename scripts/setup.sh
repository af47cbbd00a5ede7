#!/usr/bin/env bash
# Installs what kiosk needs on Debian or Ubuntu, idempotently: system packages, then a
# virtual environment in .venv with kiosk and its Python dependencies.
# Usage: scripts/setup.sh [run|test]   (test adds the test and packaging tools)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

# libVLC with the codecs (libvlc5 alone has none), Qt's xcb runtime libraries (the xcb
# plugin needs more than the libxcb-cursor0 its error names), fonts that cover French
# and Arabic, a virtual screen for previews and tests, and the offline speech synthesiser
# (espeak-ng: fr, en, ar) that renders what the listen control says (docs/accessibility.md).
run_packages=(
  python3 python3-venv
  libvlc5 vlc-plugin-base
  espeak-ng
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  fonts-noto-core fonts-dejavu-core
  xvfb x11-xserver-utils
)
test_packages=(ffmpeg xdotool x11-utils dbus gcc imagemagick poppler-utils binutils dpkg-dev systemd util-linux weston
  xserver-xorg-core xserver-xorg-video-dummy)  # the last two: real RandR outputs to plug and unplug in tests
# The fleet's engines, for its end-to-end test: file sync, monitoring (with promtool), a chroot to provision.
test_packages+=(syncthing prometheus debootstrap openssh-client)
# Mesa's Vulkan on the CPU (lavapipe): the scene graph's Vulkan path, drawn in the tests as on a card.
test_packages+=(mesa-vulkan-drivers)
# Debian's checks of the .deb the packaging tests build.
test_packages+=(lintian)

packages=("${run_packages[@]}")
[ "$mode" = test ] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $sudo_cmd apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts Prometheus as a service when systemd runs; the fleet tests start their own, on loopback.
  if [[ " ${missing[*]} " == *" prometheus "* ]] && [ -d /run/systemd/system ]; then
    $sudo_cmd systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  fi
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras="."
[ "$mode" = test ] && extras=".[test,package]"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e "$extras"
echo "setup: ready ($(.venv/bin/python --version), $(.venv/bin/python -c 'import PySide6; print("PySide6", PySide6.__version__)'))"
