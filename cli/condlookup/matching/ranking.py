"""`match`'s answer: the conditions ranked by their scores (`scoring`), each with what every
finding added to it, and a word of advice when the findings cannot tell conditions apart."""

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from condlookup.matching.reading import Skipped
from condlookup.matching.scoring import Memo, Scoring, score
from condlookup.matching.symptoms import SymptomTerm
from condlookup.records import Kind, Record, Scope, model
from condlookup.sources.codes import hpo_id
from condlookup.sql import rows_in, scope_condition
from condlookup.text import split_list


@model
class Together(Record):
    """Why a finding a condition does not record still counts for it (matching.together): of
    the conditions that record the term it has, how many have the finding."""

    shared: int
    recorded: int


@model
class Contribution(Record):
    """What one symptom (or one absent finding) added to one condition's score."""

    query_hpo: str  # the term the symptom counted as for this condition
    disease_hpo: str | None  # the annotation that explains it; None when nothing does
    name: str | None
    frequency: float | None
    # What it added over a condition that does not explain it: never below 0 for a finding
    # the condition has (0 for one it does not), below 0 for an absent finding it shows.
    points: float
    absent: bool = False  # a finding looked for and not found, that this condition shows
    query_name: str = ""  # the name of the query's term
    # The condition does not record the finding, but `disease_hpo`, which other conditions
    # often record together with it (matching.together); None for a finding it records.
    together: Together | None = None


@model
class MatchHit(Record):
    rank: int
    id: str
    name: str
    source: Kind
    score: float
    matched: tuple[Contribution, ...]
    codes: tuple[str, ...]
    features: int = 0  # how many terms the description that counted has
    prior: float = 0.0  # the points that gave it (PRIOR)
    genes: tuple[str, ...] = ()  # the candidate genes (match --gene) that tie it to the case


@model
class MatchResult(Record):
    @property
    def shown_as(self) -> Literal["match"]:
        """Which renderer shows it."""
        return "match"

    symptoms: tuple[SymptomTerm, ...]
    total: int  # conditions that explain at least one symptom
    hits: tuple[MatchHit, ...]
    absent: tuple[SymptomTerm, ...] = ()
    # When the findings are too few and too common to tell conditions apart, the words that
    # say so; else None.
    advice: str | None = None
    skipped: tuple[Skipped, ...] = ()  # what the text held that named no finding
    # With candidate genes (match --gene): those the data knows, what was said of the others,
    # and how many conditions fit the findings but are tied to none of them.
    genes: tuple[str, ...] = ()
    gene_notes: tuple[str, ...] = ()
    unlinked: int = 0


def both(present: Sequence[SymptomTerm], absent: Sequence[SymptomTerm]) -> str | None:
    """A finding given both as present and as absent, named; None when there is none."""
    lacking = {term: finding for finding in absent for term in finding.terms}
    for symptom in present:
        for term in symptom.terms:
            if term in lacking:
                name = f"{hpo_id(term)} ({lacking[term].name})"
                given = {symptom.input, lacking[term].input}
                return f"{' / '.join(repr(text) for text in sorted(given))}: {name}"
    return None


def rank(
    db: sqlite3.Connection,
    symptoms: Sequence[SymptomTerm],
    absent: Sequence[SymptomTerm] = (),
    *,
    source: Scope = "all",
    limit: int = 10,
    memo: Memo | None = None,
    skipped: Sequence[Skipped] = (),
    candidates: Mapping[int, Sequence[str]] | None = None,
    others: Literal["out", "below"] = "out",
) -> MatchResult:
    """Every condition that explains at least one symptom, best fit first. `skipped` is what
    the text held that named no finding, carried to the result.

    With `candidates` (each condition tied to a candidate gene, with the genes that tie it):
    those conditions, by how well they fit the findings (one that explains none of them last,
    as explaining nothing); the others are left out and counted (`others="out"`, what `match
    --gene` does), or ranked below them all (`"below"`)."""
    symptoms = tuple({symptom.terms: symptom for symptom in symptoms}.values())
    absent = tuple({finding.terms: finding for finding in absent}.values())
    terms = [symptom.terms for symptom in symptoms]
    absent_terms = [finding.terms[0] for finding in absent]
    scoring = score(db, terms, absent_terms, memo)
    scores = scoring.scores
    ranked = list(scores)
    taken: set[int] = set()
    if source != "all":
        taken = {
            rowid
            for (rowid,) in db.execute(
                f"SELECT rowid FROM conditions WHERE {scope_condition(source)}"
            )
        }
        ranked = [rowid for rowid in ranked if rowid in taken]
    unlinked = 0
    if candidates is not None:
        # A condition tied to a candidate that explains no finding scores as explaining none.
        nothing = sum(scoring.unexplained(choice) for choice in dict.fromkeys(terms))
        scores = {rowid: scores.get(rowid, nothing) for rowid in candidates} | {
            rowid: value for rowid, value in scores.items() if rowid not in candidates
        }
        unlinked = sum(1 for rowid in ranked if rowid not in candidates)
        linked = [rowid for rowid in candidates if source == "all" or rowid in taken]
        rest = [rowid for rowid in ranked if rowid not in candidates]
        # "below": every tied condition first, then the rest as they score.
        ranked = linked if others == "out" else [*linked, *rest]
    tied = candidates or {}
    ranked.sort(key=lambda rowid: (rowid in tied, scores[rowid]), reverse=True)
    # Only the best `limit` are read, with those tied with the last: names order equal scores.
    cut = ranked[: max(limit, 0)]
    if cut:
        last = (cut[-1] in tied, scores[cut[-1]])
        cut += [rowid for rowid in ranked[len(cut) :] if (rowid in tied, scores[rowid]) == last]
    rows = _conditions(db, cut)
    ordered = sorted(rows, key=lambda r: (r not in tied, -scores[r], rows[r].name, rows[r].id))
    # A score is shown as what the condition adds over one that explains nothing (the same
    # for every condition, so the order is the same).
    baseline = sum(scoring.unexplained(choice) for choice in dict.fromkeys(terms))
    hits = []
    for position, rowid in enumerate(ordered[: max(limit, 0)], start=1):
        row = rows[rowid]
        explains = rowid in scoring.chosen  # else only a candidate gene ties it to the case
        matched = tuple(_contributions(db, rowid, scoring, terms, absent_terms)) if explains else ()
        features, prior = scoring.prior(rowid) if explains else (0, 0.0)
        hits.append(
            MatchHit(
                rank=position,
                id=row.id,
                name=row.name,
                source=row.source,
                score=round(scores[rowid] - baseline, 3),
                matched=matched,
                codes=split_list(row.codes),
                features=features,
                prior=round(prior, 3),
                genes=tuple(candidates.get(rowid, ())) if candidates is not None else (),
            )
        )
    return MatchResult(
        symptoms=symptoms,
        total=len(ranked),
        hits=tuple(hits),
        absent=absent,
        advice=_advice(db, symptoms, scoring.total),
        skipped=tuple(skipped),
        unlinked=unlinked,
    )


# Findings recorded for this share of conditions or more (and at least COMMON_COUNT of them)
# are common: one or two of them alone cannot tell conditions apart.
COMMON = 0.05
COMMON_COUNT = 100
FEW = 2


def _advice(db: sqlite3.Connection, symptoms: Sequence[SymptomTerm], total: int) -> str | None:
    """What to say when the findings are one or two common ones: the ranking is near chance."""
    if not symptoms or len(symptoms) > FEW:
        return None
    counts = []
    for symptom in symptoms:
        row = db.execute("SELECT diseases FROM terms WHERE id = ?", (symptom.terms[0],))
        found = row.fetchone()
        counts.append(found[0] if found else 0)
    if min(counts) < max(COMMON * total, COMMON_COUNT):
        return None
    names = " and ".join(symptom.name for symptom in symptoms)
    each = "each recorded" if len(symptoms) > 1 else "recorded"
    return (
        f"{names}: {each} for {' and '.join(f'{n:,}' for n in counts)} of the {total:,} "
        "conditions, too common to tell them apart; add more findings"
    )


class _Condition(NamedTuple):
    id: str
    name: str
    source: Kind
    codes: str


def _conditions(db: sqlite3.Connection, rowids: list[int]) -> dict[int, _Condition]:
    sql = "SELECT rowid, id, name, source, codes FROM conditions WHERE rowid IN ({marks})"
    return {rowid: _Condition(*rest) for rowid, *rest in rows_in(db, sql, rowids)}


def _contributions(
    db: sqlite3.Connection,
    rowid: int,
    scoring: Scoring,
    symptoms: Sequence[tuple[int, ...]],
    absent: Sequence[int],
) -> list[Contribution]:
    """For each symptom, the annotation of the description that counted that explains it; then
    what each absent finding it shows cost it."""
    out = []
    row = db.execute(
        "SELECT origin FROM descriptions WHERE condition = ? AND description = ?",
        (rowid, scoring.chosen[rowid]),
    ).fetchone()
    origin = row[0] if row else None
    for choice in symptoms:
        fit = scoring.fit(rowid, choice)
        if fit is None:
            named = _term_name(db, choice[0])
            out.append(Contribution(hpo_id(choice[0]), None, None, None, 0.0, query_name=named))
            continue
        term, points = fit
        gained = round(points - scoring.unexplained(choice), 3)
        tie = scoring.tie(rowid, term)
        explained = term if tie is None else tie.term
        disease_term, name, frequency = _explaining(db, rowid, origin, explained, related=True)
        out.append(
            Contribution(
                hpo_id(term),
                disease_term,
                name,
                frequency,
                gained,
                query_name=_term_name(db, term),
                together=None if tie is None else Together(tie.shared, tie.recorded),
            )
        )
    for term in absent:
        cost = scoring.absent_points(rowid, term)
        if cost is not None:
            disease_term, name, frequency = _explaining(db, rowid, origin, term, related=False)
            out.append(
                Contribution(
                    hpo_id(term),
                    disease_term,
                    name,
                    frequency,
                    round(cost, 3),
                    True,
                    query_name=_term_name(db, term),
                )
            )
    return out


def _term_name(db: sqlite3.Connection, term: int) -> str:
    row = db.execute("SELECT name FROM terms WHERE id = ?", (term,)).fetchone()
    return str(row[0]) if row else hpo_id(term)


def _explaining(
    db: sqlite3.Connection, rowid: int, origin: str | None, term: int, related: bool
) -> tuple[str | None, str | None, float | None]:
    """The annotation of a condition (of its description `origin` first) at or below `term`,
    or, if `related`, also above it: (hpo, name, frequency)."""
    above = (
        "OR a.term IN (SELECT ancestor FROM closure WHERE descendant = :term)" if related else ""
    )
    row = db.execute(
        f"""
        SELECT a.term, t.name, a.frequency FROM annotations a JOIN terms t ON t.id = a.term
        WHERE a.condition = :rowid AND a.aspect = 'P' AND (
            a.term IN (SELECT descendant FROM closure WHERE ancestor = :term) {above})
        ORDER BY (a.origin = :origin) DESC, (a.term = :term) DESC,
            coalesce(a.frequency, 0.5) DESC
        LIMIT 1
        """,
        {"rowid": rowid, "term": term, "origin": origin},
    ).fetchone()
    if row is None:
        return None, None, None
    return hpo_id(row[0]), row[1], row[2]
