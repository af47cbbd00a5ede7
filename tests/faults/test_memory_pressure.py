"""Memory pressure: a real memory cgroup with a limit the kernel enforces (OOM killer), a process
filling it, and the real kiosk inside one whose limit is tightened under it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import memory_pressure
from kiosk.memory_pressure import CRITICAL, LOW, NORMAL, Memory, level_of, read_memory

V1 = Path("/sys/fs/cgroup/memory")


@pytest.fixture
def cgroup():
    """A fresh memory cgroup (v1, as this machine has; v2 with memory.max where it is mounted)."""
    folder = V1 / f"kiosk-test-{os.getpid()}-{time.monotonic_ns()}"
    try:
        folder.mkdir()
    except OSError as error:
        pytest.skip(f"cannot make a memory cgroup here ({error}): the machine does not allow it")
    if not (folder / "memory.limit_in_bytes").exists():
        folder.rmdir()
        pytest.skip("no cgroup v1 memory controller here")
    yield folder
    for _ in range(50):
        try:
            folder.rmdir()
            return
        except OSError:
            time.sleep(0.1)  # the last process is still leaving


def _limit(folder: Path, megabytes: int) -> None:
    (folder / "memory.limit_in_bytes").write_text(str(megabytes * 2**20))


_FILL = """
import os, sys
from pathlib import Path
Path(sys.argv[1], "cgroup.procs").write_text(str(os.getpid()))
from kiosk.memory_pressure import level_of, read_memory
blocks = []
while True:
    block = bytearray(8 * 2**20)
    block[::4096] = b"\\1" * len(block[::4096])
    blocks.append(block)
    memory = read_memory()
    print(len(blocks) * 8, level_of(memory), memory.where, flush=True)
"""


def test_the_levels_come_before_the_oom_killer_on_a_real_cgroup(cgroup: Path) -> None:
    _limit(cgroup, 240)
    done = subprocess.run(
        [sys.executable, "-c", _FILL, str(cgroup)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == -9, done.stderr[-2000:]  # the kernel did kill it at the limit
    rows = [line.split() for line in done.stdout.splitlines()]
    levels = [row[1] for row in rows]
    # Short because of the cgroup's limit (the tighter one), not the machine's 24 GB.
    assert all(row[2] == "cgroup" for row in rows if row[1] != NORMAL), rows
    assert levels[0] == NORMAL and LOW in levels and levels[-1] == CRITICAL, levels
    first_low = int(rows[levels.index(LOW)][0])
    first_critical = int(rows[levels.index(CRITICAL)][0])
    assert first_low < first_critical < int(rows[-1][0])
    assert 140 <= first_low <= 200 and first_critical <= 230, (first_low, first_critical)
    print(
        f"\ncgroup limit 240 MB: low at {first_low} MB, critical at {first_critical} MB, "
        f"killed by the kernel after {rows[-1][0]} MB"
    )


def test_levels_from_headroom_and_stalls() -> None:
    assert level_of(Memory(50, 100, 0.0, "t")) == NORMAL
    assert level_of(Memory(80, 100, 0.0, "t")) == LOW
    assert level_of(Memory(95, 100, 0.0, "t")) == CRITICAL
    assert level_of(Memory(10, 100, 15.0, "t")) == LOW  # plenty left, but tasks wait for memory
    assert level_of(Memory(10, 100, 50.0, "t")) == CRITICAL


def test_reading_cgroup_v2_and_the_machine(tmp_path: Path) -> None:
    proc, cgroups = tmp_path / "proc", tmp_path / "cgroup"
    (proc / "self").mkdir(parents=True)
    (proc / "pressure").mkdir()
    (proc / "self" / "cgroup").write_text("0::/kiosk.service\n")
    (proc / "meminfo").write_text("MemTotal:  8000000 kB\nMemFree: 1 kB\nMemAvailable:  6000000 kB\n")
    (proc / "pressure" / "memory").write_text("some avg10=1.50 avg60=0 avg300=0 total=0\nfull avg10=0 avg60=0\n")
    service = cgroups / "kiosk.service"
    service.mkdir(parents=True)
    (service / "memory.max").write_text("max\n")
    (service / "memory.high").write_text(str(1000 * 2**20))
    (service / "memory.current").write_text(str(900 * 2**20))
    (service / "memory.stat").write_text(f"anon 1\ninactive_file {100 * 2**20}\n")
    (service / "memory.pressure").write_text("some avg10=12.00 avg60=0 avg300=0 total=0\n")
    memory = read_memory(proc, cgroups)
    assert memory.where == "cgroup kiosk.service" and memory.used == 800 * 2**20 and memory.limit == 1000 * 2**20
    assert memory.stall == 12.0 and level_of(memory) == LOW
    (service / "memory.high").write_text("max\n")
    assert read_memory(proc, cgroups).where == "machine"  # no limit: the machine's RAM is the limit


def test_the_kiosk_does_with_less_and_back(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImageReader

    from kiosk.ui.memory_watch import MemoryWatch

    readings = [Memory(50, 100, 0, "t")]
    trims: list[int] = []
    watch = MemoryWatch(None, trim=lambda: trims.append(1), read=lambda: readings[-1], interval_ms=60_000)
    try:
        assert not memory_pressure.memory_is_short() and QImageReader.allocationLimit() == 256
        readings.append(Memory(80, 100, 0, "t"))
        assert watch.check() == LOW
        assert memory_pressure.memory_is_short() and QImageReader.allocationLimit() == 64 and trims == [1]
        readings.append(Memory(95, 100, 0, "t"))
        assert watch.check() == CRITICAL and QImageReader.allocationLimit() == 32
        readings.append(Memory(40, 100, 0, "t"))
        assert watch.check() == NORMAL
        assert not memory_pressure.memory_is_short() and QImageReader.allocationLimit() == 256
    finally:
        watch.stop()


@pytest.mark.slow
@pytest.mark.vlc
def test_the_real_kiosk_notices_its_cgroup_tightening(cgroup: Path, tmp_path: Path) -> None:
    from tests.recovery.measure import environment

    from .kiosk_process import launch, wait_for_line

    env = environment(tmp_path)
    # The running kiosk is moved into the cgroup; what it allocates from then on counts against its limit.
    kiosk = launch(env, "--size", "1280x720", supervised=False)
    try:
        (cgroup / "cgroup.procs").write_text(str(kiosk.process.pid))
        kiosk.next_frame(timeout=90)
        time.sleep(1.0)
        # 20 % left: short, not yet critical. The kiosk's use moves (speech rendered in the background,
        # a reload): the limit follows it until the kiosk has noticed.
        deadline = time.monotonic() + 30
        while not any("memory low:" in line for line in kiosk.log):
            assert time.monotonic() < deadline, "never printed 'memory low:':\n" + "\n".join(kiosk.log[-20:])
            # Counted as the kiosk counts it: page cache the kernel can drop is not used memory (the
            # speech the kiosk renders in the background fills the cache, not the heap).
            stat = dict(line.split() for line in (cgroup / "memory.stat").read_text().splitlines())
            cache = int(stat.get("total_inactive_file", stat.get("inactive_file", "0")))
            used = int((cgroup / "memory.usage_in_bytes").read_text()) - cache
            _limit(cgroup, max(1, int(used / 0.8 / 2**20)))
            time.sleep(0.5)
        _limit(cgroup, 4096)
        wait_for_line(kiosk, "back to normal", timeout=20)
        assert kiosk.process.poll() is None
    finally:
        code = kiosk.stop()
    assert code == 0, "\n".join(kiosk.log[-20:])


def test_pictures_are_decoded_smaller_when_memory_is_short(qapp, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The real MediaImage in a real scene: a 4000 x 3000 photograph in an 800 x 600 frame."""
    from PIL import Image
    from PySide6.QtCore import QCoreApplication, QEvent, QUrl
    from PySide6.QtQml import QQmlApplicationEngine

    from kiosk import paths
    from kiosk.ui.items import walk
    from kiosk.ui.memory_watch import MemoryWatch
    from kiosk.ui.registry import register_qml_types

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (4000, 3000), (180, 120, 60)).save(photo, quality=80)
    register_qml_types()
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(paths.qml_import_dir()))
    engine.loadData(
        f"""
import QtQuick
import Kiosk
Window {{
    width: 800; height: 600; visible: true
    MediaImage {{ anchors.fill: parent; source: "{QUrl.fromLocalFile(str(photo)).toString()}" }}
}}""".encode()
    )
    window = engine.rootObjects()[0]
    image = next(item for item in walk(window.contentItem()) if item.metaObject().className().startswith("QQuickImage"))

    def decoded_width() -> int:
        return int(image.property("implicitWidth"))  # the decoded picture's width

    qtbot.waitUntil(lambda: decoded_width() == 800, timeout=10_000)
    readings = [Memory(95, 100, 0, "t")]
    watch = MemoryWatch(None, engine=engine, read=lambda: readings[-1], interval_ms=60_000)
    try:
        qtbot.waitUntil(lambda: decoded_width() == 400, timeout=10_000)  # half the width: a quarter of the pixels
        readings.append(Memory(80, 100, 0, "t"))
        watch.check()
        qtbot.waitUntil(lambda: decoded_width() == 600, timeout=10_000)
        readings.append(Memory(10, 100, 0, "t"))
        watch.check()
        qtbot.waitUntil(lambda: decoded_width() == 800, timeout=10_000)
    finally:
        watch.stop()
        window.close()
        window.deleteLater()  # the scene before its engine (docs/decisions/0075)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        engine.deleteLater()
