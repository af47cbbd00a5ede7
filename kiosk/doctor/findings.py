"""What ``kiosk doctor`` found: one finding per check, and the report they make together."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """How much a finding matters on opening day."""

    OK = "ok"  # checked, fine
    INFO = "info"  # a fact worth knowing, nothing to do
    WARN = "warn"  # the kiosk runs, but something should be looked at
    FAIL = "fail"  # blocks opening: the kiosk would not start, or would show something broken


@dataclass(frozen=True, slots=True)
class Finding:
    """The answer to one question a technician asks before opening day.

    ``summary`` is one plain sentence; ``advice`` says what to do when it is not ok;
    ``details`` carries the facts (versions, paths, sizes) for ``--json`` and for a ticket.
    """

    check: str
    title: str
    status: Status
    summary: str
    advice: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "title": self.title,
            "status": self.status.value,
            "summary": self.summary,
            "advice": self.advice,
            "details": dict(self.details),
        }


_MARK = {Status.OK: "ok  ", Status.INFO: "info", Status.WARN: "WARN", Status.FAIL: "FAIL"}


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Report:
        return cls(tuple(findings))

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.status is Status.FAIL)

    @property
    def ready(self) -> bool:
        """True when nothing blocks opening (warnings allowed)."""
        return not self.blocking

    @property
    def exit_code(self) -> int:
        return 0 if self.ready else 1

    def to_json(self) -> str:
        data = {
            "ready": self.ready,
            "blocking": [finding.check for finding in self.blocking],
            "warnings": [finding.check for finding in self.findings if finding.status is Status.WARN],
            "findings": [finding.as_dict() for finding in self.findings],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """Plain lines a technician reads in a terminal or pastes into a ticket."""
        lines = []
        width = max((len(finding.title) for finding in self.findings), default=0)
        for finding in self.findings:
            lines.append(f"[{_MARK[finding.status]}] {finding.title:<{width}}  {finding.summary}")
            if finding.advice and finding.status in (Status.WARN, Status.FAIL):
                lines.append(f"       {'':<{width}}  -> {finding.advice}")
        lines.append("")
        if self.ready:
            warned = sum(1 for finding in self.findings if finding.status is Status.WARN)
            note = f" ({warned} warning{'s' if warned != 1 else ''} to look at)" if warned else ""
            lines.append(f"Ready to open{note}.")
        else:
            names = ", ".join(finding.title for finding in self.blocking)
            lines.append(f"NOT ready to open: {names}.")
        return "\n".join(lines)
