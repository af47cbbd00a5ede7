"""The staff PIN: hashed on disk, right/wrong/lock-out, a lock that survives a restart."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from kiosk.staff.pin import (
    LockoutPolicy,
    LockoutState,
    PinError,
    PinHash,
    PinOutcome,
    StaffPin,
    default_pin_file,
    validate_pin,
)


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pin(tmp_path: Path, clock: FakeClock) -> StaffPin:
    staff_pin = StaffPin(tmp_path / "conf" / "staff-pin.json", clock=clock)
    staff_pin.set("4826")
    return staff_pin


def test_the_pin_file_holds_no_clear_pin(tmp_path: Path) -> None:
    staff_pin = StaffPin(tmp_path / "staff-pin.json")
    staff_pin.set("482604")
    raw = staff_pin.path.read_bytes()
    assert b"482604" not in raw
    assert b"482604".hex().encode() not in raw
    data = json.loads(raw)
    assert data["kdf"] == "scrypt"
    assert len(bytes.fromhex(data["salt"])) == 16
    assert set(data) == {"format", "kdf", "n", "r", "p", "salt", "hash"}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_pin_file_is_private(tmp_path: Path) -> None:
    staff_pin = StaffPin(tmp_path / "new" / "staff-pin.json")
    staff_pin.set("4826")
    assert stat.S_IMODE(os.stat(staff_pin.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(staff_pin.lockout_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(staff_pin.path.parent).st_mode) == 0o700


def test_same_pin_twice_gives_different_files(tmp_path: Path) -> None:
    a, b = PinHash.of("4826"), PinHash.of("4826")
    assert a.salt != b.salt and a.digest != b.digest
    assert a.matches("4826") and b.matches("4826")


def test_right_pin(pin: StaffPin) -> None:
    result = pin.check("4826")
    assert result.outcome is PinOutcome.OK
    assert result.locked_for == 0


def test_wrong_pin_counts_down_the_tries(pin: StaffPin) -> None:
    first = pin.check("0000")
    second = pin.check("1234")
    assert (first.outcome, first.attempts_left) == (PinOutcome.WRONG, 4)
    assert (second.outcome, second.attempts_left) == (PinOutcome.WRONG, 3)


def test_lockout_after_five_wrong_then_growing(pin: StaffPin, clock: FakeClock) -> None:
    for _ in range(4):
        assert pin.check("0000").outcome is PinOutcome.WRONG
    fifth = pin.check("0000")
    assert fifth.outcome is PinOutcome.LOCKED
    assert fifth.locked_for == pytest.approx(30)
    # While locked, even the right PIN is not looked at.
    clock.now += 10
    during = pin.check("4826")
    assert during.outcome is PinOutcome.LOCKED
    assert during.locked_for == pytest.approx(20)
    # The lock ends; one more wrong PIN locks again, for twice as long.
    clock.now += 21
    assert pin.locked_for() == 0
    again = pin.check("9999")
    assert again.outcome is PinOutcome.LOCKED
    assert again.locked_for == pytest.approx(60)
    clock.now += 61
    assert pin.check("4826").outcome is PinOutcome.OK
    # A right PIN forgets the count: five tries again.
    assert pin.check("0000").attempts_left == 4


def test_lockout_survives_a_restart(pin: StaffPin, clock: FakeClock) -> None:
    for _ in range(5):
        pin.check("0000")
    restarted = StaffPin(pin.path, clock=clock)
    assert restarted.check("4826").outcome is PinOutcome.LOCKED
    assert restarted.locked_for() == pytest.approx(30)


def test_clock_set_back_does_not_stretch_the_lock(pin: StaffPin, clock: FakeClock) -> None:
    for _ in range(5):
        pin.check("0000")
    clock.now -= 10 * 3600
    assert pin.locked_for() == pytest.approx(LockoutPolicy().max_lock)


def test_lock_durations_grow_and_stop() -> None:
    policy = LockoutPolicy(free_attempts=3, first_lock=10, max_lock=100)
    assert [policy.lock_duration(n) for n in range(1, 9)] == [0, 0, 10, 20, 40, 80, 100, 100]
    state = LockoutState()
    for _ in range(3):
        state = state.after_failure(0.0, policy)
    assert state.remaining(0.0, policy) == 10


def test_no_pin_set(tmp_path: Path) -> None:
    staff_pin = StaffPin(tmp_path / "staff-pin.json")
    assert not staff_pin.is_set()
    assert staff_pin.check("0000").outcome is PinOutcome.NOT_SET


def test_broken_pin_file_is_not_trusted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "staff-pin.json"
    path.write_text("4826\n")
    staff_pin = StaffPin(path)
    assert staff_pin.check("4826").outcome is PinOutcome.NOT_SET
    assert "unusable" in caplog.text


def test_clear_forgets_pin_and_lock(pin: StaffPin) -> None:
    for _ in range(5):
        pin.check("0000")
    pin.clear()
    assert not pin.path.exists() and not pin.lockout_path.exists()
    pin.set("1111")
    assert pin.check("1111").outcome is PinOutcome.OK


@pytest.mark.parametrize("bad", ["", "123", "1234567890123", "12a4", "١٢٣٤", "12 34"])
def test_invalid_pins_are_refused(bad: str) -> None:
    with pytest.raises(PinError):
        validate_pin(bad)


def test_default_file_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_PIN_FILE", str(tmp_path / "x.json"))
    assert default_pin_file() == tmp_path / "x.json"
    monkeypatch.delenv("KIOSK_PIN_FILE")
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "conf"))
    assert default_pin_file() == tmp_path / "conf" / "staff-pin.json"
    monkeypatch.delenv("KIOSK_CONFIG_DIR")
    assert default_pin_file().name == "staff-pin.json"
