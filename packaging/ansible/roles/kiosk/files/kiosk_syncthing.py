#!/usr/bin/env python3
"""Set up one Syncthing instance for a kiosk fleet, idempotently, by editing its config.xml while it is stopped.

The publisher shares one folder send-only; every kiosk receives it receive-only (local changes on a
kiosk never travel back, and Syncthing flags them). Discovery, relays, NAT traversal, usage
reports, crash reports and upgrades are off: peers are introduced by device ID with explicit
addresses, so a fleet works on a closed network and nothing calls out. Standard library only:
the Ansible role runs it on the target, the fleet's end-to-end test runs it too.

    kiosk_syncthing.py --home DIR --folder-path PATH --folder-type receiveonly \
        --listen tcp://0.0.0.0:22000 --gui 127.0.0.1:8384 [--apikey KEY] [--keep-peers] \
        --peer DEVICE-ID=tcp://publisher.example.org:22000 [--peer ...]

Prints one JSON line: {"changed": true|false, "device_id": "..."}. Exit 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER_ID = "kiosk-content"

OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "startBrowser": "false",
    "urAccepted": "-1",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
}


def generate(home: Path, syncthing: str) -> None:
    subprocess.run([syncthing, "generate", f"--home={home}", "--no-default-folder"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def device_id(home: Path, syncthing: str) -> str:
    out = subprocess.run([syncthing, "serve", f"--home={home}", "--device-id"], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def _set(parent: ET.Element, tag: str, text: str) -> bool:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    if node.text != text:
        node.text = text
        return True
    return False


def _set_list(parent: ET.Element, tag: str, texts: list[str]) -> bool:
    current = [node.text for node in parent.findall(tag)]
    if current == texts:
        return False
    for node in parent.findall(tag):
        parent.remove(node)
    for text in texts:
        ET.SubElement(parent, tag).text = text
    return True


def configure(root: ET.Element, args: argparse.Namespace, own_id: str) -> bool:
    changed = False
    gui = root.find("gui")
    assert gui is not None
    changed |= _set(gui, "address", args.gui)
    if args.apikey:
        changed |= _set(gui, "apikey", args.apikey)
    options = root.find("options")
    assert options is not None
    for key, value in OPTIONS.items():
        changed |= _set(options, key, value)
    changed |= _set_list(options, "listenAddress", [args.listen])
    peers = dict(peer.split("=", 1) for peer in args.peer)
    wanted_devices = {own_id: ["dynamic"], **{peer: [address] for peer, address in peers.items()}}
    if args.keep_peers:  # the publisher: add kiosks, never drop one another play added
        for device in root.findall("device"):
            wanted_devices.setdefault(device.get("id", ""), [a.text or "dynamic" for a in device.findall("address")])
    for device in root.findall("device"):
        if device.get("id") not in wanted_devices:
            root.remove(device)
            changed = True
    for peer, addresses in wanted_devices.items():
        device = next((d for d in root.findall("device") if d.get("id") == peer), None)
        if device is None:
            device = ET.Element("device", {"id": peer, "name": "" if peer == own_id else peer[:7],
                                           "compression": "metadata", "introducer": "false"})
            anchor = list(root).index(root.find("gui")) if root.find("gui") is not None else len(root)
            root.insert(anchor, device)
            _set(device, "paused", "false")
            _set(device, "autoAcceptFolders", "false")
            changed = True
        if peer == own_id and args.name and device.get("name") != args.name:
            device.set("name", args.name)
            changed = True
        changed |= _set_list(device, "address", addresses)
    folder = next((f for f in root.findall("folder") if f.get("id") == FOLDER_ID), None)
    if folder is None:
        folder = ET.Element("folder", {"id": FOLDER_ID, "label": "Kiosk content"})
        root.insert(0, folder)
        ET.SubElement(folder, "filesystemType").text = "basic"
        changed = True
    attributes = {
        "path": str(args.folder_path),
        "type": args.folder_type,
        "rescanIntervalS": "3600",
        "fsWatcherEnabled": "true",
        "fsWatcherDelayS": str(args.watch_delay),
        "ignorePerms": "false",
        "autoNormalize": "true",
    }
    for key, value in attributes.items():
        if folder.get(key) != value:
            folder.set(key, value)
            changed = True
    shared = sorted(wanted_devices)
    if sorted(d.get("id", "") for d in folder.findall("device")) != shared:
        for device in folder.findall("device"):
            folder.remove(device)
        for peer in shared:
            ET.SubElement(folder, "device", {"id": peer, "introducedBy": ""})
        changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--folder-path", type=Path, required=True)
    parser.add_argument("--folder-type", choices=("sendonly", "receiveonly"), required=True)
    parser.add_argument("--listen", required=True, help="tcp://ADDRESS:PORT")
    parser.add_argument("--gui", required=True, help="ADDRESS:PORT of the GUI and REST API (keep it on 127.0.0.1)")
    parser.add_argument("--apikey", default="", help="the REST API key (default: keep the generated one)")
    parser.add_argument("--keep-peers", action="store_true",
                        help="keep devices already configured (the publisher, which gains kiosks over time)")
    parser.add_argument("--peer", action="append", default=[], metavar="DEVICE-ID=tcp://ADDRESS:PORT")
    parser.add_argument("--name", default="")
    parser.add_argument("--watch-delay", type=int, default=2, help="seconds the file watcher waits for quiet")
    parser.add_argument("--syncthing", default="syncthing")
    args = parser.parse_args(argv)
    if any("=" not in peer for peer in args.peer):
        parser.error("--peer is DEVICE-ID=tcp://ADDRESS:PORT")
    config = args.home / "config.xml"
    generated = not config.exists()
    if generated:
        args.home.mkdir(parents=True, exist_ok=True)
        generate(args.home, args.syncthing)
    own_id = device_id(args.home, args.syncthing)
    tree = ET.parse(config)
    changed = configure(tree.getroot(), args, own_id) or generated
    if changed:
        ET.indent(tree, space="    ")
        temporary = config.with_suffix(".xml.kiosk-tmp")
        tree.write(temporary, encoding="unicode")
        os.replace(temporary, config)
    marker = args.folder_path / ".stfolder"
    if not marker.exists():
        marker.mkdir(parents=True, exist_ok=True)
        changed = True
    print(json.dumps({"changed": changed, "device_id": own_id}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
