"""The staff PIN: a salted scrypt hash in a small 0600 file, checked in constant time, with a lock-out.

The PIN itself is never written anywhere. ``kiosk pin set`` stores a salted scrypt hash; the
staff exit hashes what was typed and compares the two digests with ``hmac.compare_digest``.

Lock-out: a few wrong PINs are free; after that every wrong PIN locks the pad for a time that
doubles each time (30 s, 1 min, 2 min ... up to 15 min), and a right PIN forgets the count.
The count and the lock survive a restart (decided in docs/lockdown.md): a kiosk restarts by
itself after a crash or a power cut, and a lock that a pulled plug resets is no lock. The lock
is stored as wall-clock time, so its remaining time is clamped to the longest lock: a clock set
back by hours cannot lock staff out for hours.

No PIN set is a safe default: nothing then unlocks the staff exit of a locked-down kiosk (the
pad says which command sets one); only the windowed preview lets staff exit without it.

Pure Python, no Qt: the CLI and the tests use it directly.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "kiosk"
PIN_FILE_NAME = "staff-pin.json"
#: Lets an installation keep the PIN where its service and its technicians both look.
PIN_FILE_ENV = "KIOSK_PIN_FILE"
#: The kiosk's config folder, when set (tests set it to a scratch folder).
CONFIG_DIR_ENV = "KIOSK_CONFIG_DIR"
MIN_DIGITS = 4
MAX_DIGITS = 12

# scrypt cost: about 60 ms and 16 MiB per check on a 2-core x86 (docs/lockdown.md). Slow enough
# that a stolen file is not read back in seconds, fast enough for the pad to feel instant.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_DIGEST_BYTES = 32
_SALT_BYTES = 16
_FORMAT = "kiosk-staff-pin/1"


class PinError(ValueError):
    """A PIN that cannot be used (not digits, too short, too long)."""


def default_pin_file() -> Path:
    """``$KIOSK_PIN_FILE``, else ``staff-pin.json`` in ``$KIOSK_CONFIG_DIR`` or the user config folder."""
    override = os.environ.get(PIN_FILE_ENV)
    if override:
        return Path(override)
    config_dir = os.environ.get(CONFIG_DIR_ENV)
    if config_dir:
        return Path(config_dir) / PIN_FILE_NAME
    import platformdirs  # light, but only needed here

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / PIN_FILE_NAME


def validate_pin(pin: str) -> str:
    """The PIN if it is 4 to 12 ASCII digits; a :class:`PinError` saying what is wrong otherwise."""
    if not pin:
        raise PinError("the PIN is empty")
    # str.isdigit() accepts Arabic-Indic and superscript digits; the pad types only 0-9.
    if not all("0" <= ch <= "9" for ch in pin):
        raise PinError("the PIN may hold only the digits 0 to 9")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits, not {len(pin)}")
    return pin


@dataclass(frozen=True, slots=True)
class PinHash:
    """What the PIN file holds: the scrypt parameters, the salt and the digest."""

    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def of(cls, pin: str, *, salt: bytes | None = None) -> PinHash:
        import secrets  # OpenSSL's hashes are loaded at the first PIN, not before the kiosk's first frame

        salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
        return cls(salt, _derive(validate_pin(pin), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))

    def matches(self, pin: str) -> bool:
        # Hash whatever was typed (even a malformed entry) so that the time taken says nothing.
        candidate = _derive(pin, self.salt, self.n, self.r, self.p)
        import hmac

        return hmac.compare_digest(candidate, self.digest)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt.hex(),
            "hash": self.digest.hex(),
        }

    @classmethod
    def from_json(cls, data: Any) -> PinHash:
        if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("kdf") != "scrypt":
            raise ValueError("not a kiosk staff PIN file")
        n, r, p = int(data["n"]), int(data["r"]), int(data["p"])
        if n < 2**10 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
            raise ValueError("scrypt parameters out of range")
        digest = bytes.fromhex(data["hash"])
        if len(digest) != _DIGEST_BYTES:
            raise ValueError("digest of the wrong length")
        return cls(bytes.fromhex(data["salt"]), digest, n, r, p)


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=_DIGEST_BYTES
    )


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """How many wrong PINs are free, and how long each one after them locks the pad."""

    free_attempts: int = 5
    first_lock: float = 30.0
    max_lock: float = 15 * 60.0

    def lock_duration(self, failures: int) -> float:
        """Seconds locked after the ``failures``-th wrong PIN in a row (0 while still free)."""
        if failures < self.free_attempts:
            return 0.0
        return float(min(self.first_lock * 2 ** (failures - self.free_attempts), self.max_lock))


@dataclass(frozen=True, slots=True)
class LockoutState:
    """Wrong PINs in a row, and until when (wall-clock seconds) the pad is locked."""

    failures: int = 0
    locked_until: float = 0.0

    def remaining(self, now: float, policy: LockoutPolicy) -> float:
        # Clamped: a clock set back must not stretch a lock beyond the longest one.
        return max(0.0, min(self.locked_until - now, policy.max_lock))

    def after_failure(self, now: float, policy: LockoutPolicy) -> LockoutState:
        failures = self.failures + 1
        return LockoutState(failures, now + policy.lock_duration(failures))

    def attempts_left(self, policy: LockoutPolicy) -> int:
        """Tries left before a wrong PIN locks the pad (the last of them locks it if wrong)."""
        return max(0, policy.free_attempts - self.failures)


class PinOutcome(enum.StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not-set"


@dataclass(frozen=True, slots=True)
class PinResult:
    """What a PIN entry gave: the outcome, seconds still locked, wrong PINs left before a lock."""

    outcome: PinOutcome
    locked_for: float = 0.0
    attempts_left: int = 0


class StaffPin:
    """The staff PIN of one kiosk: a hash file and, beside it, the lock-out state.

    The file is read again at every check, so ``kiosk pin set`` takes effect on a running kiosk.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        policy: LockoutPolicy | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_pin_file()
        self.lockout_path = self.path.with_name(self.path.stem + ".lockout.json")
        self.policy = policy or LockoutPolicy()
        self._clock = clock

    # -- the PIN ---------------------------------------------------------------------------
    def load(self) -> PinHash | None:
        """The stored hash, or None when no usable PIN is set (a broken file is logged, not trusted)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("cannot read the staff PIN file %s: %s", self.path, error)
            return None
        try:
            return PinHash.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError) as error:
            log.warning("the staff PIN file %s is unusable (%s); run: kiosk pin set", self.path, error)
            return None

    def is_set(self) -> bool:
        return self.load() is not None

    def set(self, pin: str) -> None:
        """Store a new PIN (as a salted hash) and forget any lock-out."""
        _write_private(self.path, PinHash.of(pin).to_json())
        self._save_state(LockoutState())

    def clear(self) -> None:
        """Remove the PIN and the lock-out state."""
        for path in (self.path, self.lockout_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    # -- checking --------------------------------------------------------------------------
    def check(self, pin: str) -> PinResult:
        """Check a PIN typed on the pad. While locked, the PIN is not even looked at."""
        stored = self.load()
        if stored is None:
            return PinResult(PinOutcome.NOT_SET)
        now = self._clock()
        state = self.state()
        remaining = state.remaining(now, self.policy)
        if remaining > 0:
            return PinResult(PinOutcome.LOCKED, remaining, 0)
        if stored.matches(pin):
            if state != LockoutState():
                self._save_state(LockoutState())
            return PinResult(PinOutcome.OK, 0.0, self.policy.free_attempts)
        state = state.after_failure(now, self.policy)
        self._save_state(state)
        locked_for = state.remaining(now, self.policy)
        log.warning(
            "wrong staff PIN (%d in a row)%s", state.failures, f"; locked for {locked_for:.0f} s" if locked_for else ""
        )
        outcome = PinOutcome.LOCKED if locked_for > 0 else PinOutcome.WRONG
        return PinResult(outcome, locked_for, state.attempts_left(self.policy))

    def locked_for(self) -> float:
        """Seconds the pad stays locked from now (0 when it is not)."""
        return self.state().remaining(self._clock(), self.policy)

    def unlock(self) -> None:
        """Forget wrong PINs and any lock (``kiosk pin unlock``, for a technician at the machine)."""
        self._save_state(LockoutState())

    # -- lock-out state on disk ------------------------------------------------------------
    def state(self) -> LockoutState:
        try:
            data = json.loads(self.lockout_path.read_text(encoding="utf-8"))
            return LockoutState(int(data["failures"]), float(data["locked_until"]))
        except FileNotFoundError:
            return LockoutState()
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ignoring the unreadable lock-out state %s: %s", self.lockout_path, error)
            return LockoutState()

    def _save_state(self, state: LockoutState) -> None:
        try:
            _write_private(self.lockout_path, {"failures": state.failures, "locked_until": state.locked_until})
        except OSError as error:
            # A read-only config folder must not stop the pad; the lock then lasts until restart only.
            log.warning("cannot save the lock-out state to %s: %s", self.lockout_path, error)


def _write_private(path: Path, data: dict[str, Any]) -> None:
    """Write JSON readable by the owner only (0600), atomically: a power cut leaves old or new."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=1)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
