"""The Ansible playbook (publisher, kiosk and monitoring roles) applied for real to a fresh Debian 12
(a debootstrap chroot reached over SSH on loopback), twice: the second run reports no change.

The kiosk .deb is a stand-in made here with dpkg-deb (the real one takes a PyInstaller build;
set KIOSK_TEST_DEB to a built one to use it): the role's handling of the package is what is
under test. Services are not started (no systemd runs in a chroot); the desktop packages are
left out to keep the run short (``kiosk_install_desktop: false``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .chroot_target import ChrootTarget, can_build

pytestmark = [
    pytest.mark.slow,
    pytest.mark.no_qt_log,
    pytest.mark.timeout(1500),
    pytest.mark.skipif(bool(can_build()), reason=can_build() or "ok"),
]

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "packaging" / "ansible"
PIN = {"format": "kiosk-staff-pin/1", "kdf": "scrypt", "n": 16384, "r": 8, "p": 1, "salt": "00" * 16, "hash": "11" * 32}


def device_id(config: str) -> str:
    """A Syncthing config's own device: the one its folder shares with that has the address 'dynamic'."""
    match = re.search(r'<device id="([A-Z0-9-]{63})"[^>]*>\s*<address>dynamic</address>', config)
    assert match, config[:2000]
    return match.group(1)


def stand_in_deb(folder: Path) -> Path:
    stage = folder / "deb"
    (stage / "DEBIAN").mkdir(parents=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/lib/systemd/user").mkdir(parents=True)
    (stage / "usr/bin/kiosk").write_text("#!/bin/sh\necho 'kiosk stand-in for the role test'\n")
    os.chmod(stage / "usr/bin/kiosk", 0o755)
    shutil.copy(ROOT / "packaging/deb/kiosk.service", stage / "usr/lib/systemd/user/kiosk.service")
    (stage / "DEBIAN/control").write_text(
        "Package: kiosk\nVersion: 0.0.0~roletest\nArchitecture: all\nMaintainer: Kiosk <kiosk@example.org>\n"
        "Description: stand-in for the Ansible role test\n"
    )
    deb = folder / "kiosk_roletest_all.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(deb)], check=True, capture_output=True)
    return deb


def playbook(inventory: Path, log: Path) -> dict[str, int]:
    env = {
        **os.environ,
        "ANSIBLE_CONFIG": str(ANSIBLE / "ansible.cfg"),
        # One connection reused for the whole run, its socket in the test's folder (it ends with sshd).
        "ANSIBLE_SSH_ARGS": "-o ControlMaster=auto -o ControlPersist=30s",
        "ANSIBLE_SSH_CONTROL_PATH_DIR": str(log.parent / "cp"),
        "ANSIBLE_HOST_KEY_CHECKING": "False",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_FORCE_COLOR": "0",
    }
    binary = Path(sys.executable).with_name("ansible-playbook")
    started = time.monotonic()
    run = subprocess.run(
        [str(binary), "-i", str(inventory), "site.yml"],
        cwd=ANSIBLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    seconds = time.monotonic() - started
    log.write_text(run.stdout + run.stderr)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    recap = re.search(
        r"^target\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", run.stdout, re.MULTILINE
    )
    assert recap, run.stdout[-2000:]
    ok, changed, unreachable, failed = map(int, recap.groups())
    return {"ok": ok, "changed": changed, "unreachable": unreachable, "failed": failed, "seconds": round(seconds)}


def test_the_target_signals_its_own_processes_only(tmp_path: Path) -> None:
    """A package's maintainer script in the target reaches the target's processes, never the machine's.
    Debian's syncthing postinst runs ``pkill -HUP -x syncthing``: from a target sharing the machine's
    processes, the role's run ended every Syncthing on the machine, a fleet test's beside it included."""
    sentinel = tmp_path / "kiosk-sentinel"  # a name no other process has
    shutil.copy(shutil.which("sleep") or "/bin/sleep", sentinel)
    machines = subprocess.Popen([str(sentinel), "600"])
    target = ChrootTarget(tmp_path / "target")
    try:
        target.make()
        target.start()
        signalled = target.ssh("pkill -HUP -x kiosk-sentinel")
        assert signalled.returncode == 1, f"pkill in the target found the machine's process: {signalled}"
        assert machines.poll() is None
    finally:
        target.stop()
        machines.kill()
        machines.wait(10)


def test_the_role_turns_a_fresh_debian_into_a_kiosk_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    deb = Path(os.environ["KIOSK_TEST_DEB"]) if os.environ.get("KIOSK_TEST_DEB") else stand_in_deb(tmp_path)
    target = ChrootTarget(tmp_path)
    target.make()
    target.seed_apt()
    inventory = tmp_path / "inventory.json"
    inventory.write_text(
        json.dumps(
            {
                "kiosks": {
                    "hosts": {
                        "target": {
                            "ansible_host": "127.0.0.1",
                            "ansible_port": target.port,
                            "ansible_user": "root",
                            "ansible_ssh_private_key_file": str(target.key),
                            "ansible_ssh_common_args": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
                        }
                    },
                    "vars": {
                        "kiosk_deb": str(deb),
                        "kiosk_site": "test",
                        "kiosk_install_desktop": False,
                        "kiosk_manage_services": False,
                        "kiosk_monitoring_hosts": ["127.0.0.2"],
                        "kiosk_pin_hash": PIN,
                    },
                },
                # The same machine is the publisher too: site.yml's three plays hand the device IDs both ways.
                "publisher": {"hosts": {"target": {}}, "vars": {"kiosk_manage_services": False}},
                # ... and the monitoring host: Prometheus' targets written from the inventory, checked by promtool.
                "monitoring": {"hosts": {"target": {}}, "vars": {"kiosk_manage_services": False}},
            }
        )
    )
    target.start()
    try:
        first = playbook(inventory, tmp_path / "first-run.log")
        second = playbook(inventory, tmp_path / "second-run.log")
        print(f"\nfirst run {first}, second run {second}")
        assert first["changed"] > 10 and first["failed"] == 0
        assert second["changed"] == 0, (tmp_path / "second-run.log").read_text()[-4000:]

        root = target.root
        assert re.search(r"^kiosk:", (root / "etc/passwd").read_text(), re.MULTILINE)
        assert "autologin-user=kiosk" in (root / "etc/lightdm/lightdm.conf.d/50-kiosk-autologin.conf").read_text()
        assert '"BlankTime" "0"' in (root / "etc/X11/xorg.conf.d/10-kiosk-no-blanking.conf").read_text()
        unit = (root / "etc/systemd/user/kiosk.service.d/fleet.conf").read_text()
        assert "--fleet /var/lib/kiosk/fleet/received" in unit and "--metrics 0.0.0.0:9310" in unit
        assert os.readlink(root / "etc/systemd/user/graphical-session.target.wants/kiosk.service") == (
            "/usr/lib/systemd/user/kiosk.service"
        )
        assert target.ssh("dpkg-query -W -f='${Version}' kiosk").stdout == "0.0.0~roletest"
        pin = root / "home/kiosk/.config/kiosk/staff-pin.json"
        assert json.loads(pin.read_text()) == PIN and pin.stat().st_mode & 0o777 == 0o600
        config = (root / "home/kiosk/.config/syncthing/config.xml").read_text()
        publisher = (root / "home/kiosk-publisher/.config/syncthing/config.xml").read_text()
        publisher_id = device_id(publisher)
        kiosk_id = device_id(config)
        assert re.search(r'<folder id="kiosk-content"[^>]*type="receiveonly"', config)
        assert re.search(r'<folder id="kiosk-content"[^>]*path="/srv/kiosk-publish"[^>]*type="sendonly"', publisher)
        assert f'<device id="{publisher_id}"' in config and "<address>tcp://target:22000</address>" in config
        assert f'<device id="{kiosk_id}"' in publisher and "<address>tcp://127.0.0.1:22000</address>" in publisher
        assert "<globalAnnounceEnabled>false</globalAnnounceEnabled>" in config
        assert "<relaysEnabled>false</relaysEnabled>" in config
        firewall = (root / "etc/kiosk/metrics-firewall.nft").read_text()
        assert "tcp dport 9310 ip saddr 127.0.0.2 accept" in firewall
        assert (root / "etc/systemd/system/multi-user.target.wants/syncthing@kiosk.service").is_symlink()
        owner = target.ssh("stat -c %U /home/kiosk/.config/syncthing/config.xml /var/lib/kiosk/fleet/received")
        assert owner.stdout.split() == ["kiosk", "kiosk"]
        prometheus = (root / "etc/prometheus/prometheus.yml").read_text()
        assert '- targets: ["127.0.0.1:9310"]' in prometheus and 'site: "test"' in prometheus
        assert (root / "etc/prometheus/kiosk-alerts.yml").read_text() == (
            ROOT / "packaging/prometheus/kiosk-alerts.yml"
        ).read_text()
        assert target.ssh("promtool check config /etc/prometheus/prometheus.yml").returncode == 0
        checked = target.ssh("nft -c -f /etc/kiosk/metrics-firewall.nft && echo valid")
        assert "valid" in checked.stdout or "Operation not permitted" in checked.stderr, checked.stderr
    finally:
        target.stop()
        target.keep_apt()
