"""JSON-ready dicts with the stable keys documented in the README."""

from __future__ import annotations

from typing import Any

from condlookup.models import Condition
from condlookup.results import SearchResult, Summary
from condlookup.serialize import to_dict


def page(condition: Condition, hpo_version: str | None = None) -> dict[str, Any]:
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
    out["hpo_version"] = hpo_version
    return out


def search(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "results": [
            {
                "id": hit.id,
                "name": hit.name,
                "source": hit.source,
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
