"""Fixtures of the lock-down tests (defined in lockdown_harness.py)."""

from lockdown_harness import make_harness, shown

__all__ = ["make_harness", "shown"]
