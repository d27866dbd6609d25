"""Conditions to and from plain dicts: for the index (JSON blobs) and for `--json` output."""

import dataclasses
import typing
from datetime import date
from typing import Any

from condlookup.pages.models import Codes, Condition, Facts, Sections, Source, Symptom


def to_dict(condition: Condition) -> dict[str, Any]:
    """Every field, dates as ISO text, tuples as lists, empty optional values dropped."""
    data = dataclasses.asdict(condition)
    data["reviewed"] = condition.reviewed.isoformat() if condition.reviewed else None
    data["codes"] = _compact(data["codes"])
    data["facts"] = _compact(data["facts"])
    data["sections"] = _compact(data["sections"])
    data["symptoms"] = [_compact(symptom) for symptom in data["symptoms"]]
    return data


def from_dict(data: dict[str, Any]) -> Condition:
    """The inverse of `to_dict`, for rows of the index that this version wrote itself."""
    return Condition(
        id=data["id"],
        name=data["name"],
        aliases=tuple(data["aliases"]),
        source=data["source"],
        path=data["path"],
        replaces=data.get("replaces", ""),
        summary=data["summary"],
        codes=Codes(**data["codes"]),
        facts=Facts(**data["facts"]),
        sections=Sections(**data["sections"]),
        symptoms=tuple(Symptom(**item) for item in data["symptoms"]),
        specialists=tuple(data["specialists"]),
        related=tuple(data["related"]),
        sources=tuple(Source(**item) for item in data["sources"]),
        reviewed=date.fromisoformat(data["reviewed"])
        if data["reviewed"]
        else typing.cast(date, None),
    )


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
