"""One condition's page as every format shows it: the page, what the index adds to it, and
which outside sources it must credit.

`Library.page` builds it once; `show`, `export` and `--json` all take it whole, so what a page
shows and credits is decided here and cannot differ between the terminal, plain text, Markdown
and JSON.
"""

from typing import TYPE_CHECKING, Literal, Self

from condlookup.records import Record, model

if TYPE_CHECKING:  # types only: `show` of one kind of page need not load the other's model
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.do_pages import CommonPage
    from condlookup.catalogue.gene_pages import GenePage
    from condlookup.catalogue.genes import Tie
    from condlookup.catalogue.links import Links
    from condlookup.pages.models import Condition


class AnnotationCounts(tuple[int, int, tuple[str, ...]]):
    """How much the HPO says of a curated page's condition, without listing it: (terms, organ
    systems, the catalogue entries they come from, not the page's own).

    A tuple with names, written out: every `show` of a page builds one, and a NamedTuple class
    costs a tenth of a millisecond to create."""

    __slots__ = ()

    def __new__(cls, terms: int = 0, systems: int = 0, entries: tuple[str, ...] = ()) -> Self:
        return super().__new__(cls, (terms, systems, entries))

    @property
    def terms(self) -> int:
        return self[0]

    @property
    def systems(self) -> int:
        return self[1]

    @property
    def entries(self) -> tuple[str, ...]:
        return self[2]


class Credits:
    """The outside sources whose data a page shows, each with its release; None where the page
    shows none of that source's data (and so must not credit it)."""

    __slots__ = ("hpo_release", "mondo_version", "orphanet_version")

    def __init__(
        self,
        hpo_release: str | None = None,
        mondo_version: str | None = None,
        orphanet_version: str | None = None,
    ) -> None:
        self.hpo_release = hpo_release
        self.mondo_version = mondo_version
        self.orphanet_version = orphanet_version

    def _values(self) -> tuple[str | None, ...]:
        return (self.hpo_release, self.mondo_version, self.orphanet_version)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Credits) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Credits{self._values()!r}"


@model
class PageView(Record):
    @property
    def shown_as(self) -> Literal["page"]:
        """Which renderer shows it."""
        return "page"

    page: "Condition | CataloguePage | CommonPage | GenePage"
    # A curated page's HPO annotations when asked for (--annotations, --json); a catalogue
    # page carries its own.
    annotations: "tuple[Phenotype, ...]"
    counts: AnnotationCounts
    links: "Links"
    credits: Credits
    # Every code that finds the page, as "NS:ID": a curated page's own, then those of the
    # catalogue entries the index joined to it; a catalogue page's codes.
    codes: tuple[str, ...]
    # The query as typed, when a name other than the condition's own found it ("DS").
    found_by: str | None = None
    # Its genes, each with how it is tied to it, causes first.
    genes: "tuple[tuple[str, Tie], ...]" = ()
    # The symbol of a gene the query also names ("DMD"): the page says how to open it.
    gene_named: str | None = None


def curated_view(
    page: "Condition",
    annotations: "tuple[Phenotype, ...]",
    counts: AnnotationCounts,
    links: "Links",
    releases: Credits,
    codes: tuple[str, ...],
    found_by: str | None = None,
    genes: "tuple[tuple[str, Tie], ...]" = (),
    gene_named: str | None = None,
) -> PageView:
    """A curated or user page: it credits the HPO when the index holds annotations for it
    (shown or only counted) or a gene by the HPO's word, Mondo when it shows a family from
    Mondo, and Orphanet when it shows a gene by Orphanet's word."""
    sources = {tie.source for _, tie in genes}
    shown = Credits(
        hpo_release=releases.hpo_release if counts.terms or "HPO" in sources else None,
        mondo_version=releases.mondo_version if links.family else None,
        orphanet_version=releases.orphanet_version if "Orphanet" in sources else None,
    )
    return PageView(page, annotations, counts, links, shown, codes, found_by, genes, gene_named)


def catalogue_view(
    page: "CataloguePage",
    found_by: str | None = None,
    genes: "tuple[tuple[str, Tie], ...]" = (),
    gene_named: str | None = None,
) -> PageView:
    """A catalogue page: all of it is the HPO's, its names and family are Mondo's when it is a
    Mondo disease, and its key facts Orphanet's when it has Orphanet's facts (its genes are
    Orphanet's facts too, or the HPO's)."""
    shown = Credits(page.hpo_release, page.mondo_version, page.orphanet_version)
    counts = AnnotationCounts(terms=len(page.phenotypes))
    return PageView(
        page, page.phenotypes, counts, page.links, shown, page.codes, found_by, genes, gene_named
    )


def common_view(page: "CommonPage", found_by: str | None = None) -> PageView:
    """A short page of a disease the Disease Ontology defines and the catalogue lacks: it
    shows no data of the HPO's, Mondo's or Orphanet's (its definition carries its credit)."""
    from condlookup.catalogue.links import Links  # noqa: PLC0415

    return PageView(page, (), AnnotationCounts(), Links(), Credits(), page.codes, found_by)


def gene_view(page: "GenePage") -> PageView:
    """A gene's page: it credits the HPO and Orphanet where it shows their ties."""
    from condlookup.catalogue.links import Links  # noqa: PLC0415

    shown = Credits(page.hpo_release, None, page.orphanet_version)
    return PageView(page, (), AnnotationCounts(), Links(), shown, page.codes)
