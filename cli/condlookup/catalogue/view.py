"""One condition's page as every format shows it: the page, what the index adds to it, and
which outside sources it must credit.

`Library.page` builds it once; `show`, `export` and `--json` all take it whole, so what a page
shows and credits is decided here and cannot differ between the terminal, plain text, Markdown
and JSON.
"""

from typing import TYPE_CHECKING, Literal, NamedTuple

from condlookup.records import Record, model

if TYPE_CHECKING:  # types only: `show` of one kind of page need not load the other's model
    from condlookup.catalogue.diseases import CataloguePage, Links, Phenotype
    from condlookup.pages.models import Condition


class AnnotationCounts(NamedTuple):
    """How much the HPO says of a curated page's condition, without listing it."""

    terms: int = 0
    systems: int = 0  # organ systems the terms fall in
    entries: tuple[str, ...] = ()  # the catalogue entries they come from (not the page's own)


class Credits(NamedTuple):
    """The outside sources whose data a page shows, each with its release; None where the page
    shows none of that source's data (and so must not credit it)."""

    hpo_release: str | None = None
    mondo_version: str | None = None


@model
class PageView(Record):
    @property
    def shown_as(self) -> Literal["page"]:
        """Which renderer shows it."""
        return "page"

    page: "Condition | CataloguePage"
    # A curated page's HPO annotations when asked for (--annotations, --json); a catalogue
    # page carries its own.
    annotations: "tuple[Phenotype, ...]"
    counts: AnnotationCounts
    links: "Links"
    credits: Credits


def curated_view(
    page: "Condition",
    annotations: "tuple[Phenotype, ...]",
    counts: AnnotationCounts,
    links: "Links",
    releases: Credits,
) -> PageView:
    """A curated or user page: it credits the HPO when the index holds annotations for it
    (shown or only counted), and Mondo when it shows a family from Mondo."""
    shown = Credits(
        hpo_release=releases.hpo_release if counts.terms else None,
        mondo_version=releases.mondo_version if links.family else None,
    )
    return PageView(page, annotations, counts, links, shown)


def catalogue_view(page: "CataloguePage") -> PageView:
    """A catalogue page: all of it is the HPO's, and its names and family are Mondo's when it
    is a Mondo disease."""
    shown = Credits(hpo_release=page.hpo_release, mondo_version=page.mondo_version)
    counts = AnnotationCounts(terms=len(page.phenotypes))
    return PageView(page, page.phenotypes, counts, page.links, shown)
