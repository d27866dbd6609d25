"""The outline of a page: its blocks, in order, with their words. Written once here; the
styled, plain and Markdown renderers only format the blocks, so a page cannot show or credit
one thing on a terminal and another in a file.

A curated page: its names, summary, key facts, sections and symptoms, who to see, related
conditions, its family, the HPO's annotations, sources and credits. A catalogue page: its names,
condlookup's own first sentence (marked as such), its facts, the family it heads, its features,
who to see, sources and credits.
"""

from typing import TYPE_CHECKING, cast

from condlookup.render import common

if TYPE_CHECKING:
    from condlookup.catalogue.definitions import Definition
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.do_pages import CommonPage
    from condlookup.catalogue.gene_pages import GenePage
    from condlookup.catalogue.view import PageView
    from condlookup.pages.models import Condition, Symptom
    from condlookup.sources.codes import Link


class _Block:
    """A block of the outline. Plain classes with slots, not NamedTuples: a page is built from
    them on every `show`, and fifteen NamedTuple classes cost a millisecond to create at
    import, a fiftieth of the whole start-up budget."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__name__}({shown})"


class Field(_Block):
    """A labelled line under the title: 'Codes: ORPHA:1183'. An aside (other names) is shown
    quieter."""

    __slots__ = __match_args__ = ("label", "value", "aside")

    def __init__(self, label: str, value: str, aside: bool = False) -> None:
        self.label = label
        self.value = value
        self.aside = aside


class FoundBy(_Block):
    """What the query was taken as, when a name other than the condition's own found it."""

    __slots__ = __match_args__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Title(_Block):
    __slots__ = __match_args__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Header(_Block):
    __slots__ = __match_args__ = ("fields",)

    def __init__(self, fields: tuple[Field, ...]) -> None:
        self.fields = fields


class Origin(_Block):
    """Where a user's own page comes from: a path on this machine, never exported."""

    __slots__ = __match_args__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Lead(_Block):
    """The page's first sentence; `mark` says, quietly, that condlookup wrote it from the
    facts (None for a page's own words)."""

    __slots__ = __match_args__ = ("text", "mark")

    def __init__(self, text: str, mark: str | None = None) -> None:
        self.text = text
        self.mark = mark


class Quoted(_Block):
    """Another source's words, as they are, with whose they are under them: "What it is"."""

    __slots__ = __match_args__ = ("title", "text", "credit")

    def __init__(self, title: str, text: str, credit: str) -> None:
        self.title = title
        self.text = text
        self.credit = credit


class KeyFacts(_Block):
    __slots__ = __match_args__ = ("items",)

    def __init__(self, items: tuple[Field, ...]) -> None:
        self.items = items


class Prose(_Block):
    """A section of paragraphs and bullet points."""

    __slots__ = __match_args__ = ("title", "text")

    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text


class Symptoms(_Block):
    __slots__ = __match_args__ = ("items",)

    def __init__(self, items: "tuple[Symptom, ...]") -> None:
        self.items = items


class Note(_Block):
    __slots__ = __match_args__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Bullets(_Block):
    __slots__ = __match_args__ = ("title", "items")

    def __init__(self, title: str, items: tuple[str, ...]) -> None:
        self.title = title
        self.items = items


class Family(_Block):
    """What a curated page's condition is a kind of (None: nothing), and its types."""

    __slots__ = __match_args__ = ("kind", "types_heading", "types")

    def __init__(self, kind: str | None, types_heading: str, types: tuple[str, ...]) -> None:
        self.kind = kind
        self.types_heading = types_heading
        self.types = types


class Features(_Block):
    """Phenotypes, or what stands for them (`folded`) when they are not listed."""

    __slots__ = __match_args__ = ("title", "phenotypes", "folded")

    def __init__(self, title: str, phenotypes: "tuple[Phenotype, ...]", folded: str | None) -> None:
        self.title = title
        self.phenotypes = phenotypes
        self.folded = folded


class WhoToSee(_Block):
    __slots__ = __match_args__ = ("hint", "note")

    def __init__(self, hint: str, note: str | None) -> None:
        self.hint = hint
        self.note = note


class Sources(_Block):
    __slots__ = __match_args__ = ("items",)

    def __init__(self, items: "tuple[Link, ...]") -> None:
        self.items = items


class Footer(_Block):
    """The credits each source's licence asks for, and the not-medical-advice line."""

    __slots__ = __match_args__ = ("lines",)

    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines


Block = (
    FoundBy
    | Title
    | Header
    | Origin
    | Lead
    | Quoted
    | KeyFacts
    | Prose
    | Symptoms
    | Note
    | Bullets
    | Family
    | Features
    | WhoToSee
    | Sources
    | Footer
)


def outline(view: "PageView") -> tuple[Block, ...]:
    # By its source, not isinstance: that would load both kinds of page for every `show`.
    if view.page.source == "hpo":
        blocks = _catalogue(view, cast("CataloguePage", view.page))
    elif view.page.source == "do":
        blocks = _common(cast("CommonPage", view.page))
    elif view.page.source == "gene":
        blocks = _gene(view, cast("GenePage", view.page))
    else:
        blocks = _curated(view, cast("Condition", view.page))
    if view.genes:  # before who to see: the genes are what the page says of the condition
        from condlookup.catalogue.genes import by_gene  # noqa: PLC0415 - a page with genes

        every = by_gene(view.genes)
        at = next(i for i, block in enumerate(blocks) if isinstance(block, WhoToSee))
        shown = every[: common.GENES_LISTED]
        lines = tuple(common.gene_line(symbol, ties) for symbol, ties in shown)
        if len(every) > len(shown):  # a family of hearing losses has 132: the causes first
            lines += (f"and {len(every) - len(shown)} more (`--json` lists them all)",)
        blocks = (*blocks[:at], Bullets("Genes", lines), *blocks[at:])
    if view.gene_named is not None:
        blocks = (Note(common.gene_named_note(view.gene_named)), *blocks)
    if view.found_by is None:
        return blocks
    return (FoundBy(f"{view.found_by} is one of the names of {view.page.name}."), *blocks)


def _curated(view: "PageView", page: "Condition") -> tuple[Block, ...]:
    from condlookup.sources.codes import Link  # noqa: PLC0415 - not for `list`, which loads this

    fields = []
    if page.aliases:
        fields.append(Field("Also called", common.names_list(page.aliases), aside=True))
    if page.codes.curies():
        fields.append(Field("Codes", ", ".join(page.codes.curies())))
    blocks: list[Block] = [Title(page.name)]
    if fields:
        blocks.append(Header(tuple(fields)))
    origin = common.origin_line(page)
    if origin:
        blocks.append(Origin(origin))
    blocks.append(Lead(page.summary))
    facts = common.facts(page)
    if facts:
        blocks.append(KeyFacts(tuple(Field(label, value) for label, value in facts)))
    blocks += [Prose(title, text) for title, text in common.sections(page, before_symptoms=True)]
    blocks.append(Symptoms(page.symptoms))
    blocks += [Prose(title, text) for title, text in common.sections(page, before_symptoms=False)]
    blocks.append(WhoToSee(common.specialist_hint(page.specialists), None))
    if page.related:
        blocks.append(Bullets("Related conditions", page.related))
    links = view.links
    if links.family:
        kind = common.kind_of(links)
        blocks.append(Family(kind, common.types_heading(links), tuple(common.type_lines(links))))
    if view.annotations or view.counts.terms:
        folded = None if view.annotations else common.folded_annotations(view.counts)
        blocks.append(Features("HPO annotations", view.annotations, folded))
    blocks.append(Sources(tuple(Link(source.title, source.url) for source in page.sources)))
    reviewed = (f"Reviewed {page.reviewed.isoformat()}.",) if page.reviewed else ()
    blocks.append(Footer((*reviewed, *_credits(view))))
    return tuple(blocks)


def _catalogue(view: "PageView", page: "CataloguePage") -> tuple[Block, ...]:
    from condlookup.sources.codes import Link  # noqa: PLC0415 - see _curated

    label, _, codes = common.codes_label(page.codes).partition(": ")
    fields = []
    if page.aliases:
        fields.append(Field("Also called", common.some_names(page.aliases), aside=True))
    fields.append(Field(label, f"{codes} (from the HPO catalogue)"))
    kind = common.kind_of(page.links)
    if kind:
        fields.append(Field("A kind of", kind))
    blocks: list[Block] = [Title(page.name), Header(tuple(fields))]
    if page.summary:
        blocks.append(Lead(page.summary, common.generated_mark(page.summary_from)))
    if page.definition is not None:
        blocks.append(_what_it_is(page.definition))
    if page.key_facts:
        labels = common.FACT_LABELS
        blocks.append(KeyFacts(tuple(Field(labels[f.key], f.text) for f in page.key_facts)))
    if page.types:
        blocks.append(Note(common.family_note(page)))
    if page.links.narrower:
        blocks.append(
            Bullets(common.types_heading(page.links), tuple(common.type_lines(page.links)))
        )
    if page.phenotypes:
        blocks.append(Features(common.features_heading(page), page.phenotypes, None))
    why = common.specialist_note(page.specialists, page.because)
    blocks.append(WhoToSee(common.specialist_hint(page.specialists), why))
    release = Link(f"HPO disease annotations, release {page.hpo_release}", common.HPO_SITE)
    blocks.append(Sources((*page.sources, release)))
    blocks.append(Footer(tuple(_credits(view))))
    return tuple(blocks)


def _what_it_is(definition: "Definition") -> Quoted:
    return Quoted("What it is", definition.text, definition.credit)


def _common(page: "CommonPage") -> tuple[Block, ...]:
    """A disease the Disease Ontology defines and the catalogue lacks: what DO says, and
    plainly what condlookup cannot say of it."""
    from condlookup.render import disease_ontology  # noqa: PLC0415 - such a page only
    from condlookup.sources.codes import Link  # noqa: PLC0415 - see _curated

    fields = []
    if page.aliases:
        fields.append(Field("Also called", common.some_names(page.aliases), aside=True))
    fields.append(Field("Codes", ", ".join(page.codes)))
    if page.kind_of:
        fields.append(Field("A kind of", f"{', '.join(page.kind_of)} (Human Disease Ontology)"))
    blocks: list[Block] = [Title(page.name), Header(tuple(fields)), Lead(page.summary)]
    if page.definition is not None:
        blocks.append(_what_it_is(page.definition))
    blocks.append(Note(disease_ontology.OUTSIDE_CATALOGUE))
    why = common.specialist_note(page.specialists, page.because) if page.specialists else None
    blocks.append(WhoToSee(common.specialist_hint(page.specialists), why))
    release = Link(f"Human Disease Ontology, release {page.do_version}", disease_ontology.DO_SITE)
    blocks.append(Sources((*page.sources, release)))
    blocks.append(Footer((disease_ontology.do_statement(page.do_version), common.DISCLAIMER)))
    return tuple(blocks)


def _gene(view: "PageView", page: "GenePage") -> tuple[Block, ...]:
    """A gene: its names and ids, and the conditions it is tied to, each with how and a line
    saying what it is."""
    from condlookup.render import genes  # noqa: PLC0415 - a gene's page only
    from condlookup.sources.codes import Link  # noqa: PLC0415 - see _curated

    fields = []
    if page.name:
        fields.append(Field("Name", f"{page.name} (Orphanet)"))
    if page.codes:
        fields.append(Field("Codes", ", ".join(page.codes)))
    blocks: list[Block] = [Title(page.symbol), Header(tuple(fields)), Lead(genes.gene_lead(page))]
    blocks.append(
        Bullets(
            f"Conditions ({len(page.diseases)})",
            tuple(genes.gene_disease_line(item) for item in page.diseases),
        )
    )
    links = [genes.gene_link(code) for code in page.codes]
    blocks.append(Sources(tuple(Link(title, url) for title, url in links)))
    blocks.append(Footer(tuple(_credits(view))))
    return tuple(blocks)


def _credits(view: "PageView") -> list[str]:
    lines = []
    if view.credits.hpo_release is not None:
        lines.append(common.hpo_statement(view.credits.hpo_release))
    if view.credits.mondo_version is not None:
        lines.append(common.mondo_statement(view.credits.mondo_version))
    if view.credits.orphanet_version is not None:
        lines.append(common.orphanet_statement(view.credits.orphanet_version))
    return [*lines, common.DISCLAIMER]
