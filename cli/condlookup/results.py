"""What searching and listing return: small, so that `list` and `search` need not build the
page models."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the condition, its rank tier and the line that matched."""

    id: str
    name: str
    source: str
    score: float
    matched_field: str
    line: str
    spans: tuple[tuple[int, int], ...]
    specialists: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """A condition as `list` shows it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    source: str
    specialists: tuple[str, ...]
    summary: str
