"""`match`: conditions ranked by how well they fit a set of findings, or each case of a set of
phenopackets; built only when asked for (see `commands.app`): its many options would otherwise
cost every `show`.
"""

from pathlib import Path
from typing import Annotated

import typer

from condlookup.commands import output
from condlookup.commands.options import (
    JsonOption,
    LimitOption,
    PagerOption,
    Source,
    emit,
    open_library,
)
from condlookup.errors import CondlookupError, ExitCode, UsageError
from condlookup.text import quoted

commands = typer.Typer(rich_markup_mode=None)


@commands.command()
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
    from condlookup.matching.symptoms import malformed_id  # noqa: PLC0415 - not for --help

    for given, where in ((symptoms, ""), (absent, "--not: ")):
        typo = malformed_id(given or ())
        if typo is not None:
            raise UsageError(
                f"{where}{quoted(typo)} is not an HPO id",
                hint="an HPO id is HP: and 7 digits, as in HP:0001251",
            )
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
