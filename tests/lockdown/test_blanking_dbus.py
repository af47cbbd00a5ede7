"""The D-Bus screensaver inhibit against a stand-in desktop service on a private session bus.

Each side runs in its own process (a process keeps the first session bus it meets), on a
dbus-daemon this test starts and stops.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAKE = Path(__file__).with_name("fake_screensaver.py")
CLIENT = textwrap.dedent("""\
    import sys
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection
    app = QCoreApplication(sys.argv)
    from kiosk.ui.lockdown.blanking import BlankingInhibitor, dbus_inhibit_connected
    inhibitor = BlankingInhibitor()
    inhibitor.start("offscreen")
    name = QDBusConnection("kiosk-screensaver-inhibit").baseService()
    print("COOKIE", inhibitor.dbus_cookie, dbus_inhibit_connected(), name, flush=True)
    inhibitor.stop()
    print("AFTER", dbus_inhibit_connected(), flush=True)
    sys.stdin.readline()  # stay on the bus until the test has looked: only the inhibit may leave
    """)

pytestmark = pytest.mark.skipif(not shutil.which("dbus-daemon"), reason="needs dbus-daemon")


@pytest.fixture
def bus() -> Iterator[dict[str, str]]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
    try:
        yield env
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def run_client(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLIENT],
        env=env,
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_inhibit_then_release(bus: dict[str, str]) -> None:
    fake = subprocess.Popen(
        [sys.executable, str(FAKE)], env=bus, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert fake.stdout is not None
    try:
        assert fake.stdout.readline().strip() == "READY"
        client = run_client(bus)
        assert client.stdout is not None and client.stdin is not None
        cookie_line = client.stdout.readline().split()
        after_line = client.stdout.readline().split()
        assert cookie_line[:3] == ["COOKIE", "42", "True"], cookie_line
        assert after_line == ["AFTER", "False"]
        name = cookie_line[3]
        assert fake.stdout.readline().strip() == "INHIBIT kiosk|Exhibition kiosk on show|42"
        # The desktop sees the inhibit's connection leave while the kiosk process still runs.
        assert fake.stdout.readline().strip() == f"GONE {name}"
        assert client.poll() is None
        client.communicate("\n", timeout=10)
    finally:
        fake.terminate()
        fake.wait(timeout=10)


def test_no_screensaver_service_is_only_a_log_line(bus: dict[str, str]) -> None:
    client = run_client(bus)
    out, err = client.communicate("\n", timeout=20)
    assert client.returncode == 0, err
    assert "COOKIE None False" in out
