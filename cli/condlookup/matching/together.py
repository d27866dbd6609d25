"""Findings recorded together: what the catalogue says of a finding a condition does not list.

A patient's finding that a condition's description lacks is not always evidence against it:
the description may list a finding that goes with it ("Distal renal tubular acidosis" and
"Hypokalemia", "Aplasia of the eccrine sweat glands" and "Anhidrosis") in different words, or
leave out what follows from another. Published patients show it: a disease described from one
report is often met again with findings that other diseases list beside the ones it has.

For a finding q (a term as the patient gives it) and a term t that a condition records:

    together(q, t) = n(q and t) / (n(t) + PSEUDO_COUNT)

the share of the conditions recording t that also have q or a narrower term, counted over the
whole catalogue (a condition without q never counts for itself). A condition that records t
but not q gets P(q | condition) = WEIGHT * together(q, t) from the best such t, in place of
the nothing it would get, when the ontology gives it nothing (neither q, a narrower term nor
one a step broader). Only findings of at most MAX_SHARE of the conditions are read this way: a
common finding says little either way, and it would cost the most to read.

Measured with benchmarks/accuracy.py on published cases that the HPO did not build its
annotations from (see the README, "How match ranks").
"""

import sqlite3
from typing import NamedTuple

from condlookup.sql import rows_in

# At most this share of the conditions has the finding (q or a narrower term).
MAX_SHARE = 0.02
MIN_SHARED = 2  # conditions that record t and have q, at least
PSEUDO_COUNT = 3  # added to n(t): two conditions of two say less than twenty of twenty
MIN_TOGETHER = 0.15  # together(q, t) below this is not a tie
TOP = 30  # the best ties of a finding that are read
WEIGHT = 0.15  # P(q | condition) per unit of together(q, t)


class Tie(NamedTuple):
    """A condition's description that records `term`, which goes with the finding."""

    key: int  # the description (condition rowid * width + number)
    chance: float  # WEIGHT * together(q, term)
    term: int
    shared: int  # n(q and term): the conditions that record `term` and have the finding
    recorded: int  # n(term): the conditions that record `term`


def ties(
    db: sqlite3.Connection, finding: int, count: int, total: int, width: int
) -> dict[int, Tie]:
    """The best tie of each description that records a term going with `finding` (whose
    conditions number `count`), by description key (rowid * `width` + number)."""
    if count < MIN_SHARED or count > MAX_SHARE * total:
        return {}
    # Terms above or below the finding are the ontology's to weigh (scoring), not ties.
    best = db.execute(
        """
        SELECT g.term, g.shared, t.annotated FROM (
            SELECT term, COUNT(DISTINCT condition) AS shared FROM annotations
            WHERE aspect = 'P' AND condition IN (
                SELECT DISTINCT condition FROM propagated WHERE term = :finding)
            GROUP BY term HAVING shared >= :least
        ) g JOIN terms t ON t.id = g.term
        WHERE g.shared >= :strength * (t.annotated + :pseudo)
            AND g.term NOT IN (SELECT ancestor FROM closure WHERE descendant = :finding)
            AND g.term NOT IN (SELECT descendant FROM closure WHERE ancestor = :finding)
        ORDER BY g.shared * 1.0 / (t.annotated + :pseudo) DESC, g.term
        LIMIT :top
        """,
        {
            "finding": finding,
            "least": MIN_SHARED,
            "strength": MIN_TOGETHER,
            "pseudo": PSEUDO_COUNT,
            "top": TOP,
        },
    ).fetchall()
    counts = {term: (shared, recorded) for term, shared, recorded in best}
    found: dict[int, Tie] = {}
    for condition, description, term in rows_in(
        db,
        "SELECT condition, description, term FROM propagated WHERE term IN ({marks}) AND exact = 1",
        list(counts),
    ):
        key = condition * width + description
        shared, recorded = counts[term]
        chance = WEIGHT * shared / (recorded + PSEUDO_COUNT)
        if key not in found or (chance, -term) > (found[key].chance, -found[key].term):
            found[key] = Tie(key, chance, term, shared, recorded)
    return found
