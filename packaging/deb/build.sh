#!/usr/bin/env bash
# Builds the kiosk's .deb in one command: dist/kiosk_<version>_<arch>.deb
#   packaging/deb/build.sh                 build the bundle (packaging/build_bundle.sh), then the .deb
#   packaging/deb/build.sh --reuse-bundle  use dist/kiosk as it is
#   packaging/deb/build.sh --version 0.1.0-2 --fast   (fast: gzip -1, for tests)
#   packaging/deb/build.sh --zstd          faster to pack than the default xz, but lintian (Debian 12)
#                                          calls a zstd .deb malformed, and dpkg < 1.21.18 cannot open it
#   packaging/deb/build.sh --maintainer "Name <address>"   the package's Maintainer (also the
#                                          changelog's signature). Else KIOSK_MAINTAINER, else Debian's
#                                          DEBFULLNAME and DEBEMAIL, else the project's placeholder.
# Beside the .deb: kiosk_<version>_<arch>.cdx.json, its software bill of materials (CycloneDX).
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
maintainer="${KIOSK_MAINTAINER:-}"
if [ -z "$maintainer" ] && [ -n "${DEBEMAIL:-}" ]; then
  maintainer="${DEBFULLNAME:-kiosk maintainers} <${DEBEMAIL}>"
fi
# xz: what Debian's own packages use, and what lintian accepts (zstd members are "malformed-deb-archive").
compress=(-Zxz -z6)
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse-bundle) reuse=1 ;;
    --version) version="$2"; shift ;;
    --fast) compress=(-Zgzip -z1) ;;
    --xz) compress=(-Zxz -z6) ;;  # the default; kept so that older command lines still work
    --zstd) compress=(-Zzstd -z15) ;;
    --maintainer) maintainer="$2"; shift ;;
    *) echo "usage: $0 [--reuse-bundle] [--version VERSION] [--fast|--xz|--zstd] [--maintainer 'Name <address>']" >&2; exit 2 ;;
  esac
  shift
done

# Placeholder for builds nobody signs (tests, local tries); a package handed on names a real person.
maintainer="${maintainer:-kiosk maintainers <kiosk-maintainers@example.org>}"
if ! printf '%s' "$maintainer" | grep -Eq '^[^<>]+ <[^@<> ]+@[^@<> ]+\.[^@<> ]+>$'; then
  echo "build.sh: maintainer must be 'Name <user@host.domain>', not '$maintainer'" >&2
  exit 2
fi

if [ "$reuse" = 0 ] || [ ! -x "$dist/kiosk/kiosk" ]; then
  packaging/build_bundle.sh
fi
if [ ! -f "$dist/kiosk/licenses/copyright" ] || [ ! -f "$dist/kiosk.cdx.json" ]; then
  echo "build.sh: $dist/kiosk has no licences or SBOM (built before they were gathered): rebuild it" >&2
  exit 1
fi
version="${version:-$("$python" -c 'import kiosk; print(kiosk.__version__)')-1}"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-deb.XXXXXX")/kiosk_${version}_${arch}"
trap 'rm -rf "$(dirname "$stage")"' EXIT
deb="$dist/kiosk_${version}_${arch}.deb"

doc="$stage/usr/share/doc/kiosk"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/lib/systemd/user" \
  "$stage/etc/xdg/autostart" "$doc" "$stage/usr/share/man/man1" "$stage/usr/share/lintian/overrides"
cp -a "$dist/kiosk" "$stage/opt/kiosk"
# Modes as Debian wants them, whatever the build left: folders 755, files 644 (shared libraries and
# Python extensions included: the loader maps them, it never executes them), the program 755.
find "$stage/opt/kiosk" -type d -exec chmod 0755 {} +
find "$stage/opt/kiosk" -type f -exec chmod 0644 {} +
chmod 0755 "$stage/opt/kiosk/kiosk"
install -m 755 packaging/deb/kiosk.sh "$stage/usr/bin/kiosk"
install -m 644 packaging/deb/kiosk.service "$stage/usr/lib/systemd/user/kiosk.service"
install -m 644 packaging/deb/kiosk.desktop "$stage/etc/xdg/autostart/kiosk.desktop"
install -m 644 packaging/README.md "$doc/README.md"
install -m 644 packaging/deb/lintian-overrides "$stage/usr/share/lintian/overrides/kiosk"
install -m 755 packaging/deb/postinst packaging/deb/postrm "$stage/DEBIAN/"
echo /etc/xdg/autostart/kiosk.desktop > "$stage/DEBIAN/conffiles"

# Manual pages from the argument parser; the licences as gathered for the bundle, under /opt/kiosk.
"$python" packaging/deb/manpages.py "$stage/usr/share/man/man1" >/dev/null
gzip -9n "$stage"/usr/share/man/man1/*.1
"$python" packaging/licences/dep5.py rebase "$dist/kiosk/licenses/copyright" opt/kiosk > "$doc/copyright"
# Debian's changelog: this build's entry, signed by the maintainer, dated by SOURCE_DATE_EPOCH if set.
commit="$(git -C . describe --always --dirty 2>/dev/null || echo unknown)"
{
  echo "kiosk ($version) unstable; urgency=medium"
  echo
  echo "  * kiosk ${version%-*}, packaged from commit $commit."
  echo "  * Bundle in /opt/kiosk; licences in /usr/share/doc/kiosk/copyright and"
  echo "    /opt/kiosk/licenses."
  echo
  echo " -- $maintainer  $(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} > "$doc/changelog.Debian"
gzip -9n "$doc/changelog.Debian"
chmod 0644 "$doc"/* "$stage"/usr/share/man/man1/*

(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
depends="$("$python" packaging/deb/depends.py "$stage/opt/kiosk")"
installed_kb="$(du -sk --apparent-size "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: kiosk
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_kb
Depends: $depends, adduser
Recommends: fonts-noto-core, fonts-dejavu-core, systemd, espeak-ng
Section: misc
Priority: optional
Homepage: https://example.org/kiosk
Description: full-screen touchscreen exhibition kiosk
 Shows an exhibition (text, pictures, timelines, video excerpts with
 captions) in French, English and Arabic on a touchscreen, and keeps
 running for days unattended. Bundles its own Python, Qt and libVLC in
 /opt/kiosk. Staff edit the exhibition in /var/lib/kiosk/exhibition;
 "kiosk doctor" checks the machine before opening day.
CONTROL

SECONDS=0
dpkg-deb --root-owner-group "${compress[@]}" --build "$stage" "$deb" >/dev/null
cp "$dist/kiosk.cdx.json" "${deb%.deb}.cdx.json"
echo "deb: $deb $(du -m "$deb" | cut -f1) MB (installed $((installed_kb / 1024)) MB), packed in ${SECONDS} s"
echo "maintainer: $maintainer; SBOM: ${deb%.deb}.cdx.json"
