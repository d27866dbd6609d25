"""Candidate genes on published cases, for `accuracy.py --decoys`: each case's candidate list is
its causal genes (the cases file's `genes`) and N genes drawn at random (`random.Random(case
id)`) from every gene the HPO release links to a disease; a case's rank is that of its diagnosis
among the OMIM conditions tied to a candidate, ranked as `match --gene` ranks them (those that
explain no finding last, as explaining nothing), or, with `below`, among all the OMIM
conditions, the tied ones first (what leaving the untied ones in would give).

The phenotype ranking is computed once per case (`scoring.score`) and each N filters it, so a
figure for N = 0, 20 and 100 costs one ranking per case.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from condlookup.matching import scoring
from condlookup.sources import hpo

Case = dict[str, object]


class Index(NamedTuple):
    """What the figures need from the index, read once."""

    omim: frozenset[int]  # the conditions with an OMIM code: the diseases ranked
    holder: dict[str, int]  # an OMIM code's condition
    names: dict[int, str]  # a condition's id, to order equal scores
    current: frozenset[int]  # the current terms
    alias: dict[int, int]  # an obsolete or alternative term's current one
    tied: dict[str, frozenset[int]]  # a gene's conditions
    pool: tuple[str, ...]  # the decoys' pool, sorted (read_index)
    omim_numbers: dict[int, tuple[int, ...]]  # a condition's OMIM numbers (for hpo3's lists)


def read_index(db: sqlite3.Connection, released: Path | None = None) -> Index:
    """What the figures need from the index. The decoys' pool is every gene the HPO release
    links to a disease (`released`, its genes_to_phenotype.txt) that the index ties to a
    condition; without the file, every gene the index ties to one (Orphanet's too)."""
    omim: set[int] = set()
    holder: dict[str, int] = {}
    names: dict[int, str] = {}
    numbers: dict[int, tuple[int, ...]] = {}
    for rowid, cond_id, codes in db.execute("SELECT rowid, id, codes FROM conditions"):
        names[rowid] = cond_id
        for code in codes.split("\x1f"):
            if code.startswith("OMIM:"):
                omim.add(rowid)
                holder.setdefault(code, rowid)
                numbers[rowid] = (*numbers.get(rowid, ()), int(code[5:]))
    tied: dict[str, set[int]] = {}
    rows = db.execute(
        "SELECT g.symbol, c.condition FROM gene_conditions c JOIN genes g ON g.rowid = c.gene"
    )
    for symbol, condition in rows:
        tied.setdefault(symbol, set()).add(condition)
    return Index(
        frozenset(omim),
        holder,
        names,
        frozenset(term for (term,) in db.execute("SELECT id FROM terms WHERE obsolete = 0")),
        dict(db.execute("SELECT alias, id FROM term_alias")),
        {symbol: frozenset(found) for symbol, found in tied.items()},
        tuple(sorted(_released(released) & set(tied) if released else tied)),
        numbers,
    )


def _released(path: Path) -> set[str]:
    """The genes a release's genes_to_phenotype.txt links to a disease."""
    return {link.symbol for link in hpo.read_genes(path)}


def allowed_omim(case: Case, index: Index, decoys: int) -> list[int]:
    """The OMIM numbers of the conditions tied to the case's candidates (for hpo3, which ranks
    OMIM entries)."""
    tied: set[int] = set()
    for gene in candidates(case, index, decoys):
        tied |= index.tied.get(gene, frozenset())
    return sorted({number for rowid in tied for number in index.omim_numbers.get(rowid, ())})


def candidates(case: Case, index: Index, decoys: int) -> list[str]:
    """The case's causal genes and `decoys` others drawn from the pool, seeded by its id."""
    causal = [str(gene) for gene in case.get("genes", [])]  # type: ignore[attr-defined]
    others = [gene for gene in index.pool if gene not in causal]
    return causal + random.Random(str(case["case"])).sample(others, min(decoys, len(others)))


def terms(ids: Iterable[object], index: Index) -> list[int]:
    """The current terms of HP ids, each once; ids the release does not know left out."""
    found = []
    for hp_id in ids:
        number = int(str(hp_id)[3:])
        number = index.alias.get(number, number)
        if number in index.current:
            found.append(number)
    return list(dict.fromkeys(found))


def rank(truth: int, scores: dict[int, float], allowed: Iterable[int], index: Index) -> int:
    """The place of `truth` among `allowed` by score; equal scores by the conditions' ids."""
    mine = scores[truth]
    better = sum(
        1
        for other in allowed
        if other != truth
        and (
            scores[other] > mine
            or (scores[other] == mine and index.names[other] < index.names[truth])
        )
    )
    return better + 1


class Ranks(NamedTuple):
    phenotype: dict[str, int | None]  # the case's rank without genes
    # (N, "out" | "below") -> case -> the diagnosis's rank; (N, "gene") -> the causal gene's
    genes: dict[tuple[int, str], dict[str, int | None]]
    per_case_ms: float  # the median time of a case's phenotype ranking
    filter_ms: float  # the median time of one N's filter, per case
    # (N, or None for phenotype only) -> case -> the condition ranked first, where it is not
    # the diagnosis
    beaten_by: dict[int | None, dict[str, int]]
    explained: dict[str, int]  # case -> how many of its findings its diagnosis explains


def decoy_ranks(
    db: sqlite3.Connection, cases: Sequence[Case], counts: Sequence[int], index: Index
) -> Ranks:
    phenotype: dict[str, int | None] = {}
    by_gene: dict[tuple[int, str], dict[str, int | None]] = {
        (count, how): {} for count in counts for how in ("out", "below", "gene")
    }
    beaten_by: dict[int | None, dict[str, int]] = {count: {} for count in (None, *counts)}
    explained_by_truth: dict[str, int] = {}
    memo = scoring.Memo()
    timing, filtering = [], []
    for case in cases:
        key = str(case["case"])
        present = terms(case["present"], index)  # type: ignore[arg-type]
        absent = terms(case["excluded"], index)  # type: ignore[arg-type]
        truth = index.holder.get(str(case["disease"]))
        start = time.perf_counter()
        found = scoring.score(db, present, absent, memo) if present else None
        timing.append(time.perf_counter() - start)
        scores = dict(found.scores) if found else {}
        explained = {rowid for rowid in scores if rowid in index.omim}
        phenotype[key] = (
            rank(truth, scores, explained, index) if truth is not None and truth in scores else None
        )
        if found is not None and truth is not None and truth in scores:
            explained_by_truth[key] = sum(1 for term in present if found.fit(truth, (term,)))
            beaten_by[None][key] = first(scores, explained, index)
        nothing = sum(found.unexplained((term,)) for term in present) if found else 0.0
        for count in counts:
            start = time.perf_counter()
            tied: set[int] = set()
            for gene in candidates(case, index, count):
                tied |= index.tied.get(gene, frozenset())
            tied &= index.omim
            ranked = {rowid: scores.get(rowid, nothing) for rowid in tied}
            if truth is None or truth not in tied:
                by_gene[(count, "out")][key] = None
                # Below: the tied conditions first, then the rest by score.
                below = (
                    len(tied) + rank(truth, scores, explained - tied | {truth}, index)
                    if truth is not None and truth in scores
                    else None
                )
                by_gene[(count, "below")][key] = below
            else:
                place = rank(truth, ranked, tied, index)
                by_gene[(count, "out")][key] = place
                by_gene[(count, "below")][key] = place
                beaten_by[count][key] = first(ranked, tied, index)
            by_gene[(count, "gene")][key] = gene_rank(case, ranked, index, count)
            filtering.append(time.perf_counter() - start)
    timing.sort()
    filtering.sort()
    return Ranks(
        phenotype,
        by_gene,
        1000 * timing[len(timing) // 2] if timing else 0.0,
        1000 * filtering[len(filtering) // 2] if filtering else 0.0,
        beaten_by,
        explained_by_truth,
    )


def gene_rank(case: Case, ranked: dict[int, float], index: Index, count: int) -> int | None:
    """The place of the causal gene among the candidates, each scored by its best condition
    (what a clinician with an exome asks first: which of my genes?); a gene whose best scores
    the same counts as ahead. None when no condition of a causal gene is ranked."""
    causal = {str(gene) for gene in case.get("genes", [])}  # type: ignore[attr-defined]
    best: dict[str, float] = {}
    for gene in candidates(case, index, count):
        scored = [ranked[rowid] for rowid in index.tied.get(gene, frozenset()) if rowid in ranked]
        if scored:
            best[gene] = max(scored)
    mine = [score for gene, score in best.items() if gene in causal]
    if not mine:
        return None
    return 1 + sum(1 for gene, score in best.items() if gene not in causal and score >= max(mine))


def first(scores: dict[int, float], allowed: Iterable[int], index: Index) -> int:
    """The condition `rank` puts first among `allowed`."""
    return min(allowed, key=lambda rowid: (-scores[rowid], index.names[rowid]))


# A Mondo group of more conditions than this (all the way down) is too wide to say that two of
# its members look alike (rare genetic disease, inherited metabolic disorder...).
NARROW_FAMILY = 200
# A diagnosis that explains this many of a case's findings or fewer has little to go on.
LITTLE = 2


def narrow_families(db: sqlite3.Connection) -> dict[int, set[int]]:
    """Each condition's Mondo ancestors that hold at most NARROW_FAMILY conditions in all."""
    up: dict[int, set[int]] = {}
    for broader, narrower in db.execute("SELECT broader, narrower FROM relations"):
        up.setdefault(narrower, set()).add(broader)
    ancestors: dict[int, set[int]] = {}
    for condition in up:
        found: set[int] = set()
        todo = list(up[condition])
        while todo:
            broader = todo.pop()
            if broader not in found:
                found.add(broader)
                todo.extend(up.get(broader, ()))
        ancestors[condition] = found
    size: dict[int, int] = {}
    for found in ancestors.values():
        for broader in found:
            size[broader] = size.get(broader, 0) + 1
    return {
        condition: {broader for broader in found if size[broader] <= NARROW_FAMILY}
        for condition, found in ancestors.items()
    }


def losses(
    db: sqlite3.Connection, cases: Sequence[Case], found: Ranks, count: int | None, index: Index
) -> dict[str, int]:
    """Why the cases whose diagnosis is not first (with `count` decoys, or phenotype only) lost,
    each case counted once, in this order: beaten by another disease of its causal gene; by a
    disease of the same narrow Mondo family (at most NARROW_FAMILY conditions in all: another gene's
    look-alike); its diagnosis explains at most LITTLE of its findings; or none of these."""
    parents = narrow_families(db)
    why = {"same gene": 0, "same family": 0, "little to go on": 0, "other": 0, "not ranked": 0}
    for case in cases:
        key = str(case["case"])
        truth = index.holder.get(str(case["disease"]))
        place = found.phenotype[key] if count is None else found.genes[(count, "out")][key]
        if place == 1:
            continue
        winner = found.beaten_by[count].get(key)
        if truth is None or winner is None:
            why["not ranked"] += 1
        elif any(winner in index.tied.get(str(gene), ()) for gene in case["genes"]):  # type: ignore[attr-defined]
            why["same gene"] += 1
        elif parents.get(truth, set()) & parents.get(winner, set()):
            why["same family"] += 1
        elif found.explained.get(key, 0) <= LITTLE:
            why["little to go on"] += 1
        else:
            why["other"] += 1
    return why
