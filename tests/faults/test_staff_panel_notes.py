"""The staff panel says the disk is full (a real 2 MB tmpfs, filled) and what is paused, in the real QML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lockdown"))

from lockdown_harness import PIN, Harness, MakeHarness, make_harness  # noqa: F401 - the fixture

from kiosk import health

from .small_disk import SmallDisk


def test_the_staff_panel_says_the_disk_is_full(
    small_disk: SmallDisk,
    make_harness: MakeHarness,  # noqa: F811 - the fixture imported above
    qtbot: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("KIOSK_LOW_SPACE_MB", "0.5")  # the test's disk is 2 MB in all
    health.watch_folders([small_disk.root / "logs", small_disk.root / "data"])  # as kiosk run names them
    harness: Harness = make_harness()
    harness.window.show()
    qtbot.waitExposed(harness.window)
    harness.hold_corner(qtbot)
    harness.type_pin(PIN)
    assert harness.staff.property("stage") == "panel"
    assert not harness.item("staffMachineNotes").isVisible()  # room on the disk: nothing to say
    small_disk.fill()
    health.set_note("analytics", "Visit statistics are paused: the disk is full.")
    try:
        qtbot.waitUntil(lambda: harness.item("staffMachineNotes").isVisible(), timeout=3000)
        text = harness.text("staffMachineNotes")
        assert text.startswith("The disk is full (0 MB free at ") and "Visit statistics are paused" in text
        harness.window.grabWindow().save(str(tmp_path / "staff-panel-disk-full.png"))
        small_disk.make_room()
        health.set_note("analytics", None)
        qtbot.waitUntil(lambda: not harness.item("staffMachineNotes").isVisible(), timeout=3000)
    finally:
        health.set_note("analytics", None)
        health.watch_folders([])
