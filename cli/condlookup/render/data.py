"""JSON-ready dicts with the stable keys documented in the README."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from condlookup.catalogue.diseases import Links
from condlookup.pages.serialize import to_dict
from condlookup.render import common

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.library import Summary
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.scoring import MatchResult
    from condlookup.matching.symptoms import SymptomTerm
    from condlookup.pages.models import Condition
    from condlookup.search import SearchResult


def page(
    condition: Condition,
    annotations: tuple[Phenotype, ...] = (),
    hpo_version: str | None = None,
    links: Links | None = None,
    mondo_version: str | None = None,
) -> dict[str, Any]:
    data = to_dict(condition)
    keys = ("id", "name", "aliases", "source", "codes", "summary", "facts", "sections")
    out = {key: data[key] for key in keys}
    out["symptoms"] = [
        {
            "name": item.name,
            "hpo": item.hpo,
            "description": item.description,
            "frequency": item.frequency,
        }
        for item in condition.symptoms
    ]
    out["specialists"] = data["specialists"]
    out["related"] = data["related"]
    out["sources"] = data["sources"]
    out["reviewed"] = data["reviewed"]
    out["hpo_version"] = hpo_version if annotations else None
    out["origin"] = {"file": condition.path, "replaces": condition.replaces or None}
    out["annotations"] = [_phenotype(item) for item in annotations]
    links = links or Links()
    uses_mondo = bool(links.broader or links.narrower)
    out |= _family(links, condition.codes.curies(), 0, mondo_version if uses_mondo else None)
    return out


def _family(
    links: Links, codes: tuple[str, ...], types: int, mondo_version: str | None
) -> dict[str, Any]:
    """The keys every page has for its family and codes: broader, narrower, all_codes, ..."""
    return {
        "broader": [{"id": cond_id, "name": name} for cond_id, name in links.broader],
        "narrower": [{"id": cond_id, "name": name} for cond_id, name in links.narrower],
        "all_codes": list(codes),
        "types": types or None,
        "mondo_version": mondo_version,
    }


def catalogue_page(entry: CataloguePage) -> dict[str, Any]:
    """A catalogue disease under the same keys as a curated page."""
    codes: dict[str, str] = {}
    for code in entry.codes:  # the first of each catalogue; all_codes has every one
        prefix, _, number = code.partition(":")
        codes.setdefault(prefix.lower(), number)
    sources = [{"title": title, "url": url} for title, url in entry.sources]
    sources.append({"title": f"HPO annotations {entry.hpo_release}", "url": common.HPO_SITE})
    return {
        "id": entry.id,
        "name": entry.name,
        "aliases": list(entry.aliases),
        "source": "hpo",
        "codes": codes,
        "summary": None,
        "facts": {"inheritance": list(entry.inheritance), "onset": list(entry.onsets)},
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
        "specialists": list(entry.specialists),
        "related": [],
        "sources": sources,
        "reviewed": None,
        "hpo_version": entry.hpo_release,
        "annotations": [_phenotype(item) for item in entry.phenotypes],
    } | _family(entry.links, entry.codes, entry.types, entry.mondo_version)


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
        "total": result.total,
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
                    }
                    for part in hit.matched
                ],
                "prior": {"features": hit.features, "points": hit.prior},
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
            "specialists": list(item.specialists),
            "summary": item.summary,
        }
        for item in items
    ]
