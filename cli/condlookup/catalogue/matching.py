"""`match`: symptoms (HPO ids or plain words) to HPO terms, and conditions ranked by fit.

The ranking is a likelihood ratio in the manner of LIRICAL (Robinson et al. 2020). For each
query term q and condition D,

    points(q, D) = log( P(q | D) / P(q | any condition) )

and a condition's score is the sum over the query terms.

- P(q | any condition) is the share of conditions annotated with q or a narrower term, with a
  pseudo-count (SMOOTHING): common findings count little, rare ones much, but no one rare term
  can outweigh several that fit.
- P(q | D), when D is annotated with q or a narrower term, is the product of
  * the annotation's frequency, pressed into [FLOOR, 1]: presence counts most, and among
    conditions that share the hits the one where they are frequent comes first (what makes
    "dry mouth, dry eyes" find Sjögren's);
  * the share of D's own terms that fall under q, to the power SPECIFICITY: findings are more
    likely drawn from a short list of features than from a long one (what hypergeometric
    enrichment captures). A condition with several descriptions (a curated page's list and
    its catalogue entries) uses the description where the share is largest;
  * NOT_EXACT when only a narrower term than q is annotated.
- When D has only a term one step broader than q, it gets that term's figure scaled by q's part
  of it; otherwise q is unexplained and gets MISSING, the same for every condition.

The constants were chosen with benchmarks/accuracy.py (simulated patients, several seeds) and
the plain-word queries in the tests, which pull in different directions.
"""

import math
import re
import sqlite3
from collections.abc import Sequence

from condlookup.catalogue.codes import hpo_id
from condlookup.errors import CondlookupError
from condlookup.pages.models import Record, model
from condlookup.text import fold, normalize_name, split_list, words


@model
class SymptomTerm(Record):
    """What one input of `match` became: an HPO term, and the other terms it could have been."""

    input: str
    hpo: str
    name: str
    note: str | None  # "obsolete id, replaced by ..." and the like
    alternatives: tuple[tuple[str, str], ...]  # (hpo, name)


@model
class Contribution(Record):
    """What one query term added to one condition's score."""

    query_hpo: str
    disease_hpo: str | None  # the annotation that explains it; None when nothing does
    name: str | None
    frequency: float | None
    points: float


@model
class MatchHit(Record):
    rank: int
    id: str
    name: str
    source: str
    score: float
    matched: tuple[Contribution, ...]
    codes: tuple[str, ...]


@model
class MatchResult(Record):
    symptoms: tuple[SymptomTerm, ...]
    total: int  # conditions that explain at least one symptom
    hits: tuple[MatchHit, ...]


FLOOR = 0.9  # P(q | D) for an annotation of frequency 0; 1.0 for one of frequency 1
NOT_EXACT = 0.4  # an annotation narrower than q explains q less well than q itself
MISSING = 0.02  # P(q | D) when nothing in D explains q
# How much a term's share of the condition's own terms counts: a patient's findings are more
# likely drawn from a short list of features than from a long one.
SPECIFICITY = 0.45
# Pseudo-count added to every term's share: caps what one rare term can add, so that one
# unrelated finding that happens to hit a disease cannot outweigh several that fit another.
SMOOTHING = 50
BROADER_STEPS = 1  # how far above q a broader annotation still counts
MAX_SYMPTOMS = 50

_HPO_LIKE = re.compile(r"hp[:_ ]?\S*", re.IGNORECASE)
_HPO_ID = re.compile(r"HP:[0-9]{7}")


class SymptomError(CondlookupError):
    """An input that names no HPO term."""


def resolve(db: sqlite3.Connection, inputs: Sequence[str]) -> tuple[SymptomTerm, ...]:
    """Each input to one HPO term. Raises SymptomError for the first that names none."""
    if not inputs:
        raise CondlookupError("no symptoms given", hint="for example: condlookup match ataxia")
    if len(inputs) > MAX_SYMPTOMS:
        raise CondlookupError(
            f"{len(inputs)} symptoms is more than {MAX_SYMPTOMS}",
            hint="give the most telling ones",
        )
    return tuple(_resolve_one(db, text) for text in inputs)


def _resolve_one(db: sqlite3.Connection, text: str) -> SymptomTerm:
    stripped = text.strip()
    if _HPO_LIKE.fullmatch(stripped) and stripped[:3].upper() == "HP:":
        return _resolve_id(db, stripped)
    query_words = words(stripped)
    if not query_words:
        raise SymptomError(f"{text!r} is not a symptom", hint="give words or an HPO id")
    wanted = normalize_name(stripped)
    candidates = _candidates(db, query_words, prefix=False) or _candidates(
        db, query_words, prefix=True
    )
    if not candidates:
        closest = _closest(db, query_words)
        hint = f"closest terms: {'; '.join(closest)}" if closest else "try other words"
        raise SymptomError(f"no HPO term matches {text!r}", hint=hint)

    def rank(item: tuple[int, str, str, int]) -> tuple[int, int, int, int]:
        _term, name, matched_name, diseases = item
        exact_name = normalize_name(name) == wanted
        exact_synonym = normalize_name(matched_name) == wanted
        return (not exact_name, not exact_synonym, len(matched_name), -diseases)

    ordered = sorted(candidates, key=rank)
    best = ordered[0]
    alternatives: list[tuple[str, str]] = []
    exact = normalize_name(best[1]) == wanted or normalize_name(best[2]) == wanted
    for term, name, _matched, _count in ordered[1:]:
        if term != best[0] and (hpo_id(term), name) not in alternatives:
            alternatives.append((hpo_id(term), name))
    note = None if exact else "closest match"
    return SymptomTerm(
        input=text,
        hpo=hpo_id(best[0]),
        name=best[1],
        note=note,
        alternatives=tuple(alternatives[:3]) if not exact else (),
    )


def _resolve_id(db: sqlite3.Connection, text: str) -> SymptomTerm:
    upper = text.upper()
    if not _HPO_ID.fullmatch(upper):
        raise SymptomError(f"{text!r} is not an HPO id", hint="an HPO id is HP: and 7 digits")
    number = int(upper[3:])
    row = db.execute(
        "SELECT t.id, t.name, t.obsolete FROM terms t WHERE t.id = "
        "coalesce((SELECT id FROM term_alias WHERE alias = ?), ?)",
        (number, number),
    ).fetchone()
    if row is None:
        obsolete = db.execute("SELECT obsolete FROM terms WHERE id = ?", (number,)).fetchone()
        if obsolete:
            raise SymptomError(f"{upper} is obsolete and names no replacement")
        raise SymptomError(f"{upper} is not in this HPO release")
    term, name, _obsolete = row
    note = None if term == number else f"{upper} is now {hpo_id(term)}"
    return SymptomTerm(input=text, hpo=hpo_id(term), name=name, note=note, alternatives=())


def _candidates(
    db: sqlite3.Connection, query_words: list[str], prefix: bool
) -> list[tuple[int, str, str, int]]:
    star = "*" if prefix else ""
    expression = " AND ".join(f'"{word}"{star}' for word in query_words)
    rows = db.execute(
        "SELECT s.term, t.name, s.name, t.diseases FROM term_search s "
        "JOIN terms t ON t.id = s.term WHERE term_search MATCH ? AND t.obsolete = 0",
        (expression,),
    ).fetchall()
    # All the words in one name, and the name holds little else: 'dry mouth' is Xerostomia's
    # synonym 'Dry mouth', not 'Abnormality of the mouth ... dry'.
    return [row for row in rows if len(words(row[2])) <= len(query_words) + 3]


def _closest(db: sqlite3.Connection, query_words: list[str], limit: int = 5) -> list[str]:
    expression = " OR ".join(f'"{word}"*' for word in query_words)
    rows = db.execute(
        "SELECT DISTINCT s.term, t.name FROM term_search s JOIN terms t ON t.id = s.term "
        "WHERE term_search MATCH ? AND t.obsolete = 0 ORDER BY bm25(term_search) LIMIT ?",
        (expression, limit * 3),
    ).fetchall()
    seen: list[str] = []
    for term, name in rows:
        label = f"{name} ({hpo_id(term)})"
        if label not in seen:
            seen.append(label)
    return seen[:limit]


def rank(
    db: sqlite3.Connection,
    symptoms: Sequence[SymptomTerm],
    *,
    source: str = "all",
    limit: int = 10,
) -> MatchResult:
    """Every condition that explains at least one symptom, best fit first."""
    terms = list(dict.fromkeys(int(symptom.hpo[3:]) for symptom in symptoms))
    scores, explained, best = score(db, terms)
    rows = {
        rowid: (cond_id, name, kind, codes)
        for rowid, cond_id, name, kind, codes in _conditions(db, list(scores))
        if source == "all" or (kind == "hpo") == (source == "hpo")
    }
    ordered = sorted(rows, key=lambda r: (-scores[r], rows[r][1], rows[r][0]))
    hits = []
    for position, rowid in enumerate(ordered[: max(limit, 0)], start=1):
        cond_id, name, kind, codes = rows[rowid]
        matched = tuple(_contributions(db, rowid, best.get(rowid), terms, explained.get(rowid, {})))
        hits.append(
            MatchHit(
                rank=position,
                id=cond_id,
                name=name,
                source=kind,
                score=round(scores[rowid], 3),
                matched=matched,
                codes=split_list(codes),
            )
        )
    return MatchResult(symptoms=tuple(symptoms), total=len(rows), hits=tuple(hits))


Scored = tuple[dict[int, float], dict[int, dict[int, tuple[float, float]]], dict[int, int]]


def score(db: sqlite3.Connection, terms: Sequence[int]) -> Scored:
    """Scores of every condition that explains a term, and per condition what each term got.

    A condition with several descriptions (the catalogue entries of one disease, a curated
    page's own list) is scored with each, and the best-fitting one counts: the terms of one
    description are never mixed with those of another.

    Returns (score by condition rowid, {rowid: {term: (P(q|D), points)}} for the description
    that counted, and that description's number by rowid); a term missing from it is
    unexplained there, and its points are `_missing(...)`.
    """
    terms = list(dict.fromkeys(terms))  # the same finding twice counts once
    total = _annotated_conditions(db)
    explained: dict[tuple[int, int], dict[int, tuple[float, float]]] = {}
    gained: dict[tuple[int, int], float] = {}
    missing_points: dict[int, float] = {}
    for term in terms:
        share = _share(db, term, total)
        found: dict[tuple[int, int], float] = {}
        for rowid, description, frequency, exact, fraction in db.execute(
            "SELECT condition, description, frequency, exact, fraction FROM propagated "
            "WHERE term = ?",
            (term,),
        ):
            found[(rowid, description)] = (
                (FLOOR + (1 - FLOOR) * frequency)
                * (1.0 if exact else NOT_EXACT)
                * fraction**SPECIFICITY
            )
        for ancestor, distance in db.execute(
            "SELECT ancestor, distance FROM closure WHERE descendant = ? AND distance BETWEEN 1 "
            "AND ?",
            (term, BROADER_STEPS),
        ):
            ratio = share / max(_share(db, ancestor, total), share)
            for rowid, description, frequency, fraction in db.execute(
                "SELECT condition, description, frequency, fraction FROM propagated "
                "WHERE term = ? AND exact = 1",
                (ancestor,),
            ):
                chance = (
                    (FLOOR + (1 - FLOOR) * frequency)
                    * ratio
                    * NOT_EXACT**distance
                    * fraction**SPECIFICITY
                )
                if chance > found.get((rowid, description), 0.0):
                    found[(rowid, description)] = chance
        missing = missing_points[term] = _missing(share)
        for key, chance in found.items():
            chance = max(chance, MISSING)
            points = math.log(chance / share)
            explained.setdefault(key, {})[term] = (chance, points)
            gained[key] = gained.get(key, 0.0) + points - missing
    # Every description starts from every term unexplained, and gains what it explains.
    unexplained = sum(missing_points.values())
    scores: dict[int, float] = {}
    best: dict[int, int] = {}
    for (rowid, description), gain in gained.items():
        value = unexplained + gain
        if rowid not in scores or (value, -description) > (scores[rowid], -best[rowid]):
            scores[rowid], best[rowid] = value, description
    return scores, {rowid: explained[(rowid, d)] for rowid, d in best.items()}, best


def _annotated_conditions(db: sqlite3.Connection) -> int:
    """How many conditions have any phenotype annotation (counted when the index was built)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'annotated_conditions'").fetchone()
    return max(int(row[0]) if row else 1, 1)


def _missing(share: float) -> float:
    """Points for a term a condition does not explain (never a bonus)."""
    return math.log(MISSING / share) if share > MISSING else 0.0


def _share(db: sqlite3.Connection, term: int, total: int) -> float:
    """P(q | any condition): the share of conditions annotated with the term or a narrower one."""
    row = db.execute("SELECT diseases FROM terms WHERE id = ?", (term,)).fetchone()
    count = row[0] if row else 0
    return (count + SMOOTHING) / (total + SMOOTHING)


def _conditions(db: sqlite3.Connection, rowids: list[int]) -> list[tuple[int, str, str, str, str]]:
    found = []
    for start in range(0, len(rowids), 900):
        chunk = rowids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        found += db.execute(
            f"SELECT rowid, id, name, source, codes FROM conditions WHERE rowid IN ({marks})",
            chunk,
        ).fetchall()
    return found


def _contributions(
    db: sqlite3.Connection,
    rowid: int,
    description: int | None,
    terms: Sequence[int],
    per_term: dict[int, tuple[float, float]],
) -> list[Contribution]:
    """For each query term, the annotation of the description that counted that explains it."""
    out = []
    total = _annotated_conditions(db)
    row = db.execute(
        "SELECT origin FROM descriptions WHERE condition = ? AND description = ?",
        (rowid, description),
    ).fetchone()
    origin = row[0] if row else None
    for term in terms:
        if term not in per_term:
            points = round(_missing(_share(db, term, total)), 3)
            out.append(Contribution(hpo_id(term), None, None, None, points))
            continue
        row = db.execute(
            """
            SELECT a.term, t.name, a.frequency FROM annotations a
            JOIN terms t ON t.id = a.term
            WHERE a.condition = ? AND a.aspect = 'P' AND (
                a.term IN (SELECT descendant FROM closure WHERE ancestor = ?)
                OR a.term IN (SELECT ancestor FROM closure WHERE descendant = ?))
            ORDER BY (a.origin = ?) DESC, (a.term = ?) DESC, coalesce(a.frequency, 0.5) DESC
            LIMIT 1
            """,
            (rowid, term, term, origin, term),
        ).fetchone()
        disease_term, name, frequency = row if row else (None, None, None)
        out.append(
            Contribution(
                query_hpo=hpo_id(term),
                disease_hpo=hpo_id(disease_term) if disease_term is not None else None,
                name=name,
                frequency=frequency,
                points=round(per_term[term][1], 3),
            )
        )
    return out


__all__ = ["SymptomError", "fold", "rank", "resolve", "score"]
