"""Problems found in an exhibition, each pointing at a file, a line and a column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing staff must fix (an error) or should look at (a warning).

    ``str(problem)`` is the line staff read: ``FILE:LINE:COLUMN: key.path: message``,
    the form editors and terminals turn into a link to the place.
    """

    severity: Severity
    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{label}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


class LoadFailed(Exception):
    """The file cannot be read as an exhibition at all (raised inside the loader only)."""


#: After this many errors the load stops: staff fix them first, and a hostile file cannot flood the screen.
MAX_ERRORS = 200


class ProblemLog:
    """Collects every problem of one load, so staff see them all at once."""

    def __init__(self, file: Path | str) -> None:
        self.file = str(file)
        self.problems: list[Problem] = []
        self._errors: list[Problem] = []

    def error(self, line: int, column: int, path: str, message: str, *, file: str | None = None) -> None:
        problem = Problem("error", file or self.file, line, column, path, message)
        self.problems.append(problem)
        self._errors.append(problem)
        if len(self._errors) == MAX_ERRORS:
            self.problems.append(
                Problem(
                    "error",
                    problem.file,
                    line,
                    column,
                    "",
                    f"{MAX_ERRORS} errors so far: checking stopped here. Fix these first "
                    "(or check that this is the right file), then check again",
                )
            )
            raise LoadFailed

    def warning(self, line: int, column: int, path: str, message: str, *, file: str | None = None) -> None:
        self.problems.append(Problem("warning", file or self.file, line, column, path, message))

    @property
    def error_count(self) -> int:
        return len(self._errors)

    def errors_since(self, count: int) -> list[str]:
        """Messages of the errors recorded after the log held ``count`` errors."""
        return [problem.message for problem in self._errors[count:]]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` that ``word`` is probably a misspelling of, if any."""
    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'x'?" when one of ``choices`` is close to ``word``, else ''."""
    close = closest(word, choices)
    return f"; did you mean '{close}'?" if close else ""
