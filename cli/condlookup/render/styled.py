"""Rich renderables for a terminal. Data always goes in as Text, so markup in it stays text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from condlookup.render import common
from condlookup.text import safe

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import CataloguePage, Links, Phenotype
    from condlookup.library import Summary
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.scoring import MatchResult
    from condlookup.pages.models import Condition
    from condlookup.search import SearchResult

ACCENT = "bold cyan"


def page(
    condition: Condition,
    annotations: tuple[Phenotype, ...] = (),
    counts: tuple[int, int, tuple[str, ...]] = (0, 0, ()),
    hpo_release: str | None = None,
    links: Links | None = None,
    mondo_version: str | None = None,
) -> RenderableType:
    parts: list[Any] = [Text(safe(condition.name), style="bold underline")]
    if condition.aliases:
        parts.append(_line("Also called: ", ", ".join(condition.aliases)))
    if condition.codes.curies():
        parts.append(_line("Codes: ", common.codes_line(condition)))
    origin = common.origin_line(condition)
    if origin:
        parts.append(Text(safe(origin), style="dim"))
    parts.append(Padding(Text(safe(condition.summary), style="italic"), (1, 0, 0, 0)))
    facts = common.facts(condition)
    if facts:
        # Lines, not a Table: a page is the most shown thing, and rich.table costs 3 ms to import.
        parts.append(_heading("Key facts"))
        for label, value in facts:
            line = Text()
            line.append(f"{label}: ", style="bold")
            line.append(safe(value))
            parts.append(_indented(line))
    for title, text in common.sections(condition, before_symptoms=True):
        parts += _section(title, text)
    parts.append(_heading("Symptoms"))
    for symptom in condition.symptoms:
        item = Text("• ")
        if symptom.description:
            item.append(safe(symptom.description))
            item.append(" — ")
        detail = common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency)
        item.append(safe(detail), style="dim")
        parts.append(_indented(item))
    for title, text in common.sections(condition, before_symptoms=False):
        parts += _section(title, text)
    hint = Text(safe(common.specialist_hint(condition.specialists)), style="bold")
    parts.append(
        Padding(
            Panel(hint, title=Text("Who to see"), title_align="left", border_style="green"),
            (1, 0, 0, 0),
        )
    )
    if condition.related:
        parts.append(_heading("Related conditions"))
        parts += [_indented(Text(f"• {safe(item)}")) for item in condition.related]
    family = links is not None and (links.broader or links.narrower)
    if links is not None and family:
        parts.append(_heading("Family"))
        kind = common.kind_of(links)
        if kind:
            parts.append(Text(safe(kind)))
        if links.narrower:
            parts.append(Text(f"{common.types_heading(links)}:"))
            parts += [_indented(Text(f"• {safe(line)}")) for line in common.type_lines(links)]
    if annotations:
        parts.append(_heading("HPO annotations"))
        parts += _phenotypes(annotations)
    elif counts[0]:
        parts.append(_heading("HPO annotations"))
        parts.append(Text(common.folded_annotations(counts), style="dim"))
    parts.append(_heading("Sources"))
    for source in condition.sources:
        line = Text(f"• {safe(source.title)} ")
        line.append(safe(source.url), style=f"link {source.url}" if _linkable(source.url) else "")
        parts.append(_indented(line))
    footer = Text()
    if condition.reviewed:
        footer.append(f"Reviewed {condition.reviewed.isoformat()}. ")
    if counts[0]:
        footer.append(common.hpo_statement(hpo_release) + " ")
    if family:
        footer.append(common.mondo_statement(mondo_version) + " ")
    footer.append(common.DISCLAIMER)
    parts.append(Padding(Text.assemble(footer, style="dim"), (1, 0, 0, 0)))
    return _grouped(parts)


def catalogue_page(entry: CataloguePage) -> RenderableType:
    parts: list[Any] = [Text(safe(entry.name), style="bold underline")]
    if entry.aliases:
        parts.append(_line("Also called: ", ", ".join(entry.aliases)))
    label, _, codes = common.codes_label(entry.codes).partition(" ")
    parts.append(_line(f"{label} ", f"{codes} (from the HPO catalogue)"))
    kind = common.kind_of(entry.links)
    if kind:
        label, _, kinds = kind.partition(": ")
        parts.append(_line(f"{label}: ", kinds))
    if entry.inheritance:
        parts.append(_line("Inheritance: ", ", ".join(entry.inheritance)))
    if entry.onsets:
        parts.append(_line("Onset and course: ", ", ".join(entry.onsets)))
    if entry.types:
        parts.append(Padding(Text(common.family_note(entry), style="dim"), (1, 0, 0, 0)))
    if entry.links.narrower:
        parts.append(_heading(common.types_heading(entry.links)))
        parts += [_indented(Text(f"• {safe(line)}")) for line in common.type_lines(entry.links)]
    if entry.phenotypes:
        parts.append(_heading(common.features_heading(entry)))
        parts += _phenotypes(entry.phenotypes)
    hint = Text(safe(common.specialist_hint(entry.specialists)), style="bold")
    hint.append("\n" + common.DERIVED_SPECIALISTS, style="dim not bold")
    panel = Panel(hint, title=Text("Who to see"), title_align="left", border_style="green")
    parts.append(Padding(panel, (1, 0, 0, 0)))
    parts.append(_heading("Sources"))
    for title, url in entry.sources:
        parts.append(_indented(_link(f"• {title} ", url)))
    release = f"• HPO disease annotations, release {entry.hpo_release} "
    parts.append(_indented(_link(release, common.HPO_SITE)))
    thanks = [common.hpo_statement(entry.hpo_release)]
    if entry.mondo_version:
        thanks.append(common.mondo_statement(entry.mondo_version))
    footer = Text(" ".join([*thanks, common.DISCLAIMER]), style="dim")
    parts.append(Padding(footer, (1, 0, 0, 0)))
    return _grouped(parts)


def _phenotypes(phenotypes: tuple[Phenotype, ...]) -> list[Any]:
    parts: list[Any] = []
    width = max(len(common.phenotype_frequency(item)) for item in phenotypes)
    for category, items in common.by_category(phenotypes):
        parts.append(_indented(Text(category, style="bold")))
        for item in items:
            line = Text()
            line.append(f"{common.bar(item.frequency):<10} ", style="green")
            line.append(f"{common.phenotype_frequency(item):<{width}}  ", style="dim")
            line.append(safe(common.phenotype_label(item)))
            parts.append(_indented(line, 4))
    return parts


def _link(label: str, url: str) -> Text:
    text = Text(safe(label))
    text.append(safe(url), style=f"link {url}" if _linkable(url) else "")
    return text


def search(result: SearchResult) -> RenderableType:
    from rich.table import Table  # noqa: PLC0415 - see page()

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("Condition", ratio=2)
    table.add_column("Matched", ratio=5)
    for hit in result.hits:
        name = Text(safe(hit.name), style="bold")
        name.append(f"\n{safe(hit.id)}", style="dim")
        if hit.source != "curated":
            name.append(f" ({hit.source})", style="dim")
        line = Text()
        line.append(f"{hit.matched_field}: ", style="dim")
        line.append_text(_highlight(hit.line, hit.spans))
        table.add_row(name, line)
    parts: list[RenderableType] = [table]
    more = result.total - len(result.hits)
    if more > 0:
        parts.append(Text(f"... and {more} more (use --limit to see them)", style="dim"))
    return Group(*parts)


def listing(items: list[Summary], more: int = 0) -> RenderableType:
    """A table for a few conditions; one line each for many (a long table is slow to draw)."""
    if len(items) <= _TABLE_AT_MOST:
        table: RenderableType = _table(items)
    else:
        lines = Text(no_wrap=True, overflow="ellipsis")
        width = max(len(item.id) for item in items) + 2
        for item in items:
            lines.append(f"{safe(item.id):<{width}}", style=ACCENT)
            lines.append(safe(item.name), style="bold")
            if item.specialists:
                lines.append(f"  {safe(', '.join(item.specialists))}", style="dim")
            lines.append("\n")
        lines.rstrip()
        table = lines
    if more:
        note = f"... and {more} more: `condlookup list | less` shows every id, --json all."
        return Group(table, Text(note, style="dim"))
    return table


_TABLE_AT_MOST = 25


def _table(items: list[Summary]) -> RenderableType:
    from rich.table import Table  # noqa: PLC0415 - see page()

    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", style=ACCENT, no_wrap=True)
    table.add_column("Name", style="bold", ratio=2)
    table.add_column("See", ratio=2)
    table.add_column("Summary", ratio=4)
    for item in items:
        table.add_row(
            Text(safe(item.id)),
            Text(safe(item.name)),
            Text(safe(", ".join(item.specialists))),
            Text(safe(item.summary)),
        )
    return table


def info(facts: list[tuple[str, str]], thanks: list[str]) -> RenderableType:
    from rich.table import Table  # noqa: PLC0415 - see page()

    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    for label, value in facts:
        table.add_row(label, Text(safe(value)))
    credit_lines = Text("\n").join(Text(f"• {line}") for line in thanks)
    return Group(
        table, Padding(Panel(credit_lines, title=Text("Credits"), title_align="left"), (1, 0, 0, 0))
    )


class _Indented:
    """A line to show indented; `_grouped` joins neighbours into one Padding."""

    __slots__ = ("text", "width")

    def __init__(self, text: Text, width: int = 2) -> None:
        self.text = text
        self.width = width


def _indented(text: Text, width: int = 2) -> Any:
    """Two columns in, wrapped lines included."""
    return _Indented(text, width)


def _grouped(parts: list[Any]) -> RenderableType:
    """The parts as a Group, neighbouring indented lines as one block.

    A page has dozens of short lines; rendering them as a few blocks rather than one Padding
    each keeps a terminal page within its start-up budget.
    """
    out: list[RenderableType] = []
    pending: list[Text] = []
    width = 0

    def flush() -> None:
        if pending:
            joined = Text("\n").join(pending)
            out.append(Padding(joined, (0, 0, 0, width)) if width else joined)
            pending.clear()

    for part in parts:
        # Neighbouring lines of the same indent (none for plain Text) become one block.
        indent = part.width if isinstance(part, _Indented) else 0 if isinstance(part, Text) else -1
        if pending and indent != width:
            flush()
        if indent < 0:
            out.append(part)
            continue
        width = indent
        pending.append(part.text if isinstance(part, _Indented) else part)
    flush()
    return Group(*out)


def _heading(title: str) -> RenderableType:
    return Text(f"\n{title}", style=ACCENT)


def _line(label: str, value: str) -> Text:
    text = Text()
    text.append(label, style="dim")
    text.append(safe(value))
    return text


def _section(title: str, text: str) -> list[Any]:
    parts: list[Any] = [_heading(title)]
    previous = ""
    for kind, value in common.blocks(text):
        if kind == "para":
            parts.append(Text(("\n" if previous else "") + safe(value)))
        else:
            parts.append(_indented(Text(f"• {safe(value)}")))
        previous = kind
    return parts


def _highlight(line: str, spans: tuple[tuple[int, int], ...]) -> Text:
    shown = safe(line)
    text = Text(shown)
    if shown == line:  # escaping moved the characters; then the line goes unhighlighted
        for start, end in spans:
            text.stylize("bold yellow", start, end)
    return text


def _linkable(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not any(ch in url for ch in " []")


def match(result: MatchResult) -> RenderableType:
    from rich.table import Table  # noqa: PLC0415 - see page()

    symptoms = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
    symptoms.add_column(style="bold")
    symptoms.add_column()
    for item in (*result.symptoms, *result.absent):
        became = Text("→ absent: " if item in result.absent else "→ ")
        became.append(f"{safe(item.name)} ")
        became.append(item.hpo, style="dim")
        for note in common.symptom_notes(item):
            became.append(f"\n{safe(note)}", style="dim italic")
        symptoms.add_row(Text(safe(item.input)), became)
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Condition", ratio=2)
    table.add_column("Score", justify="right", style=ACCENT)
    table.add_column("What each symptom added", ratio=4)
    for hit in result.hits:
        name = Text(safe(hit.name), style="bold")
        name.append(f"\n{safe(hit.id)}", style="dim")
        parts = Text()
        for index, part in enumerate(hit.matched):
            if index:
                parts.append("\n")
            if part.name is None:
                parts.append(f"{part.query_hpo} not recorded ", style="dim")
            else:
                parts.append("absent " if part.absent else "", style="bold")
                parts.append(safe(part.name))
                parts.append(f" {common.phenotype_frequency_value(part.frequency)} ", style="dim")
            parts.append(f"{part.points:+.1f}", style="green" if part.points > 0 else "red")
        parts.append(f"\n{common.prior_words(hit)}", style="dim")
        table.add_row(str(hit.rank), name, f"{hit.score:.1f}", parts)
    return Group(
        _heading("Symptoms"),
        symptoms,
        _heading(common.match_heading(result)),
        table,
        Text(common.MATCH_DISCLAIMER, style="dim"),
    )


def case(found: CaseResult) -> RenderableType:
    """One phenopacket's ranking, under its id and file."""
    parts: list[RenderableType] = [Text(safe(common.case_heading(found)), style="bold underline")]
    skipped = common.skipped_line(found)
    if skipped:
        parts.append(Text(safe(skipped), style="dim"))
    return Group(*parts, match(found.result), Text(""))
