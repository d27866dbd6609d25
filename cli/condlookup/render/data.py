"""JSON-ready dicts with the stable keys documented in the README."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from condlookup.pages.models import NAMED_BY_PAGE
from condlookup.pages.serialize import to_dict
from condlookup.render import common

if TYPE_CHECKING:
    from condlookup.catalogue.definitions import Definition
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.do_pages import CommonPage
    from condlookup.catalogue.gene_pages import GenePage
    from condlookup.catalogue.genes import Tie
    from condlookup.catalogue.view import PageView
    from condlookup.library import Summary
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import MatchResult
    from condlookup.matching.symptoms import SymptomTerm
    from condlookup.pages.models import Condition
    from condlookup.render.common import Shown
    from condlookup.search import SearchResult


# Whose words a page's `summary` is: the page's own (its authors'), or condlookup's, written by
# its templates from the facts of the sources `summary_from` names.
PAGE_WORDS = "page"
GENERATED = "generated"


def page(view: PageView) -> dict[str, Any]:
    """A page under the same keys whatever its source; its credits are the view's."""
    if view.page.source == "hpo":  # by its source: see render.outline
        found = _catalogue_page(cast("CataloguePage", view.page))
    elif view.page.source == "do":
        found = _common_page(cast("CommonPage", view.page))
    elif view.page.source == "gene":
        found = _gene_page(cast("GenePage", view.page))
    else:
        found = _curated_page(cast("Condition", view.page))
    every = found | {
        "codes": list(view.codes),
        "hpo_version": view.credits.hpo_release,
        "annotations": [_phenotype(item) for item in view.annotations],
        "broader": [{"id": cond_id, "name": name} for cond_id, name in view.links.broader],
        "narrower": [{"id": cond_id, "name": name} for cond_id, name in view.links.narrower],
        "mondo_version": view.credits.mondo_version,
        "orphanet_version": view.credits.orphanet_version,
        "found_by": view.found_by,
    }
    if view.page.source != "gene":
        every["genes"] = [_tie(symbol, tie) for symbol, tie in view.genes]
        every["gene_named"] = view.gene_named
    return {key: every[key] for key in _PAGE_KEYS if key in every}


def _tie(symbol: str, tie: Tie) -> dict[str, str | None]:
    return {
        "symbol": symbol,
        "involvement": tie.involvement,
        "source": tie.source,
        "part": tie.part or None,
    }


def _gene_page(gene: GenePage) -> dict[str, Any]:
    """A gene, under the keys of a condition where they apply, and its conditions."""
    from condlookup.render import genes  # noqa: PLC0415 - a gene's page only

    links = [genes.gene_link(code) for code in gene.codes]
    return {
        "id": gene.id,
        "name": gene.symbol,
        "aliases": [],
        "source": "gene",
        "summary": genes.gene_lead(gene),
        "summary_source": GENERATED,
        "summary_from": sorted({tie.source for item in gene.diseases for tie in item.ties}),
        "definition": None,
        "gene": {
            "symbol": gene.symbol,
            "name": gene.name or None,
            "hgnc": gene.hgnc or None,
            "ncbi": gene.ncbi or None,
        },
        "diseases": [
            {
                "id": item.id,
                "name": item.name,
                "codes": list(item.codes),
                "involvement": item.involvement,
                "ties": [
                    {"involvement": tie.involvement, "source": tie.source, "part": tie.part or None}
                    for tie in item.ties
                ],
                "summary": item.summary,
            }
            for item in gene.diseases
        ],
        "facts": {},
        "sections": {},
        "symptoms": [],
        "specialists": [],
        "related": [],
        "sources": [{"title": title, "url": url} for title, url in links],
        "reviewed": None,
        "types": None,
    }


# The order of a page's keys (documented in the README); `origin` is a user's page's alone.
_PAGE_KEYS = (
    "id",
    "name",
    "aliases",
    "source",
    "codes",
    "summary",
    "summary_source",
    "summary_from",
    "definition",
    "facts",
    "source_facts",
    "sections",
    "symptoms",
    "specialists",
    "related",
    "sources",
    "kind_of",
    "reviewed",
    "hpo_version",
    "origin",
    "annotations",
    "broader",
    "narrower",
    "types",
    "mondo_version",
    "orphanet_version",
    "do_version",
    "found_by",
    "genes",
    "gene_named",
    "gene",
    "diseases",
)


def _curated_page(condition: Condition) -> dict[str, Any]:
    data = to_dict(condition)
    keys = ("id", "name", "aliases", "source", "summary", "facts", "sections")
    out = {key: data[key] for key in keys}
    out["summary_source"] = PAGE_WORDS
    out["summary_from"] = []
    out["definition"] = None  # a curated page's own words say what it is
    out["symptoms"] = [
        {
            "name": item.name,
            "hpo": item.hpo,
            "description": item.description,
            "frequency": item.frequency,
        }
        for item in condition.symptoms
    ]
    out["specialists"] = [{"name": name, "because": NAMED_BY_PAGE} for name in data["specialists"]]
    out["related"] = data["related"]
    out["sources"] = data["sources"]
    out["reviewed"] = data["reviewed"]
    out["origin"] = {"file": condition.path, "replaces": condition.replaces or None}
    out["types"] = None
    return out


def _catalogue_page(entry: CataloguePage) -> dict[str, Any]:
    """A catalogue disease under the same keys as a curated page."""
    sources = [{"title": title, "url": url} for title, url in entry.sources]
    sources.append({"title": f"HPO annotations {entry.hpo_release}", "url": common.HPO_SITE})
    return {
        "id": entry.id,
        "name": entry.name,
        "aliases": list(entry.aliases),
        "source": "hpo",
        "summary": entry.summary or None,
        "summary_source": GENERATED if entry.summary else None,
        "summary_from": list(entry.summary_from),
        "definition": _definition(entry.definition),
        # The key facts, each a line naming its sources, under a curated page's keys; then
        # every fact of another source's they come from, with the entry that says it.
        "facts": {fact.key: fact.text for fact in entry.key_facts},
        "source_facts": [
            {
                "kind": fact.kind,
                "value": fact.value,
                "detail": fact.detail or None,
                "code": fact.code or None,
                "origin": fact.origin,
                "part": fact.part or None,
            }
            for fact in entry.facts
        ],
        "sections": {},
        "symptoms": [
            {
                "name": item.name,
                "hpo": item.hpo,
                "description": item.plain_name,
                "frequency": common.phenotype_frequency(item)
                if item.frequency is not None
                else None,
            }
            for item in entry.phenotypes
        ],
        "specialists": _specialists(entry.specialists, entry.because),
        "related": [],
        "sources": sources,
        "reviewed": None,
        "types": entry.types or None,
    }


def _definition(found: Definition | None) -> dict[str, str] | None:
    if found is None:
        return None
    return {
        "text": found.text,
        "source": found.source,
        "code": found.code,
        "version": found.version,
        "licence": found.licence,
        "url": found.url,
    }


def _common_page(entry: CommonPage) -> dict[str, Any]:
    """A disease the Disease Ontology defines and the catalogue lacks, under the same keys."""
    from condlookup.render import disease_ontology  # noqa: PLC0415 - such a page only

    return {
        "id": entry.id,
        "name": entry.name,
        "aliases": list(entry.aliases),
        "source": "do",
        "summary": entry.summary,
        "summary_source": GENERATED,
        "summary_from": ["Human Disease Ontology"],
        "definition": _definition(entry.definition),
        "facts": {},
        "sections": {},
        "symptoms": [],
        "specialists": _specialists(entry.specialists, entry.because),
        "related": [],
        "sources": [
            *({"title": title, "url": url} for title, url in entry.sources),
            {
                "title": f"Human Disease Ontology, release {entry.do_version}",
                "url": disease_ontology.DO_SITE,
            },
        ],
        "kind_of": list(entry.kind_of),
        "reviewed": None,
        "types": None,
        "do_version": entry.do_version,
    }


def _specialists(names: tuple[str, ...], because: tuple[str, ...]) -> list[dict[str, str]]:
    """Who to see, each with why: `because` runs beside the names (empty in an index whose
    pages gave none)."""
    reasons = because if len(because) == len(names) else (NAMED_BY_PAGE,) * len(names)
    return [{"name": name, "because": why} for name, why in zip(names, reasons, strict=True)]


def _phenotype(item: Phenotype) -> dict[str, Any]:
    return {
        "hpo": item.hpo,
        "name": item.name,
        "layperson": list(item.layperson),
        "category": item.category,
        "frequency": item.frequency,
        "frequency_text": common.phenotype_frequency(item),
        "origin": item.origin,
    }


def match(result: MatchResult) -> dict[str, Any]:
    return {
        "symptoms": [_symptom(item) for item in result.symptoms],
        "absent": [_symptom(item) for item in result.absent],
        "not_read": [
            {"text": item.text, "why": item.why, "closest": [hpo for hpo, _ in item.closest]}
            for item in result.skipped
        ],
        "advice": result.advice,
        "total": result.total,
        # Candidate genes (match --gene): those used, what was said of the others, and how
        # many conditions fit but are tied to none; null without candidates.
        "genes": {
            "used": list(result.genes),
            "notes": list(result.gene_notes),
            "left_out": result.unlinked,
        }
        if result.genes
        else None,
        "results": [
            {
                "rank": hit.rank,
                "id": hit.id,
                "name": hit.name,
                "source": hit.source,
                "codes": list(hit.codes),
                "score": hit.score,
                "matched": [
                    {
                        "query_hpo": part.query_hpo,
                        "disease_hpo": part.disease_hpo,
                        "name": part.name,
                        "frequency": part.frequency,
                        "points": part.points,
                        "absent": part.absent,
                        "query_name": part.query_name,
                        "together": {
                            "shared": part.together.shared,
                            "recorded": part.together.recorded,
                        }
                        if part.together
                        else None,
                    }
                    for part in hit.matched
                ],
                "prior": {"features": hit.features, "points": hit.prior} if hit.features else None,
                "genes": list(hit.genes),
            }
            for hit in result.hits
        ],
    }


def case(found: CaseResult) -> dict[str, Any]:
    """One phenopacket's ranking: one line of `match --phenopacket --json` (JSON Lines)."""
    return (
        {"id": found.case.id, "file": found.case.file}
        | match(found.result)
        | {"skipped": list(found.skipped)}
    )


def _symptom(item: SymptomTerm) -> dict[str, Any]:
    return {
        "input": item.input,
        "hpo": item.hpo,
        "name": item.name,
        "note": item.note,
        "alternatives": [{"hpo": hpo, "name": name} for hpo, name in item.alternatives],
        "options": [{"hpo": hpo, "name": name} for hpo, name in item.options],
    }


def search(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "gene": result.gene,
        "results": [
            {
                "id": hit.id,
                "name": hit.name,
                "source": hit.source,
                "codes": list(hit.codes),
                "score": hit.score,
                "matched": [{"field": hit.matched_field, "text": hit.line}],
            }
            for hit in result.hits
        ],
    }


def listing(items: list[Summary]) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "name": item.name,
            "aliases": list(item.aliases),
            "source": item.source,
            "codes": list(item.codes),
            "specialists": _specialists(item.specialists, item.because),
            "summary": item.summary,
        }
        for item in items
    ]


def render(result: Shown) -> dict[str, Any]:
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
