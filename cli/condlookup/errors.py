"""The one family of expected failures, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.problems import Problem


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # nothing found, or data invalid
    USAGE = 2  # Typer/Click's own code for bad arguments


class CondlookupError(Exception):
    """An expected failure: shown as one line on stderr, exit code 1."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotFoundError(CondlookupError):
    """A query matched nothing."""


class DataError(CondlookupError):
    """A condition file or the index is invalid."""


class ValidationError(DataError):
    """One or more problems in condition files."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}", hint="run `condlookup validate` to see every problem")
        self.problems = problems
