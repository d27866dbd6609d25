"""The one family of expected failures, and the exit codes they map to.

A base module: it imports nothing of the package.
"""

from enum import IntEnum


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


class UsageError(CondlookupError):
    """Input the user must fix before anything can be looked up: exit code 2, like Click's own
    usage errors, but one line, as every other failure is."""


class NotFoundError(CondlookupError):
    """A query matched nothing."""


class DataError(CondlookupError):
    """A condition file or the index is invalid."""
