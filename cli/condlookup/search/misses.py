"""What a query that names nothing gets: suggestions of names that share a real word with it,
or a plain word that the condition is not covered; and, for a well-formed code the data lacks,
which release lacks it. Only a miss loads this module."""

import difflib
import functools
import sqlite3

from condlookup.errors import NotFoundError
from condlookup.search import GENERIC_WORDS, family_ranks, forms_of, text_match
from condlookup.sql import fts_words
from condlookup.text import fold_key, normalize_name, quoted, words

# A query word this long may differ from a name's word by a letter or two (a typo); a shorter
# one must be the word itself.
FUZZY_FROM = 5
NEAR = 0.8
PREFIX = 4  # a typo keeps the first letters of a word
SUGGESTION_CANDIDATES = 200
TIES_WEIGHED = 50
# A suggestion this close in spelling to the query's real words is nearly the name itself.
NEARLY_THE_NAME = 0.85
_LONG_GENERIC = tuple(word for word in GENERIC_WORDS if len(word) >= FUZZY_FROM)


def suggestions(db: sqlite3.Connection, query: str, limit: int = 3) -> list[str]:
    """Up to `limit` names for a query that names nothing: only conditions whose names share a
    real word with it (the same word, or one a letter or two away). Best first: more of the
    query's words, a condition's own name before its other names, the same word before a near
    one, the name itself (but for a typo) before longer ones, the everyday form before its variants
    ("lupus": systemic lupus erythematosus before neonatal lupus), then the closest spelling.
    Candidates come from the names' full-text index, never from a scan of every name."""
    real = [fold_key(word) for word in words(query) if not _generic(word)]
    if not real:
        return []
    # A typo keeps the start of a word: its first four letters find the candidates.
    expression = "names : (" + fts_words([w[:PREFIX] for w in real], operator="OR", prefix=True)
    rows = db.execute(
        f"SELECT rowid, names FROM search WHERE search MATCH ? ORDER BY bm25(search) "
        f"LIMIT {SUGGESTION_CANDIDATES}",
        (expression + ")",),
    ).fetchall()
    said = " ".join(real)
    # Per condition, its best name: (same words, near words, is its own name, spelling closeness
    # of the real words, which decides first only where it is nearly the name itself).
    ranked: dict[int, tuple[int, int, bool, bool, float]] = {}
    shown: dict[int, str] = {}
    for rowid, names in rows:
        listed = names.splitlines()
        for place, name in enumerate(listed):
            own = [_folded(word) for word in words(name) if word not in GENERIC_WORDS]
            same, near = _shared_words(real, own)
            if same or near:
                closeness = _closeness(said, own) if same + near == len(real) else 0.0
                found = (same, near, place == 0, closeness >= NEARLY_THE_NAME, closeness)
                if found > ranked.get(rowid, (0, 0, False, False, 0.0)):
                    ranked[rowid] = found
                    # Found by another of its names: that name is shown beside its own.
                    shown[rowid] = listed[0] if place == 0 else f"{listed[0]} ({name})"
    below, above = family_ranks(db, list(ranked))

    def rank(r: int) -> tuple[object, ...]:
        same, near, own_name, nearly, closeness = ranked[r]
        return (
            -same - near,
            not own_name,
            -same,
            not nearly,
            r in above,
            -below.get(r, 0),
            -closeness,
        )

    ordered = sorted(ranked, key=rank)
    if not ordered:
        return []
    # Ties up to the last place shown are broken by the spelling of the whole name, which costs
    # too much to weigh for every candidate.
    last = rank(ordered[min(limit, len(ordered)) - 1])
    contenders = [r for r in ordered if rank(r) <= last][:TIES_WEIGHED]
    key = " ".join(real)
    spelling = {
        r: difflib.SequenceMatcher(None, key, fold_key(normalize_name(shown[r]))).ratio()
        for r in contenders
    }
    ordered = sorted(contenders, key=lambda r: (rank(r), -spelling[r]))
    return [shown[rowid] for rowid in ordered[:limit]]


def _shared_words(real: list[str], own: list[str]) -> tuple[int, int]:
    """How many of the query's real words a name's own words hold: the same (folded alike), or
    a letter or two away (a typo, for words long enough to tell, that keeps the first letters
    that found the candidates)."""
    same = sum(word in own for word in real)
    near = sum(
        word not in own
        and any(other[:PREFIX] == word[:PREFIX] and _near(word, other) for other in own)
        for word in real
    )
    return same, near


def _closeness(said: str, own: list[str]) -> float:
    """How much of a name that holds every real word of the query those words are: 1.0 for
    the name itself (as difflib's ratio would say, at a fraction of its cost)."""
    joined = sum(map(len, own)) + len(own) - 1
    return 2 * len(said) / (len(said) + joined) if joined > 0 else 0.0


_folded = functools.cache(fold_key)  # a name's words, many shared by many names


@functools.cache
def _near(word: str, other: str) -> bool:
    """Whether `word` is `other` but for a letter or two (for words long enough to tell)."""
    shorter, longer = sorted((len(word), len(other)))
    if len(word) < FUZZY_FROM or 2 * shorter < NEAR * (shorter + longer):
        return False  # the lengths alone rule it out, before any matcher is built
    matcher = difflib.SequenceMatcher(None, word, other)
    return matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR


def _generic(word: str) -> bool:
    """A query's word that names no condition by itself, as typed or mistyped ("sindrome")."""
    return len(word) <= 2 or word in GENERIC_WORDS or any(_near(word, g) for g in _LONG_GENERIC)


def miss(db: sqlite3.Connection, query: str, has_catalogue: bool) -> NotFoundError:
    """What a query that names nothing gets: the conditions whose names share a real word with
    it; else a plain word that it is not covered, and how to look by symptoms. `search` is
    offered only when it finds something."""
    covered = "rare diseases and its own pages" if has_catalogue else "its own pages"
    has_common = db.execute("SELECT 1 FROM meta WHERE key = 'do_definitions'").fetchone()
    if has_catalogue and not has_common:  # they come with the Disease Ontology, by `update`
        covered += "; `condlookup update` adds short pages for common conditions"
    said = words(query)
    named = quoted(query)
    offer = ""
    if said and len(said) <= 12 and text_match(db, [forms_of(word) for word in said], ""):
        offer = f"`condlookup search {' '.join(said)}`"
    suggested = suggestions(db, query)
    if suggested:
        # Each name quoted: names hold commas, and a quoted name is ready to paste after `show`.
        listed = ", ".join(f'"{name}"' for name in suggested)
        hint = f"condlookup covers {covered}; did you mean: {listed}?"
        return NotFoundError(
            f"no condition named {named}", hint=f"{hint} or try {offer}" if offer else hint
        )
    hint = "to find conditions by their symptoms, try `condlookup match SYMPTOMS`"
    return NotFoundError(
        f"{named} is not a condition condlookup covers ({covered})",
        hint=f"{hint}, or {offer}" if offer else hint,
    )


def missing_code(db: sqlite3.Connection, code: str) -> NotFoundError:
    """A well-formed code the data in use lacks: never a guess, but which release lacks it."""
    from condlookup.sources.hpo import age_in_months  # noqa: PLC0415 - a code's miss only

    meta = dict(db.execute("SELECT key, value FROM meta"))
    release = meta.get("hpo_release", "unknown")
    months = age_in_months(release)
    used = f"HPO release {release}" + (f", {months} months old" if months is not None else "")
    if code.startswith(("MONDO:", "GARD:")):
        used += f", Mondo {meta.get('mondo_version', 'not used')}"
    return NotFoundError(
        f"{code} is not in the data this condlookup uses ({used})",
        hint="`condlookup update` fetches the newest HPO release",
    )
