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


@dataclass(frozen=True, slots=True)
class Phenotype:
    """One HPO annotation of a condition, ready to show."""

    hpo: str
    name: str
    layperson: tuple[str, ...]
    category: str
    frequency: float | None
    frequency_text: str | None
    origin: str  # the catalogue entry it comes from, or "page" for a curated page's own


@dataclass(frozen=True, slots=True)
class CataloguePage:
    """A disease of the HPO catalogue that no curated page stands for."""

    id: str
    name: str
    inheritance: tuple[str, ...]
    onsets: tuple[str, ...]
    phenotypes: tuple[Phenotype, ...]
    specialists: tuple[str, ...]
    hpo_release: str | None


@dataclass(frozen=True, slots=True)
class SymptomTerm:
    """What one input of `match` became: an HPO term, and the other terms it could have been."""

    input: str
    hpo: str
    name: str
    note: str | None  # "obsolete id, replaced by ..." and the like
    alternatives: tuple[tuple[str, str], ...]  # (hpo, name)


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one query term added to one condition's score."""

    query_hpo: str
    disease_hpo: str | None  # the annotation that explains it; None when nothing does
    name: str | None
    frequency: float | None
    points: float


@dataclass(frozen=True, slots=True)
class MatchHit:
    rank: int
    id: str
    name: str
    source: str
    score: float
    matched: tuple[Contribution, ...]


@dataclass(frozen=True, slots=True)
class MatchResult:
    symptoms: tuple[SymptomTerm, ...]
    total: int  # conditions that explain at least one symptom
    hits: tuple[MatchHit, ...]
