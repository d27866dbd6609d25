"""The command-line interface: thin commands over the library and the renderers."""

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from condlookup import __version__, output
from condlookup.errors import CondlookupError, ExitCode
from condlookup.library import Library
from condlookup.render import plain


class _Group(TyperGroup):
    """Catches the one family of expected errors, once, for every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CondlookupError as err:
            output.error(err.message, err.hint)
            raise typer.Exit(ExitCode.FAILURE) from None


app = typer.Typer(
    cls=_Group,
    help="An offline reference for medical conditions, rare and neurological ones first.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see README).")]
SpecialistOption = Annotated[
    str | None,
    typer.Option("--specialist", "-s", help="Only conditions seen by this specialist."),
]


def _library() -> Library:
    return Library.open()


def _complete_ids(incomplete: str) -> list[str]:
    try:
        return _library().ids(incomplete.lower())
    except CondlookupError:
        return []


def _version(value: bool) -> None:
    if value:
        output.write(f"condlookup {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Look up medical conditions offline: what they are, their symptoms, who to see."""


@app.command()
def show(
    query: Annotated[
        list[str],
        typer.Argument(
            help="An id, name, alias or code, e.g. oms, 'charge syndrome', ORPHA:1183.",
            autocompletion=_complete_ids,
            show_default=False,
            metavar="QUERY...",
        ),
    ],
    as_json: JsonOption = False,
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="Page long pages on a terminal.")
    ] = True,
) -> None:
    """Show one condition's page.

    QUERY is an id, a name, an alias or a code (ORPHA:..., OMIM:...), in any case and with or
    without accents. A query that names nothing is never guessed: the closest names are
    suggested instead.
    """
    condition = _library().get(" ".join(query))
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(data.page(condition))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415 - Rich only on a terminal

        output.show(styled.page(condition), pager=pager)
    else:
        output.write(plain.page(condition))


@app.command()
def search(
    query: Annotated[
        list[str], typer.Argument(help="Words that must all appear.", metavar="WORDS...")
    ],
    specialist: SpecialistOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results shown.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find the conditions that mention words.

    Every word must appear (as a word or the start of one). Matches in a name or alias rank
    first, then matches in symptoms, then anywhere in the text.
    """
    result = _library().search(" ".join(query), specialist=specialist, limit=limit)
    if not result.total:
        raise CondlookupError(
            f"nothing matches {' '.join(query)!r}",
            hint="try fewer or other words" + (", or no --specialist" if specialist else ""),
        )
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(data.search(result))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.search(result))
    else:
        output.write(plain.search(result))


@app.command("list")
def list_conditions(specialist: SpecialistOption = None, as_json: JsonOption = False) -> None:
    """List the conditions.

    A table on a terminal; one id per line when piped.
    """
    items = _library().summaries(specialist=specialist)
    if not items:
        raise CondlookupError(f"no condition is seen by a {specialist!r}")
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(data.listing(items))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.listing(items))
    else:
        output.write(plain.listing(items))


@app.command()
def info() -> None:
    """Show the version, data folders, counts and credits."""
    import platform  # noqa: PLC0415

    from condlookup.paths import index_path  # noqa: PLC0415

    library = _library()
    counts = library.counts()
    facts = [
        ("Version", __version__),
        ("Python", platform.python_version()),
        ("Curated pages", str(counts.get("curated", 0))),
        ("Page folders", ", ".join(str(path) for path in library.page_dirs())),
        ("Index", str(index_path())),
    ]
    thanks = [
        "Curated pages: written for condlookup from the sources listed on each page.",
        "Built with Typer, Rich and PyYAML.",
    ]
    if output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.info(facts, thanks))
    else:
        output.write(plain.info(facts, thanks))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Page files or folders (default: the pages condlookup reads).",
            show_default=False,
            metavar="[PATHS]...",
        ),
    ] = None,
) -> None:
    """Check condition pages for problems.

    Reports every problem in every file as FILE:LINE:COLUMN: message, and exits 1 if there is
    any. Without PATHS, checks the pages condlookup reads.
    """
    from condlookup.validation import validate_paths  # noqa: PLC0415

    report = validate_paths(paths or _library().page_dirs())
    for problem in report.problems:
        output.notice(str(problem))
    if report.problems:
        raise CondlookupError(
            f"{len(report.problems)} problem(s) in {report.bad_files} of {report.files} file(s)"
        )
    output.write(f"ok: {report.files} page(s), no problems\n")


def main() -> None:
    app(prog_name="condlookup")
