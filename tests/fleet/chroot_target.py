"""A fresh Debian machine for the Ansible role to set up: a debootstrap chroot reached over SSH on loopback.

The base system (minbase, with python3 and openssh-server, as a fresh server install has) is
built once with debootstrap and kept as a tarball in ``$KIOSK_TEST_CACHE`` (default
/var/cache/kiosk-tests); each test unpacks a new copy. sshd runs chrooted inside a mount
namespace of its own (``unshare --mount``), so the /proc and /dev it needs vanish with it and
nothing stays mounted on the host. It listens on 127.0.0.1 only: Ansible's ordinary SSH
connection reaches it as it would a kiosk.

It also runs in a PID namespace of its own (``--pid --fork``, its /proc that namespace's), so a
package's maintainer script sees and signals the target's processes only: Debian's syncthing
postinst runs ``pkill -HUP -x syncthing``, which from a chroot sharing the machine's processes
ended every Syncthing on it, those of a fleet test running beside this one included. When sshd,
the namespace's first process, ends, the kernel ends everything left inside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from .engines import free_port, stop, wait_for

CACHE = Path(os.environ.get("KIOSK_TEST_CACHE", "/var/cache/kiosk-tests"))
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
INCLUDE = "python3,openssh-server"


def can_build() -> str:
    """Why a chroot target cannot be made here, or '' when it can."""
    if os.geteuid() != 0:
        return "needs root (debootstrap, chroot)"
    missing = [tool for tool in ("debootstrap", "unshare", "ssh", "ssh-keygen") if not shutil.which(tool)]
    return f"missing {', '.join(missing)}" if missing else ""


def base_tarball() -> Path:
    """The cached base system, built with debootstrap the first time (a few minutes)."""
    tarball = CACHE / f"{SUITE}-minbase-ssh.tar"
    if tarball.exists():
        return tarball
    debs = CACHE / "debootstrap-debs"
    debs.mkdir(parents=True, exist_ok=True)  # debootstrap refuses a cache folder that does not exist
    build = CACHE / f"build-{os.getpid()}"
    shutil.rmtree(build, ignore_errors=True)
    subprocess.run(
        [
            "debootstrap",
            "--variant=minbase",
            f"--include={INCLUDE}",
            f"--cache-dir={debs}",
            SUITE,
            str(build),
            MIRROR,
        ],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    partial = tarball.with_suffix(".tar.partial")
    subprocess.run(["tar", "-C", str(build), "-cf", str(partial), "."], check=True, timeout=600)
    os.replace(partial, tarball)
    shutil.rmtree(build, ignore_errors=True)
    return tarball


class ChrootTarget:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.root = base / "root"
        self.key = base / "id_ed25519"
        self.port = free_port()
        self.process: subprocess.Popen[Any] | None = None

    def make(self) -> None:
        self.root.mkdir(parents=True)
        subprocess.run(["tar", "-C", str(self.root), "-xf", str(base_tarball())], check=True, timeout=600)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.key)], check=True)
        ssh = self.root / "root/.ssh"
        ssh.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copy(self.key.with_suffix(".pub"), ssh / "authorized_keys")
        os.chmod(ssh / "authorized_keys", 0o600)
        subprocess.run(["chroot", str(self.root), "ssh-keygen", "-A"], check=True, capture_output=True)
        (self.root / "run/sshd").mkdir(parents=True, exist_ok=True)
        # apt inside needs name resolution like the host's.
        shutil.copy("/etc/resolv.conf", self.root / "etc/resolv.conf")

    def seed_apt(self) -> None:
        """Package lists and downloaded packages from the last run, so a run downloads only what changed.

        Only apt's caches: what is installed is still the fresh base system.
        """
        for name in ("lists", "archives"):
            cached = CACHE / f"apt-{name}"
            if cached.is_dir():
                target = self.root / ("var/lib/apt/lists" if name == "lists" else "var/cache/apt/archives")
                shutil.copytree(cached, target, dirs_exist_ok=True)

    def keep_apt(self) -> None:
        for name in ("lists", "archives"):
            source = self.root / ("var/lib/apt/lists" if name == "lists" else "var/cache/apt/archives")
            if source.is_dir():
                shutil.copytree(
                    source, CACHE / f"apt-{name}", dirs_exist_ok=True, ignore=shutil.ignore_patterns("lock", "partial")
                )

    def start(self) -> None:
        root = self.root
        script = (
            f"mount -t proc proc {root}/proc && mount --rbind /dev {root}/dev && mount -t sysfs sys {root}/sys && "
            f"exec chroot {root} /usr/sbin/sshd -D -e -p {self.port} -o ListenAddress=127.0.0.1 "
            "-o PermitRootLogin=prohibit-password"
        )
        log = open(self.base / "sshd.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            # --kill-child: sshd (the namespace's first process) is killed when unshare is, and with it the rest.
            ["unshare", "--mount", "--propagation", "private", "--pid", "--fork", "--kill-child", "sh", "-c", script],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        wait_for(lambda: self.ssh("true").returncode == 0, 30, "sshd in the chroot")

    def ssh(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "ssh",
                "-i",
                str(self.key),
                "-p",
                str(self.port),
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "BatchMode=yes",
                "root@127.0.0.1",
                command,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def processes(self) -> list[int]:
        """Processes running inside this chroot (sshd's sessions, anything a task left behind)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if Path(os.readlink(entry / "root")) == self.root:
                        found.append(int(entry.name))
                except OSError:
                    continue
        return found

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
        for _ in range(20):  # what still runs inside, each ended by its own id
            pids = self.processes()
            if not pids:
                break
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.1)
