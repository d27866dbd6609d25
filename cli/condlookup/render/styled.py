"""Rich renderables for a terminal. Data always goes in as Text, so markup in it stays text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from condlookup.render import common, outline
from condlookup.text import safe

if TYPE_CHECKING:
    from collections.abc import Iterator

    from condlookup.catalogue.diseases import Phenotype
    from condlookup.catalogue.view import PageView
    from condlookup.library import Summary
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import MatchResult
    from condlookup.render.common import Shown
    from condlookup.search import SearchResult

ACCENT = "bold cyan"


def page(view: PageView) -> RenderableType:
    parts: list[Any] = []
    for block in outline.outline(view):
        parts += _block(block)
    return _grouped(parts)


def _block(block: outline.Block) -> list[Any]:
    match block:
        case outline.FoundBy(text):
            return [Text(safe(text), style="italic"), Text("")]
        case outline.Title(text):
            return [Text(safe(text), style="bold underline")]
        case outline.Header(fields):
            return [_line(f"{field.label}: ", field.value) for field in fields]
        case outline.Origin(text):
            return [Text(safe(text), style="dim")]
        case outline.Lead(text, mark):
            lead = [Padding(Text(safe(text), style="italic"), (1, 0, 0, 0))]
            return [*lead, Text(safe(mark), style="dim")] if mark else lead
        case outline.Note(text):
            return [Padding(Text(safe(text), style="dim"), (1, 0, 0, 0))]
        case outline.Quoted(title, text, credit):
            return [_heading(title), Text(safe(text)), Text(safe(credit), style="dim")]
        case outline.KeyFacts(items):
            # Lines, not a Table: a page is the most shown thing, and rich.table costs 3 ms
            # to import.
            parts: list[Any] = [_heading("Key facts")]
            for item in items:
                line = Text()
                line.append(f"{item.label}: ", style="bold")
                line.append(safe(item.value))
                parts.append(_indented(line))
            return parts
        case outline.Prose(title, text):
            return _section(title, text)
        case outline.Symptoms(items):
            parts = [_heading("Symptoms")]
            for symptom in items:
                entry = Text("• ")
                if symptom.description:
                    entry.append(safe(symptom.description))
                    entry.append(" — ")
                detail = common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency)
                entry.append(safe(detail), style="dim")
                parts.append(_indented(entry))
            return parts
        case outline.Bullets(title, items):
            return [_heading(title), *_bullets(items)]
        case outline.Family(kind, types_heading, types):
            parts = [_heading("Family")]
            if kind:
                parts.append(Text(safe(f"A kind of: {kind}")))
            if types:
                parts += [Text(f"{types_heading}:"), *_bullets(types)]
            return parts
        case outline.Features(title, phenotypes, folded):
            if phenotypes:
                return [_heading(title), *_phenotypes(phenotypes)]
            return [_heading(title), Text(folded or "", style="dim")]
        case outline.WhoToSee(hint, note):
            said = Text(safe(hint), style="bold")
            if note:
                said.append("\n" + note, style="dim not bold")
            panel = Panel(said, title=Text("Who to see"), title_align="left", border_style="green")
            return [Padding(panel, (1, 0, 0, 0))]
        case outline.Sources(items):
            return [_heading("Sources"), *(_indented(_link(f"• {t} ", url)) for t, url in items)]
        case outline.Footer(lines):
            # The credits dimmed; the not-medical-advice line, the last, on its own and undimmed.
            *thanks, advice = lines
            parts = [Text("")]
            if thanks:
                parts.append(Text(" ".join(thanks), style="dim"))
            return [*parts, Text(safe(advice))]


def _bullets(items: tuple[str, ...]) -> list[Any]:
    return [_indented(Text(f"• {safe(item)}")) for item in items]


def _phenotypes(phenotypes: tuple[Phenotype, ...]) -> list[Any]:
    parts: list[Any] = []
    width = max(len(common.phenotype_frequency(item)) for item in phenotypes)
    for category, items in common.by_category(phenotypes):
        parts.append(_indented(Text(category, style="bold")))
        rows = []
        for item in items:
            lead = Text()
            lead.append(f"{common.phenotype_bar(item):<10} ", style="green")
            lead.append(f"{common.phenotype_frequency(item):<{width}}  ", style="dim")
            rows.append((lead, Text(safe(common.phenotype_label(item)))))
        parts.append(_Hanging(rows, 4))
    return parts


class _Hanging:
    """Lines of a lead and a text, the text's wrapped lines under its start (a hanging indent).

    Not a Table: a page is the most shown thing, and rich.table costs 3 ms to import.
    """

    def __init__(self, rows: list[tuple[Text, Text]], indent: int) -> None:
        self.rows = rows
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        out = Text(no_wrap=True, overflow="ignore")
        for index, (lead, text) in enumerate(self.rows):
            hang = self.indent + lead.cell_len
            lines = text.wrap(console, max(options.max_width - hang, 10))
            for number, line in enumerate(lines):
                if index or number:
                    out.append("\n")
                out.append(" " * (self.indent if number == 0 else hang))
                if number == 0:
                    out.append_text(lead)
                out.append_text(line)
        yield out


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
    if result.gene is not None:
        parts.insert(0, Text(safe(common.gene_search_line(result.gene)), style="italic"))
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

    # A name's longest word is never cut ("Opsoclonus-myoclo…"), nor a specialist's words
    # wrapped one a line: each column is at least as wide as its longest word (to a point),
    # one specialist a line.
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", style=ACCENT, no_wrap=True)
    names = [item.name for item in items]
    specialists = [name for item in items for name in item.specialists]
    table.add_column("Name", style="bold", ratio=2, width=_longest_word(names, 26))
    table.add_column("See", ratio=2, width=_longest_word(specialists, 22, whole=True))
    table.add_column("Summary", ratio=3, width=20)
    for item in items:
        table.add_row(
            Text(safe(item.id)),
            Text(safe(item.name)),
            Text(safe("\n".join(item.specialists))),
            Text(safe(item.summary)),
        )
    return table


def _longest_word(texts: list[str], at_most: int, whole: bool = False) -> int:
    """The widest word of `texts` (with `whole`, the widest text), at most `at_most`."""
    words = texts if whole else [word for text in texts for word in text.split()]
    return min(max((len(word) for word in words), default=1), at_most)


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

    from condlookup.render import match_words  # noqa: PLC0415 - match and cases only

    symptoms = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
    symptoms.add_column(style="bold")
    symptoms.add_column()
    for item in (*result.symptoms, *result.absent):
        became = Text("→ absent: " if item in result.absent else "→ ")
        became.append(f"{safe(item.name)} ")
        became.append(item.hpo, style="dim")
        for note in match_words.symptom_notes(item):
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
        if hit.genes:
            name.append(f"\n{safe(match_words.hit_genes(hit))}", style=ACCENT)
        parts = Text()
        for index, part in enumerate(hit.matched):
            if index:
                parts.append("\n")
            if part.name is None:
                parts.append(safe(match_words.not_recorded(part)), style="dim")
                continue
            if part.together:
                parts.append(safe(match_words.together_words(part)))
                parts.append(f" {part.points:+.1f}", style="green")
                continue
            parts.append("absent " if part.absent else "", style="bold")
            parts.append(safe(part.name))
            parts.append(f" {match_words.phenotype_frequency_value(part.frequency)} ", style="dim")
            parts.append(f"{part.points:+.1f}", style="green" if part.points > 0 else "red")
        if hit.features:
            parts.append(f"\n{match_words.prior_words(hit)}", style="dim")
        elif not hit.matched:
            parts.append(match_words.NOTHING_FITS, style="dim")
        table.add_row(str(hit.rank), name, f"{hit.score:.1f}", parts)
    advice = [Text(safe(result.advice), style="bold")] if result.advice else []
    return Group(
        _heading("Symptoms"),
        symptoms,
        *advice,
        _heading(match_words.match_heading(result)),
        table,
        Text(match_words.MATCH_DISCLAIMER),
    )


def case(found: CaseResult) -> RenderableType:
    """One phenopacket's ranking, under its id and file."""
    from condlookup.render import match_words  # noqa: PLC0415 - match and cases only

    heading = Text(safe(match_words.case_heading(found)), style="bold underline")
    parts: list[RenderableType] = [heading]
    skipped = match_words.skipped_line(found)
    if skipped:
        parts.append(Text(safe(skipped), style="dim"))
    return Group(*parts, match(found.result), Text(""))


def render(result: Shown) -> RenderableType:
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
