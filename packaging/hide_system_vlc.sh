#!/bin/sh
# Runs a command with the system's libVLC hidden, to prove a bundle carries its own:
#   packaging/hide_system_vlc.sh dist/kiosk/kiosk doctor --smoke
# In a private mount namespace (root, util-linux unshare): an empty tmpfs over VLC's folder
# (plugins, libvlc_pulse) and /dev/null over libvlc and libvlccore. Nothing outside changes.
set -eu
exec unshare -m sh -eu -c '
for lib in libvlc.so.5 libvlccore.so.9; do
    for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
        [ -e "$dir/$lib" ] && mount --bind /dev/null "$(readlink -f "$dir/$lib")"
    done
done
for dir in /usr/lib/x86_64-linux-gnu/vlc /usr/lib/aarch64-linux-gnu/vlc /usr/lib64/vlc /usr/lib/vlc; do
    [ -d "$dir" ] && mount -t tmpfs -o ro,size=1k none "$dir"
done
exec "$@"' sh "$@"
