"""What the commands share: the global options, the option and argument types, opening the
library, and handing a result to the renderer that fits the output."""

import sqlite3
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from condlookup import library
from condlookup.commands import output
from condlookup.errors import CondlookupError
from condlookup.library import Library
from condlookup.render import plain

if TYPE_CHECKING:
    from condlookup.index.sources import Sources
    from condlookup.records import Scope
    from condlookup.render.common import Shown


class Source(StrEnum):
    """`--source`: an enum for Typer's choices, handed to the library as a Scope."""

    curated = "curated"
    hpo = "hpo"
    all = "all"

    @property
    def scope(self) -> "Scope":
        return _SCOPES[self]


_SCOPES: "dict[str, Scope]" = {"curated": "curated", "hpo": "hpo", "all": "all"}


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see README).")]
SpecialistOption = Annotated[
    str | None,
    typer.Option("--specialist", "-s", help="Only conditions seen by this specialist."),
]
PagerOption = Annotated[
    bool,
    typer.Option("--pager/--no-pager", help="Page long output on a terminal (never when piped)."),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results shown.")]


class Options:
    """The global options, set by the app's callback before any command runs."""

    hpo_dir: Path | None = None
    data_dirs: tuple[Path, ...] = ()


def current_sources() -> "Sources":
    return library.default_sources(Options.hpo_dir, Options.data_dirs)


def open_library() -> Library:
    return Library.open(current_sources(), progress=output.build_progress(), warn=output.warning)


def emit(result: "Shown", *, as_json: bool, pager: bool = False) -> None:
    """Print `result` as JSON, with Rich on a terminal, or as plain text."""
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(data.render(result))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.render(result), pager=pager)
    else:
        output.page(plain.render(result), pager=pager)


def _complete_ids(incomplete: str) -> list[str]:
    # Quietly: a warning or a progress bar on stderr would garble the shell's completion.
    try:
        return Library.open(current_sources()).ids(incomplete)
    except (CondlookupError, sqlite3.DatabaseError):  # a damaged index completes nothing
        return []


QueryArgument = Annotated[
    list[str],
    typer.Argument(
        help="An id, name, alias or code, e.g. oms, 'charge syndrome', ORPHA:1183.",
        autocompletion=_complete_ids,
        show_default=False,
        metavar="QUERY...",
    ),
]
