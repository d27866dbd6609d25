"""`match`: conditions ranked by how well they fit symptoms (terms from `symptoms`).

The ranking is a likelihood ratio in the manner of LIRICAL (Robinson et al. 2020). For each
query term q and condition D,

    points(q, D) = log( P(q | D) / P(q | any condition) )

and a condition's score is the sum over the query terms.

- P(q | any condition) is the share of conditions annotated with q or a narrower term, with a
  pseudo-count (SMOOTHING): common findings count little, rare ones much, but no one rare term
  can outweigh several that fit.
- P(q | D), when D is annotated with q or a narrower term, is the product of
  * the annotation's frequency, pressed into [FLOOR, 1]: presence counts most, and among
    conditions that share the hits the one where they are frequent comes first;
  * the share of D's own terms that fall under q, to the power SPECIFICITY: findings are more
    likely drawn from a short list of features than from a long one (what hypergeometric
    enrichment captures);
  * NOT_EXACT when only a narrower term than q is annotated.
- When D has only a term one step broader than q, it gets that term's figure scaled by q's part
  of it; failing both, when D records a term that other conditions often record beside q
  (`together`), the figure that tie gives; otherwise q is unexplained and gets MISSING, the
  same for every condition.
- Each description that explains a symptom also gets a prior, PRIOR * log(its number of
  terms): a disease described with many features is, other things equal, the likelier one
  (the better-described diseases are the better-known, more often seen ones), and it balances
  the advantage a short list has in the share above.
- A condition with several descriptions (each catalogue entry of a disease, a curated page's own
  list) is scored with each, and the best-fitting description counts.
- A symptom that may stand for several terms counts, for each condition, the one that fits it
  best, less AMBIGUOUS; an absent finding costs a description where it is very frequent.

The constants were chosen with benchmarks/accuracy.py (simulated patients, several seeds; and
published cases, tuned on one half of the cohorts and checked on the other) and the plain-word
queries in the tests, which pull in different directions.
"""

import math
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from condlookup.matching import together

FLOOR = 0.7  # P(q | D) for an annotation of frequency 0; 1.0 for one of frequency 1
NOT_EXACT = 0.4  # an annotation narrower than q explains q less well than q itself
MISSING = 0.02  # P(q | D) when nothing in D explains q
# How much a term's share of the condition's own terms counts: a patient's findings are more
# likely drawn from a short list of features than from a long one.
SPECIFICITY = 0.35
# Weight of a description's prior, log(its number of terms).
PRIOR = 0.25
# Pseudo-count added to every term's share: caps what one rare term can add, so that one
# unrelated finding that happens to hit a disease cannot outweigh several that fit another.
SMOOTHING = 50
BROADER_STEPS = 1  # how far above q a broader annotation still counts
# What a phrase that may stand for several terms pays for the doubt, per symptom.
AMBIGUOUS = 0.3
# An absent finding costs a description where it is very frequent (ABSENT_FROM or more):
# ABSENT_WEIGHT * log((1 - its frequency there) / (1 - its share of all conditions)), with
# 1 - frequency no lower than ABSENT_FLOOR, so that one finding looked for and not found
# (at most -1.2) cannot sink a condition that fits everything else. Published cases list as
# excluded the very findings their disease is known for, so stronger rules cost accuracy there
# (benchmarks/accuracy.py --phenopackets).
ABSENT_FROM = 0.8
ABSENT_WEIGHT = 0.4
ABSENT_FLOOR = 0.05


# How many terms' points a memo keeps between cases (a few MB each hundred).
MEMO_TERMS = 400


class Memo:
    """What `score` keeps between calls that rank many cases with one index: each term's
    points (the MEMO_TERMS last used) and the descriptions' sizes."""

    def __init__(self) -> None:
        self.terms: dict[int, Points] = {}
        self.sizes: dict[int, int] | None = None


# A description of a condition as one integer: rowid * DESCRIPTIONS + description number.
DESCRIPTIONS = 64


class Points(NamedTuple):
    """What one term gives each description that explains it, and what it gives one that does
    not."""

    given: dict[int, float]  # description key -> points
    missing: float  # points when unexplained
    # description key -> the term it records that goes with this one (`together`), for the
    # descriptions whose points come from such a tie
    ties: dict[int, together.Tie]


class Scoring:
    """Scores of every condition that explains a symptom, and what is needed to say, for a few of
    them, what each symptom and absent finding added."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.scores: dict[int, float] = {}  # condition rowid -> score of its best description
        self.chosen: dict[int, int] = {}  # condition rowid -> that description's number
        self.points: dict[int, dict[int, float]] = {}  # term -> description key -> points
        self.missing: dict[int, float] = {}  # term -> points when unexplained
        self.ties: dict[int, dict[int, together.Tie]] = {}  # term -> description key -> tie
        self.absent: dict[int, dict[int, float]] = {}  # absent term -> description key -> points
        self.sizes: dict[int, int] = {}  # description key -> its number of terms

    def fit(self, rowid: int, symptom: tuple[int, ...]) -> tuple[int, float] | None:
        """(term used, points) of a symptom for a condition's chosen description; None when
        that description does not explain it."""
        key = rowid * DESCRIPTIONS + self.chosen[rowid]
        cost = AMBIGUOUS if len(symptom) > 1 else 0.0
        unexplained = self.unexplained(symptom)
        found = [(self.points[term].get(key), term) for term in symptom]
        best = max(((p - cost, term) for p, term in found if p is not None), default=None)
        if best is None or best[0] <= unexplained:
            return None
        return best[1], best[0]

    def unexplained(self, symptom: tuple[int, ...]) -> float:
        cost = AMBIGUOUS if len(symptom) > 1 else 0.0
        return max(self.missing[term] for term in symptom) - cost

    def prior(self, rowid: int) -> tuple[int, float]:
        """(number of terms, points) of the prior of a condition's chosen description."""
        size = self.sizes.get(rowid * DESCRIPTIONS + self.chosen[rowid], 1)
        return size, PRIOR * math.log(size)

    def tie(self, rowid: int, term: int) -> together.Tie | None:
        """The term a condition's chosen description records that goes with `term`, when that
        tie is what explains it (`together`); else None."""
        return self.ties.get(term, {}).get(rowid * DESCRIPTIONS + self.chosen[rowid])

    def absent_points(self, rowid: int, term: int) -> float | None:
        return self.absent.get(term, {}).get(rowid * DESCRIPTIONS + self.chosen[rowid])


def score(
    db: sqlite3.Connection,
    symptoms: Sequence[int | tuple[int, ...]],
    absent: Sequence[int] = (),
    memo: Memo | None = None,
) -> Scoring:
    """Scores of every condition that explains a symptom, by its best-fitting description.

    A symptom is one HPO term, or several a phrase may stand for: each condition counts the one
    that fits it best, less AMBIGUOUS. A condition with several descriptions (the catalogue
    entries of one disease, a curated page's own list) is scored with each, and the
    best-fitting one counts: the terms of one description are never mixed with another's.
    An absent finding costs a description where it is very frequent (see ABSENT_FROM).
    `memo` keeps each term's points between calls that rank many cases with one index.
    """
    found = Scoring(_annotated_conditions(db))
    options = [symptom if isinstance(symptom, tuple) else (symptom,) for symptom in symptoms]
    for term in {term for choice in options for term in choice}:
        known = memo.terms.get(term) if memo is not None else None
        if known is None:
            known = _points(db, term, found.total)
            if memo is not None:
                memo.terms[term] = known
                if len(memo.terms) > MEMO_TERMS:  # the oldest go first: memory stays bounded
                    del memo.terms[next(iter(memo.terms))]
        found.points[term], found.missing[term], found.ties[term] = known
    gained: dict[int, float] = {}
    unexplained = 0.0
    for choice in dict.fromkeys(options):
        cost = AMBIGUOUS if len(choice) > 1 else 0.0
        missing = found.unexplained(choice)
        unexplained += missing
        if len(choice) == 1:
            best = found.points[choice[0]]
        else:  # each description counts the term that fits it best
            best = {}
            for term in choice:
                for key, points in found.points[term].items():
                    if points > best.get(key, -math.inf):
                        best[key] = points
        for key, points in best.items():
            if points - cost > missing:  # else it explains it no better than not at all
                gained[key] = gained.get(key, 0.0) + points - cost - missing
    sizes = memo.sizes if memo is not None else None
    if sizes is None:
        sizes = _sizes(db)
        if memo is not None:
            memo.sizes = sizes
    found.sizes, log = sizes, math.log
    for key in gained:
        gained[key] += PRIOR * log(sizes.get(key, 1))
    for term in dict.fromkeys(absent):
        elsewhere = 1.0 - min(_share(db, term, found.total, smoothing=0), 0.9)
        costs = found.absent[term] = {}
        for rowid, description, frequency in db.execute(
            "SELECT condition, description, frequency FROM propagated "
            "WHERE term = ? AND frequency >= ?",
            (term, ABSENT_FROM),
        ):
            key = rowid * DESCRIPTIONS + description
            if key in gained:  # only descriptions that explain a symptom are ranked
                ratio = max(1.0 - frequency, ABSENT_FLOOR) / elsewhere
                costs[key] = ABSENT_WEIGHT * min(0.0, math.log(ratio))
                gained[key] += costs[key]
    scores, chosen = found.scores, found.chosen
    for key, gain in gained.items():
        rowid, description = divmod(key, DESCRIPTIONS)
        value = unexplained + gain
        if rowid not in scores or (value, -description) > (scores[rowid], -chosen[rowid]):
            scores[rowid], chosen[rowid] = value, description
    return found


def _points(db: sqlite3.Connection, term: int, total: int) -> Points:
    """log(P(q | D) / P(q)) for each description that has q, a narrower term, a term one step
    broader, or a term recorded together with q, by description key."""
    count = _count(db, term)
    share = (count + SMOOTHING) / (total + SMOOTHING)
    floor, rest, narrower, power, width = FLOOR, 1.0 - FLOOR, NOT_EXACT, SPECIFICITY, DESCRIPTIONS
    chance = {
        rowid * width + description: (floor + rest * frequency)
        * (1.0 if exact else narrower)
        * fraction**power
        for rowid, description, frequency, exact, fraction in db.execute(
            "SELECT condition, description, frequency, exact, fraction FROM propagated "
            "WHERE term = ?",
            (term,),
        )
    }
    for ancestor, distance in db.execute(
        "SELECT ancestor, distance FROM closure WHERE descendant = ? AND distance BETWEEN 1 AND ?",
        (term, BROADER_STEPS),
    ).fetchall():
        ratio = share / max(_share(db, ancestor, total), share) * NOT_EXACT**distance
        if ratio <= MISSING:
            continue  # the best it could give is no better than nothing (a general ancestor)
        for rowid, description, frequency, fraction in db.execute(
            "SELECT condition, description, frequency, fraction FROM propagated "
            "WHERE term = ? AND exact = 1",
            (ancestor,),
        ):
            key = rowid * DESCRIPTIONS + description
            broader = (FLOOR + (1 - FLOOR) * frequency) * ratio * fraction**SPECIFICITY
            if broader > chance.get(key, 0.0):
                chance[key] = broader
    tied: dict[int, together.Tie] = {}
    for key, tie in together.ties(db, term, count, total, width).items():
        if key not in chance:  # the ontology's word comes first
            chance[key] = tie.chance
            tied[key] = tie
    lowest, log, log_share = math.log(MISSING), math.log, math.log(share)
    given = {
        key: (log(value) if value > MISSING else lowest) - log_share
        for key, value in chance.items()
    }
    return Points(given, _missing(share), tied)


def _sizes(db: sqlite3.Connection) -> dict[int, int]:
    """How many terms each description has, by description key."""
    return dict(
        db.execute(f"SELECT condition * {DESCRIPTIONS} + description, size FROM descriptions")
    )


def _annotated_conditions(db: sqlite3.Connection) -> int:
    """How many conditions have any phenotype annotation (counted when the index was built)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'annotated_conditions'").fetchone()
    return max(int(row[0]) if row else 1, 1)


def _missing(share: float) -> float:
    """Points for a term a condition does not explain (never a bonus)."""
    return math.log(MISSING / share) if share > MISSING else 0.0


def _share(db: sqlite3.Connection, term: int, total: int, smoothing: int = SMOOTHING) -> float:
    """P(q | any condition): the share of conditions annotated with the term or a narrower one."""
    return (_count(db, term) + smoothing) / (total + smoothing)


def _count(db: sqlite3.Connection, term: int) -> int:
    """How many conditions are annotated with the term or a narrower one."""
    row = db.execute("SELECT diseases FROM terms WHERE id = ?", (term,)).fetchone()
    return int(row[0]) if row else 0
