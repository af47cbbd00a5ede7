#!/bin/sh
# /usr/bin/kiosk: the bundle in /opt/kiosk, showing the staff's exhibition unless told otherwise.
: "${KIOSK_EXHIBITION:=/var/lib/kiosk/exhibition/exhibition.yaml}"
export KIOSK_EXHIBITION
exec /opt/kiosk/kiosk "$@"
