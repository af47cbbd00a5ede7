"""What a load gives, in a module of its own: a start on an unchanged exhibition reads one back
(remembered.py) without importing the parser and the checks."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model.exhibition import Exhibition

if TYPE_CHECKING:
    from kiosk.loader.problems import Problem


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load gives: the exhibition (None when the file cannot be understood at all),
    every problem found, and when the file was read."""

    source: Path
    exhibition: Exhibition | None
    problems: tuple[Problem, ...]
    loaded_at: float

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when the exhibition loaded with no errors (warnings allowed)."""
        return self.exhibition is not None and not self.errors

    def packed(self) -> LoadResult:
        """The same result with the exhibition's panels packed until shown (kiosk/model/on_demand.py):
        what the running kiosk holds."""
        return self if self.exhibition is None else dataclasses.replace(self, exhibition=self.exhibition.packed())
