"""The outline of a page: its blocks, in order, with their words. Written once here; the
styled, plain and Markdown renderers only format the blocks, so a page cannot show or credit
one thing on a terminal and another in a file.

A curated page: its names, summary, key facts, sections and symptoms, who to see, related
conditions, its family, the HPO's annotations, sources and credits. A catalogue page: its names
and facts, the family it heads, its features, who to see, sources and credits.
"""

from typing import TYPE_CHECKING, NamedTuple, cast

from condlookup.render import common

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.view import PageView
    from condlookup.pages.models import Condition, Symptom
    from condlookup.sources.codes import Link


class Field(NamedTuple):
    """A labelled line under the title: 'Codes: ORPHA:1183'. An aside (other names) is shown
    quieter."""

    label: str
    value: str
    aside: bool = False


class Title(NamedTuple):
    text: str


class Header(NamedTuple):
    fields: tuple[Field, ...]


class Origin(NamedTuple):
    """Where a user's own page comes from: a path on this machine, never exported."""

    text: str


class Lead(NamedTuple):
    """The page's first sentence."""

    text: str


class KeyFacts(NamedTuple):
    items: tuple[Field, ...]


class Prose(NamedTuple):
    """A section of paragraphs and bullet points."""

    title: str
    text: str


class Symptoms(NamedTuple):
    items: "tuple[Symptom, ...]"


class Note(NamedTuple):
    text: str


class Bullets(NamedTuple):
    title: str
    items: tuple[str, ...]


class Family(NamedTuple):
    """What a curated page's condition is a kind of, and its types."""

    kind: str | None  # the broader conditions, or None
    types_heading: str
    types: tuple[str, ...]


class Features(NamedTuple):
    title: str
    phenotypes: "tuple[Phenotype, ...]"
    folded: str | None  # what stands for them when they are not listed


class WhoToSee(NamedTuple):
    hint: str
    note: str | None


class Sources(NamedTuple):
    items: "tuple[Link, ...]"


class Footer(NamedTuple):
    """The credits each source's licence asks for, and the not-medical-advice line."""

    lines: tuple[str, ...]


Block = (
    Title
    | Header
    | Origin
    | Lead
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
        return _catalogue(view, cast("CataloguePage", view.page))
    return _curated(view, cast("Condition", view.page))


def _curated(view: "PageView", page: "Condition") -> tuple[Block, ...]:
    from condlookup.sources.codes import Link  # noqa: PLC0415 - not for `list`, which loads this

    fields = []
    if page.aliases:
        fields.append(Field("Also called", ", ".join(page.aliases), aside=True))
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
        fields.append(Field("Also called", ", ".join(page.aliases), aside=True))
    fields.append(Field(label, f"{codes} (from the HPO catalogue)"))
    kind = common.kind_of(page.links)
    if kind:
        fields.append(Field("A kind of", kind))
    if page.inheritance:
        fields.append(Field("Inheritance", ", ".join(page.inheritance)))
    if page.onsets:
        fields.append(Field("Onset and course", ", ".join(page.onsets)))
    blocks: list[Block] = [Title(page.name), Header(tuple(fields))]
    if page.types:
        blocks.append(Note(common.family_note(page)))
    if page.links.narrower:
        blocks.append(
            Bullets(common.types_heading(page.links), tuple(common.type_lines(page.links)))
        )
    if page.phenotypes:
        blocks.append(Features(common.features_heading(page), page.phenotypes, None))
    blocks.append(WhoToSee(common.specialist_hint(page.specialists), common.DERIVED_SPECIALISTS))
    release = Link(f"HPO disease annotations, release {page.hpo_release}", common.HPO_SITE)
    blocks.append(Sources((*page.sources, release)))
    blocks.append(Footer(tuple(_credits(view))))
    return tuple(blocks)


def _credits(view: "PageView") -> list[str]:
    lines = []
    if view.credits.hpo_release is not None:
        lines.append(common.hpo_statement(view.credits.hpo_release))
    if view.credits.mondo_version is not None:
        lines.append(common.mondo_statement(view.credits.mondo_version))
    return [*lines, common.DISCLAIMER]
