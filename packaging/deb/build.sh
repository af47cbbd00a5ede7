#!/usr/bin/env bash
# Builds the kiosk's .deb in one command: dist/kiosk_<version>_<arch>.deb
#   packaging/deb/build.sh                 build the bundle (packaging/build_bundle.sh), then the .deb
#   packaging/deb/build.sh --reuse-bundle  use dist/kiosk as it is
#   packaging/deb/build.sh --version 0.1.0-2 --fast   (fast: gzip -1, for tests)
#   packaging/deb/build.sh --xz            smallest file (64 MB, 3 min) instead of zstd (78 MB, 1 min);
#                                          zstd needs dpkg >= 1.21.18 (Debian 12, Ubuntu 22.04) on the kiosk
# Layout: bundle in /opt/kiosk, /usr/bin/kiosk, user unit kiosk.service, XDG autostart entry;
# the staff's exhibition is created by postinst in /var/lib/kiosk/exhibition on first install only.
# KIOSK_DIST (default dist) is where the bundle is and where the .deb goes.
set -euo pipefail
umask 022
cd "$(dirname "$0")/../.."
python="${PYTHON:-.venv/bin/python}"
dist="${KIOSK_DIST:-dist}"
reuse=0
version=""
compress=(-Zzstd -z15)
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse-bundle) reuse=1 ;;
    --version) version="$2"; shift ;;
    --fast) compress=(-Zgzip -z1) ;;
    --xz) compress=(-Zxz -z6) ;;
    *) echo "usage: $0 [--reuse-bundle] [--version VERSION] [--fast|--xz]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$reuse" = 0 ] || [ ! -x "$dist/kiosk/kiosk" ]; then
  packaging/build_bundle.sh
fi
version="${version:-$("$python" -c 'import kiosk; print(kiosk.__version__)')-1}"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-deb.XXXXXX")/kiosk_${version}_${arch}"
trap 'rm -rf "$(dirname "$stage")"' EXIT
deb="$dist/kiosk_${version}_${arch}.deb"

mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/lib/systemd/user" \
  "$stage/etc/xdg/autostart" "$stage/usr/share/doc/kiosk"
cp -a "$dist/kiosk" "$stage/opt/kiosk"
install -m 755 packaging/deb/kiosk.sh "$stage/usr/bin/kiosk"
install -m 644 packaging/deb/kiosk.service "$stage/usr/lib/systemd/user/kiosk.service"
install -m 644 packaging/deb/kiosk.desktop "$stage/etc/xdg/autostart/kiosk.desktop"
install -m 644 packaging/README.md "$stage/usr/share/doc/kiosk/README.md"
install -m 755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$stage/DEBIAN/"
echo /etc/xdg/autostart/kiosk.desktop > "$stage/DEBIAN/conffiles"

depends="$("$python" packaging/deb/depends.py "$stage/opt/kiosk")"
installed_kb="$(du -sk --apparent-size "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: kiosk
Version: $version
Architecture: $arch
Maintainer: kiosk maintainers <kiosk@localhost>
Installed-Size: $installed_kb
Depends: $depends, adduser
Recommends: fonts-noto-core, fonts-dejavu-core, systemd, espeak-ng
Section: misc
Priority: optional
Homepage: https://example.org/kiosk
Description: full-screen touchscreen exhibition kiosk
 Shows an exhibition (text, pictures, timelines, video excerpts with captions) in
 French, English and Arabic on a touchscreen, and keeps running for days unattended.
 Bundles its own Python, Qt and libVLC in /opt/kiosk. Staff edit the exhibition in
 /var/lib/kiosk/exhibition; "kiosk doctor" checks the machine before opening day.
CONTROL

SECONDS=0
dpkg-deb --root-owner-group "${compress[@]}" --build "$stage" "$deb" >/dev/null
echo "deb: $deb $(du -m "$deb" | cut -f1) MB (installed $((installed_kb / 1024)) MB), packed in ${SECONDS} s"
