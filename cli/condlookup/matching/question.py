"""The questions `match` answers, whole: a text of findings (with candidate genes, if any),
and a set of phenopacket files. The library hands them its connection."""

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from condlookup.errors import CondlookupError
from condlookup.matching import candidates, ranking, reading
from condlookup.records import Scope

if TYPE_CHECKING:  # phenopackets only: `match` with symptoms must not load them
    from condlookup.matching.cases import CaseResult


def match(
    db: sqlite3.Connection,
    symptoms: Sequence[str],
    absent: Sequence[str],
    source: Scope,
    limit: int,
    genes: Sequence[str],
) -> ranking.MatchResult:
    """Conditions ranked by how well they fit the findings present and absent; with candidate
    `genes`, those tied to one of them (the others counted)."""
    chosen = candidates.choose(db, genes) if genes else None
    found = reading.read_findings(db, symptoms)
    try:
        lacking = reading.read_findings(db, absent) if absent else None
    except CondlookupError as err:  # --not takes one argument: "--not joint pain" gives "joint"
        quote = 'a finding of several words goes in quotes: --not "joint pain"'
        raise CondlookupError(
            f"--not: {err.message}", hint=f"{err.hint}; {quote}" if err.hint else quote
        ) from None
    both = ranking.both(found.findings, lacking.findings if lacking else ())
    if both is not None:
        raise CondlookupError(f"{both} is given both as present and as absent")
    result = ranking.rank(
        db,
        found.findings,
        lacking.findings if lacking else (),
        source=source,
        limit=limit,
        skipped=found.skipped + (lacking.skipped if lacking else ()),
        candidates=chosen.tied if chosen else None,
    )
    return candidates.with_genes(result, chosen) if chosen else result


def match_files(
    db: sqlite3.Connection, paths: Sequence[Path], source: Scope, limit: int, genes: bool
) -> "Iterator[CaseResult | CondlookupError]":
    """One ranking for each phenopacket in `paths` (files or folders), in order (with `genes`,
    its interpretations' genes as candidates); a path that gives no file, or a file that
    cannot be ranked, gives its error instead, and the others go on."""
    from condlookup.matching import cases, scoring  # noqa: PLC0415

    memo = scoring.Memo()  # terms repeat between cases
    for found in cases.phenopacket_files(paths):
        if isinstance(found, CondlookupError):
            yield found
            continue
        try:
            case = cases.read_case(found)
            yield cases.rank_case(db, case, source=source, limit=limit, memo=memo, use_genes=genes)
        except CondlookupError as err:
            yield err
