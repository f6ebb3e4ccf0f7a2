"""The loader's and saver's own errors: each names the file, the place and what is wrong.

Nothing else escapes the io layer for bad input, so callers (the CLI, the window) catch `CjmError`
and show its one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Problem
from ..model.plain import one_line


class CjmError(Exception):
    """Base of the project's file errors; `problems` holds every problem, `str()` the first."""

    def __init__(self, file: str | Path, problems: list[Problem]):
        self.file = str(file)
        self.problems = problems
        super().__init__(self.file, problems)

    def lines(self) -> list[str]:
        """One `FILE: where: what` line a problem."""
        return [_line(self.file, p) for p in self.problems]

    def __str__(self) -> str:
        first = _line(self.file, self.problems[0])
        more = len(self.problems) - 1
        return first if not more else f"{first} (and {more} more problem{'s' if more > 1 else ''})"


class InvalidFormatError(CjmError):
    """The file is not a valid map: unreadable, not JSON, wrong types or values, broken references."""


class UnsupportedFormatVersionError(CjmError):
    """The file is a map in a format version this program cannot read (newer, or unknown)."""


class SaveError(CjmError):
    """A file could not be written; the file that was there is left as it was."""


MAX_PROBLEMS = 20  # the problems one InvalidFormatError lists: enough to mend a file by, short enough to read


@dataclass
class ProblemsFound:
    """What a reader found wrong so far in the file `name`: it reads on to report every bad value at once,
    keeping the first MAX_PROBLEMS, and then raises them together."""

    name: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: str, what: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(where, what))

    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def fail_if_any(self) -> None:
        if self.problems:
            raise InvalidFormatError(self.name, self.problems)


def _line(file: str, problem: Problem) -> str:
    """The line as it is printed: control characters and bidi controls in the file's name, the place
    or a quoted value are shown escaped, so no name can break the line or reorder it."""
    file, what = one_line(file, 300), one_line(problem.what, 500)
    return f"{file}: {one_line(problem.where, 200)}: {what}" if problem.where else f"{file}: {what}"
