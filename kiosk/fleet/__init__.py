"""A fleet of kiosks fed from one place: publishing, taking, metrics and announcements.

The engines do the hard parts: Syncthing carries the published folder to every kiosk,
Prometheus watches them, Ansible sets them up (docs/fleet.md). This package is the kiosk's
side of that contract, and imports no Qt except in :mod:`kiosk.fleet.qt_hook`:

- :mod:`kiosk.fleet.manifest`: the list of every published file with its SHA-256, written last;
- :mod:`kiosk.fleet.publish`: ``kiosk publish``: validate, copy, manifest;
- :mod:`kiosk.fleet.take`: on a kiosk, take a publish only when it has arrived whole, stage it,
  validate it again and switch to it atomically, keeping the last good one;
- :mod:`kiosk.fleet.announcements`: a message for every screen, with an expiry;
- :mod:`kiosk.fleet.metrics`: the Prometheus endpoint of ``kiosk run --metrics``.
"""
