"""A problem found in a page file, where it is; and the error that carries problems."""

from __future__ import annotations

from dataclasses import dataclass

from condlookup.errors import DataError


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one file, at a line and column when known."""

    path: str
    line: int | None
    column: int | None
    message: str
    # A name or alias two pages share: both pages stay, and `show` asks which one is meant.
    # Any other problem leaves its page out.
    shared_name: bool = False

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ValidationError(DataError):
    """One or more problems in condition files."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}", hint="run `condlookup validate` to see every problem")
        self.problems = problems
