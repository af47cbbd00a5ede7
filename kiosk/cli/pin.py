"""``kiosk pin``: set, clear or inspect the staff PIN that unlocks a locked-down kiosk's staff exit."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.staff.pin import StaffPin


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "pin",
        help="set or clear the staff PIN (stored hashed, never in clear)",
        description=(
            "Manage the staff PIN that opens the staff panel (reload, exit) of a running kiosk. "
            "The PIN is 4 to 12 digits; only a salted scrypt hash is stored, in a file only its "
            "owner can read. Run it as the user the kiosk runs as."
        ),
    )
    parser.add_argument(
        "--file",
        type=Path,
        default=None,
        help="the PIN file (default: $KIOSK_PIN_FILE, else staff-pin.json in the user config folder)",
    )
    actions = parser.add_subparsers(dest="pin_action", metavar="ACTION", required=True)
    actions.add_parser(
        "set", help="set the PIN: typed twice at a terminal, or read from the first line of stdin"
    ).set_defaults(func=_set)
    actions.add_parser("clear", help="remove the PIN (the staff exit then stays shut)").set_defaults(func=_clear)
    actions.add_parser("unlock", help="forget wrong PINs and end a lock-out").set_defaults(func=_unlock)
    actions.add_parser("status", help="say whether a PIN is set, where, and any lock-out").set_defaults(func=_status)


def _store(args: argparse.Namespace) -> StaffPin:
    from kiosk.staff.pin import StaffPin

    return StaffPin(args.file)


def read_new_pin() -> str:
    """The new PIN: asked twice, hidden, at a terminal; else the first line of stdin (for scripts)."""
    if sys.stdin.isatty():
        first = getpass.getpass("New staff PIN (4-12 digits): ")
        second = getpass.getpass("Same PIN again: ")
        if first != second:
            raise ValueError("the two PINs differ")
        return first
    return sys.stdin.readline().strip()


def _set(args: argparse.Namespace) -> int:
    from kiosk.staff.pin import PinError, validate_pin

    store = _store(args)
    try:
        store.set(validate_pin(read_new_pin()))
    except (PinError, ValueError) as error:
        print(f"kiosk pin: {error}; nothing changed", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("kiosk pin: cancelled; nothing changed", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk pin: cannot write {store.path}: {error}", file=sys.stderr)
        return 1
    print(f"Staff PIN set (hashed) in {store.path}")
    return 0


def _clear(args: argparse.Namespace) -> int:
    store = _store(args)
    store.clear()
    print(f"Staff PIN removed from {store.path}; the staff exit stays shut until `kiosk pin set`.")
    return 0


def _unlock(args: argparse.Namespace) -> int:
    store = _store(args)
    store.unlock()
    print("Wrong PINs forgotten; the PIN pad is open again.")
    return 0


def _status(args: argparse.Namespace) -> int:
    store = _store(args)
    if not store.is_set():
        print(f"No staff PIN set ({store.path}). Set one with: kiosk pin set")
        return 1
    locked = store.locked_for()
    state = store.state()
    print(f"Staff PIN set in {store.path}")
    if locked > 0:
        print(f"Locked for {locked:.0f} s after {state.failures} wrong PINs (kiosk pin unlock ends it).")
    elif state.failures:
        print(f"{state.failures} wrong PIN(s) in a row since the last right one.")
    return 0
