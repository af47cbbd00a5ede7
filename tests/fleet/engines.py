"""Real Syncthing, Prometheus and kiosk processes on loopback, for the fleet's end-to-end test and benchmark.

Every process gets its own folders and 127.0.0.1 ports, and is ended by its own pid. Syncthing
is set up by the same script the Ansible role runs (packaging/ansible/roles/kiosk/files/
kiosk_syncthing.py): discovery, relays and NAT off, peers introduced by device ID with explicit
127.0.0.1 addresses.
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.fleet.manifest import FileEntry, ManifestError, file_sha256, read_manifest
from kiosk.fleet.publish import publish

from .helpers import make_exhibition

ROOT = Path(__file__).resolve().parents[2]
PAIR_SCRIPT = ROOT / "packaging/ansible/roles/kiosk/files/kiosk_syncthing.py"
ALERT_RULES = ROOT / "packaging/prometheus/kiosk-alerts.yml"
KIOSK = Path(sys.executable).with_name("kiosk")


_handed_out: set[int] = set()
# pytest-xdist's workers (scripts/test.sh runs two) each take their own share of the ports.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_WORKERS = max(1, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))
#: Below Linux's ephemeral range (32768-60999), so that no outgoing connection takes a port
#: between its test and the server that binds it.
_PORTS = range(20000 + _WORKER, 32768, _WORKERS)


def free_port() -> int:
    """A loopback port free now, never handed out before in this process, and of this test
    worker's share. Not the kernel's choice: it may give a port it just gave back to the very next
    ask (two servers were once told the same one: Syncthing's listener and its API), and would
    give the same port to every worker."""
    while True:
        port = random.choice(_PORTS)
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:  # taken
                continue
        _handed_out.add(port)
        return port


def wait_for(
    condition: Callable[[], Any],
    timeout: float,
    what: str,
    interval: float = 0.2,
    *,
    explain: Callable[[], str] | None = None,
) -> Any:
    """``condition()`` once it is true; TimeoutError after ``timeout`` s, followed by ``explain()``
    (what the parts were in then: a failure in CI must tell its own story)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    message = f"waited {timeout:.0f} s for {what}"
    if explain is not None:
        try:
            message += "\n" + explain()
        except Exception as error:  # the explanation must not hide the timeout
            message += f"\n(no explanation: {type(error).__name__}: {error})"
    raise TimeoutError(message)


def _matches(path: Path, entry: FileEntry) -> bool:
    try:
        return path.stat().st_size == entry.size and file_sha256(path) == entry.sha256
    except OSError:
        return False


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 5) -> str | None:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return str(response.read().decode())
    except (urllib.error.URLError, OSError):
        return None


def stop(process: subprocess.Popen[Any], timeout: float = 10) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


#: Syncthing's start-up lines, left out of a failure's explanation.
_STARTUP = re.compile(
    r"database migration|Compacting|My ID|performance|deadlock detector|stored folder metadata|send rate|"
    r"Ready to synchronize|listener|HTTPS certificate|GUI and API|Access the GUI|My name|privileged|"
    r"initial scan|syncthing v\d|Device \S+ is "
)


class Syncthing:
    """One Syncthing instance sharing the kiosk-content folder, send-only or receive-only."""

    def __init__(self, home: Path, folder: Path, folder_type: str, name: str) -> None:
        self.home, self.folder, self.folder_type, self.name = home, folder, folder_type, name
        self.listen = free_port()
        self.gui = free_port()
        self.apikey = secrets.token_hex(16)
        self.device_id = ""
        self.process: subprocess.Popen[Any] | None = None
        self.unanswered_scans: list[str] = []

    def configure(self, peers: list[Syncthing]) -> bool:
        command = [
            sys.executable,
            str(PAIR_SCRIPT),
            "--home",
            str(self.home),
            "--folder-path",
            str(self.folder),
            "--folder-type",
            self.folder_type,
            "--listen",
            f"tcp://127.0.0.1:{self.listen}",
            "--gui",
            f"127.0.0.1:{self.gui}",
            "--apikey",
            self.apikey,
            "--name",
            self.name,
            "--watch-delay",
            "1",
        ]
        for peer in peers:
            command += ["--peer", f"{peer.device_id}=tcp://127.0.0.1:{peer.listen}"]
        out = subprocess.run(command, check=True, capture_output=True, text=True, timeout=60)
        answer = json.loads(out.stdout)
        self.device_id = answer["device_id"]
        return bool(answer["changed"])

    def start(self) -> None:
        env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1"}
        log = open(self.home / "syncthing.log", "ab")  # noqa: SIM115  (closed with the process)
        self.process = subprocess.Popen(
            [
                "syncthing",
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--logflags=3",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        log.close()
        wait_for(lambda: self.rest("/rest/system/ping"), 30, f"{self.name}'s Syncthing API")

    def rest(self, path: str, method: str = "GET") -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}", method=method, headers={"X-API-Key": self.apikey}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                body = response.read().decode()
        except (urllib.error.URLError, OSError):
            return None
        return json.loads(body) if body.strip().startswith(("{", "[")) else body or True

    def connected(self, device_id: str) -> bool:
        connections = self.rest("/rest/system/connections") or {}
        return bool(connections.get("connections", {}).get(device_id, {}).get("connected"))

    def scan(self) -> None:
        """Ask for a scan of the folder now (Syncthing answers once it is done). A request that got no
        answer is remembered for :meth:`describe`: the scan may or may not have happened."""
        if self.rest("/rest/db/scan?folder=kiosk-content", method="POST") is None:
            self.unanswered_scans.append(time.strftime("%H:%M:%S"))

    def describe(self, lines: int = 6) -> str:
        """The folder as Syncthing sees it (scanning, syncing, what it still needs, its errors), its
        connections, and the end of its log without the start-up lines."""
        code = self.process.poll() if self.process is not None else None
        alive = "not started" if self.process is None else "running" if code is None else f"exited with {code}"
        status = self.rest("/rest/db/status?folder=kiosk-content") or {}
        keys = ("state", "stateChanged", "needFiles", "needBytes", "receiveOnlyChangedFiles", "errors", "pullErrors")
        line = ", ".join(f"{key} {status[key]}" for key in keys if key in status) or "no answer"
        last_scan = ((self.rest("/rest/stats/folder") or {}).get("kiosk-content") or {}).get("lastScan", "?")
        connections = (self.rest("/rest/system/connections") or {}).get("connections", {})
        peers = ", ".join(
            f"{peer[:7]} {'up' if c.get('connected') else 'down'}"
            for peer, c in connections.items()
            if peer != self.device_id
        )
        parts = [f"{self.name}'s Syncthing ({alive}): {line}; last scan {last_scan}; peers {peers or 'none'}"]
        if self.unanswered_scans:
            parts.append(f"  scan requests that got no answer: {', '.join(self.unanswered_scans)}")
        errors = (self.rest("/rest/folder/errors?folder=kiosk-content") or {}).get("errors") or []
        parts += [f"  {e.get('path')}: {e.get('error')}" for e in errors[:5]]
        try:
            log = (self.home / "syncthing.log").read_text(errors="replace").splitlines()
        except OSError:
            log = []
        after_start = [entry for entry in log if not _STARTUP.search(entry)][-lines:]
        parts.append("  syncthing.log ends:" + "".join(f"\n    {entry}" for entry in after_start))
        return "\n".join(parts)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class KioskProcess:
    """``kiosk run --fleet RECEIVED --metrics 127.0.0.1:PORT``, offscreen, with its own state and data."""

    def __init__(self, base: Path, received: Path, name: str) -> None:
        self.base, self.received, self.name = base, received, name
        self.port = free_port()
        self.process: subprocess.Popen[Any] | None = None

    def start(self, exhibition: Path) -> None:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "KIOSK_DATA_DIR": str(self.base / "data"),
            "KIOSK_LOG_DIR": str(self.base / "logs"),
            "KIOSK_CONFIG_DIR": str(self.base / "config"),
            "KIOSK_ANALYTICS": "0",
        }
        log = open(self.base / "kiosk.out", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(KIOSK),
                "run",
                str(exhibition),
                "--fleet",
                str(self.received),
                "--fleet-state",
                str(self.base / "state"),
                "--metrics",
                f"127.0.0.1:{self.port}",
                "--size",
                "1280x720",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        log.close()
        wait_for(self.metrics, 60, f"{self.name}'s metrics")

    def metrics(self) -> str | None:
        return http_get(f"http://127.0.0.1:{self.port}/metrics", timeout=2)

    def shown_publish(self) -> str:
        text = self.metrics() or ""
        match = re.search(r'^kiosk_exhibition_info\{[^}]*publish_id="([^"]*)"', text, re.MULTILINE)
        return match.group(1) if match else ""

    def metric(self, name: str) -> float | None:
        match = re.search(rf"^{re.escape(name)} (\S+)$", self.metrics() or "", re.MULTILINE)
        return float(match.group(1)) if match else None

    def sync_state(self) -> str:
        text = self.metrics() or ""
        match = re.search(r'^kiosk_sync_state\{kiosk_sync_state="([^"]+)"\} 1\.0$', text, re.MULTILINE)
        return match.group(1) if match else ""

    def log(self) -> str:
        return (self.base / "kiosk.out").read_text(errors="replace")

    def describe(self, lines: int = 8) -> str:
        """What this kiosk is in: its metrics' sync state and shown publish, the manifest it has
        received, the taker's status.json and refused.json, the end of its log."""
        if self.process is None:
            alive = "not started"
        else:
            code = self.process.poll()
            alive = f"pid {self.process.pid} running" if code is None else f"exited with {code}"
        try:
            manifest = read_manifest(self.received)
            received = manifest.publish_id if manifest else "none"
        except ManifestError as error:
            received = f"unreadable ({error})"
        parts = [
            f"{self.name} ({alive}): sync state {self.sync_state() or '?'}, shows {self.shown_publish() or '?'}, "
            f"received manifest {received}"
        ]
        if manifest is not None:  # has each file the manifest names arrived (as Syncthing put it there)?
            arrived = [
                f"{name} {'as named' if _matches(self.received / name, entry) else 'not as named'}"
                for name, entry in sorted(manifest.files.items())
            ]
            parts.append(f"  received files: {'; '.join(arrived)}")
        for name in ("status.json", "refused.json"):
            try:
                text = (self.base / "state" / name).read_text(errors="replace").strip()
            except OSError:
                text = "none"
            checked = re.search(r'"checked_at": ([0-9.]+)', text)
            age = f" (written {time.time() - float(checked.group(1)):.1f} s ago)" if checked else ""
            parts.append(f"  {name}{age}: {text}")
        try:
            log = self.log().splitlines()
        except OSError:
            log = []
        # What the taker and hook said, then whatever came last (a crash, the watchdog).
        fleet = [line for line in log if "kiosk.fleet." in line][-lines:]
        parts.append("  kiosk.out, the fleet's lines:" + "".join(f"\n    {line}" for line in fleet))
        parts.append("  kiosk.out ends:" + "".join(f"\n    {line}" for line in log[-4:]))
        return "\n".join(parts)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class Prometheus:
    """Debian's Prometheus scraping the kiosks every second, with the shipped alert rules.

    The rules' ``for:`` durations are shortened (minutes to seconds) in the test's copy, so an
    alert fires within the test; the expressions are the shipped ones.
    """

    def __init__(self, base: Path, targets: list[str], *, for_seconds: int = 5) -> None:
        self.base = base
        self.port = free_port()
        base.mkdir(parents=True, exist_ok=True)
        rules = re.sub(r"for: \d+[mh]", f"for: {for_seconds}s", ALERT_RULES.read_text())
        (base / "kiosk-alerts.yml").write_text(rules)
        config = {
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s", "scrape_timeout": "900ms"},
            "rule_files": ["kiosk-alerts.yml"],
            "scrape_configs": [{"job_name": "kiosk", "static_configs": [{"targets": targets}]}],
        }
        (base / "prometheus.yml").write_text(json.dumps(config))  # JSON is YAML
        self.process: subprocess.Popen[Any] | None = None

    def start(self) -> None:
        binary = shutil.which("prometheus") or "prometheus"
        log = open(self.base / "prometheus.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                binary,
                f"--config.file={self.base / 'prometheus.yml'}",
                f"--storage.tsdb.path={self.base / 'data'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.base,
            start_new_session=True,
        )
        log.close()
        wait_for(lambda: http_get(f"http://127.0.0.1:{self.port}/-/ready"), 60, "Prometheus ready")

    def api(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        text = http_get(f"http://127.0.0.1:{self.port}/api/v1/{path}{query}")
        return json.loads(text)["data"] if text else None

    def firing(self, alertname: str) -> list[dict[str, Any]]:
        alerts = (self.api("alerts") or {}).get("alerts", [])
        return [a for a in alerts if a["labels"].get("alertname") == alertname and a["state"] == "firing"]

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class Fleet:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.source = base / "source"
        self.config = make_exhibition(self.source, "First title")
        self.folder = base / "publisher" / "folder"
        self.publisher = Syncthing(base / "publisher" / "syncthing", self.folder, "sendonly", "publisher")
        self.kiosks = []
        self.syncs = []
        for name in ("kiosk-1", "kiosk-2"):
            received = base / name / "received"
            (base / name).mkdir(parents=True)
            self.syncs.append(Syncthing(base / name / "syncthing", received, "receiveonly", name))
            self.kiosks.append(KioskProcess(base / name, received, name))
        self.prometheus = Prometheus(base / "prometheus", [f"127.0.0.1:{k.port}" for k in self.kiosks])

    def start(self) -> None:
        for instance in [self.publisher, *self.syncs]:
            instance.configure([])  # generates its keys: its device ID
        self.publisher.configure(self.syncs)
        for instance in self.syncs:
            instance.configure([self.publisher])
        for instance in [self.publisher, *self.syncs]:
            instance.start()
        for instance in self.syncs:
            wait_for(lambda i=instance: self.publisher.connected(i.device_id), 60, f"{instance.name} connected")
        for kiosk in self.kiosks:
            kiosk.start(self.config)
        self.prometheus.start()

    def stop(self) -> None:
        for part in [*self.kiosks, self.prometheus, *self.syncs, self.publisher]:
            part.stop()

    def describe(self) -> str:
        """The publish folder's manifest, every kiosk's state and every Syncthing's, for a wait's failure message."""
        try:
            manifest = read_manifest(self.folder)
            published = manifest.publish_id if manifest else "none"
        except ManifestError as error:
            published = f"unreadable ({error})"
        kiosks = [kiosk.describe() for kiosk in self.kiosks]
        syncs = [instance.describe() for instance in [self.publisher, *self.syncs]]
        return "\n".join([f"publish folder: manifest {published}", *kiosks, *syncs])

    def publish_and_wait(self, timeout: float = 120, *, scan: bool = True) -> tuple[str, float]:
        """Publish, and the seconds until both kiosks show it. ``scan`` asks the publisher's Syncthing to
        look at once (as a publish hook would); without it, its file watcher notices (1 s delay here)."""
        started = time.monotonic()
        publish_id = publish(self.config, self.folder).manifest.publish_id
        if scan:
            self.publisher.scan()
        wait_for(
            lambda: all(k.shown_publish() == publish_id for k in self.kiosks),
            timeout,
            f"both kiosks showing {publish_id}",
            explain=self.describe,
        )
        return publish_id, time.monotonic() - started
