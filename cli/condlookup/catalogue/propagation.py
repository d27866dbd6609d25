"""Each description's terms with all their ancestors: the `propagated` table search and match
read, written for the catalogue's diseases and again for each page's own symptom list.

A condition has one description per catalogue entry, and a curated page one more, its own
short list of hallmark features. For each term at or above a description's annotations,
`frequency` is the best figure of an annotation at or below it, `exact` says one is the term
itself, and `fraction` is the share of the description's terms that fall at or below.
"""

import sqlite3
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from condlookup.sources.hpo import Ratio

# When an annotation gives no frequency, count it as this fraction of patients.
DEFAULT_FREQUENCY = 0.5
# term -> {ancestor (itself included): distance}
Ancestors = Mapping[int, Mapping[int, int]]


class Propagated(NamedTuple):
    """One row of the propagated table."""

    term: int
    condition: int
    description: int
    frequency: float
    exact: int
    fraction: float


# A Propagated without the names: a million of them are made in a build, and inserted at once
# by column name (INSERT_PROPAGATED); naming each would add a quarter of a second.
Row = tuple[int, int, int, float, int, float]
INSERT_PROPAGATED = (
    "INSERT INTO propagated (term, condition, description, frequency, exact, fraction) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_DESCRIPTION = (
    "INSERT INTO descriptions (condition, description, origin, size) VALUES (?, ?, ?, ?)"
)


class Description(NamedTuple):
    """One list of a condition's features: a catalogue entry's, or a page's own."""

    origin: str  # the entry it comes from, or "page"
    weights: Mapping[int, float]  # term -> the frequency to rank by


def estimate(frequency: float | None, ratio: Ratio | None) -> float:
    """The frequency to rank by: a count of n in m patients as (n + 1) / (m + 2).

    One patient in one report ("1/1") is weak evidence that every patient has the finding;
    the rule of succession pulls small counts toward the middle. Bands and percentages stand.
    """
    if frequency is None:
        return DEFAULT_FREQUENCY
    if ratio is not None:
        return (ratio.numerator + 1) / (ratio.denominator + 2)
    return frequency


def spread(
    condition: int, number: int, weights: Mapping[int, float], ancestors: Ancestors
) -> list[Row]:
    """The rows of one description (number `number` of `condition`)."""
    best: dict[int, tuple[float, int]] = {}
    under: dict[int, int] = {}
    for term, frequency in weights.items():
        for ancestor in ancestors.get(term, {term: 0}):
            exact = int(ancestor == term)
            under[ancestor] = under.get(ancestor, 0) + 1
            previous = best.get(ancestor)
            if previous is None or (frequency, exact) > previous:
                best[ancestor] = (frequency, exact)
    size = max(len(weights), 1)
    return [
        (ancestor, condition, number, frequency, exact, under[ancestor] / size)
        for ancestor, (frequency, exact) in best.items()
    ]


def write(
    connection: sqlite3.Connection,
    described: Mapping[int, Sequence[Description]],
    ancestors: Ancestors,
) -> None:
    """The propagated and description rows of these conditions' descriptions, and each term's
    counts among them: how many conditions have it or a narrower term (`terms.diseases`), and
    how many record the term itself (`terms.annotated`)."""
    rows: list[Row] = []
    conditions: dict[int, int] = {}
    annotated: dict[int, int] = {}
    for rowid, descriptions in described.items():
        reached: set[int] = set()
        own: set[int] = set()
        for number, description in enumerate(descriptions):
            found = spread(rowid, number, description.weights, ancestors)
            rows += found
            reached.update(row[0] for row in found)
            own.update(description.weights)
        for term in reached:
            conditions[term] = conditions.get(term, 0) + 1
        for term in own:
            annotated[term] = annotated.get(term, 0) + 1
    rows.sort()  # in the table's own order: appended, not scattered through its B-tree
    connection.executemany(INSERT_PROPAGATED, rows)
    connection.executemany(
        INSERT_DESCRIPTION,
        (
            (rowid, number, description.origin, len(description.weights))
            for rowid, descriptions in described.items()
            for number, description in enumerate(descriptions)
        ),
    )
    connection.executemany(
        "UPDATE terms SET diseases = ?, annotated = ? WHERE id = ?",
        ((n, annotated.get(term, 0), term) for term, n in conditions.items()),
    )
