"""A catalogue disease's page and a condition's HPO annotations, read from the index."""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from condlookup.catalogue.codes import hpo_id
from condlookup.text import split_list


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
    sources: tuple[tuple[str, str], ...]  # (title, url) of the catalogue entries it comes from
    hpo_release: str | None
    source: str = "hpo"


# The bands of the HPO frequency terms, in words.
_BANDS = (
    (1.0, "obligate"),
    (0.8, "very frequent"),
    (0.3, "frequent"),
    (0.05, "occasional"),
    (0.0, "very rare"),
)
_CATEGORY_PREFIXES = ("Abnormality of the ", "Abnormality of ")


def frequency_words(frequency: float | None, text: str | None) -> str:
    """'very frequent', or the exact figure when the source gave one: '3/7 (43%)'."""
    if frequency is None:
        return text or "frequency not known"
    if text and ("/" in text or text.endswith("%")):
        return f"{text} ({round(frequency * 100)}%)" if "/" in text else text
    return next(words for floor, words in _BANDS if frequency >= floor)


def category_label(name: str | None) -> str:
    if not name:
        return "Other"
    for prefix in _CATEGORY_PREFIXES:
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return rest[:1].upper() + rest[1:]
    return name


def phenotypes(db: sqlite3.Connection, rowid: int) -> tuple[Phenotype, ...]:
    """A condition's phenotype annotations, grouped by organ system, most frequent first."""
    rows = db.execute(
        """
        SELECT a.term, t.name, t.layperson, c.name, a.frequency, a.frequency_text, a.origin
        FROM annotations a JOIN terms t ON t.id = a.term LEFT JOIN terms c ON c.id = t.category
        WHERE a.condition = ? AND a.aspect = 'P'
        """,
        (rowid,),
    ).fetchall()
    found: dict[str, Phenotype] = {}
    for term, name, layperson, category, frequency, text, origin in rows:
        key = hpo_id(term)
        item = Phenotype(
            hpo=key,
            name=name,
            layperson=split_list(layperson),
            category=category_label(category),
            frequency=frequency,
            frequency_text=text,
            origin=origin,
        )
        previous = found.get(key)
        # A term on both the page and in the catalogue is shown once, with the better figure.
        if previous is None or (item.frequency or 0) > (previous.frequency or 0):
            found[key] = item
    return _ordered(found.values())


def _ordered(items: Iterable[Phenotype]) -> tuple[Phenotype, ...]:
    items = list(items)
    weight: dict[str, float] = {}
    for item in items:
        weight[item.category] = weight.get(item.category, 0.0) + (item.frequency or 0.5)
    return tuple(
        sorted(
            items,
            key=lambda p: (-weight[p.category], p.category, -(p.frequency or -1), p.name),
        )
    )


def aspect_names(db: sqlite3.Connection, rowid: int, aspect: str) -> tuple[str, ...]:
    rows = db.execute(
        "SELECT DISTINCT t.name FROM annotations a JOIN terms t ON t.id = a.term "
        "WHERE a.condition = ? AND a.aspect = ? ORDER BY t.name",
        (rowid, aspect),
    )
    return tuple(name for (name,) in rows)
