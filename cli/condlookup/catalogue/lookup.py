"""How a typed query names a condition: the keys it is looked up by, in order, and the name
other than the condition's own that found it (shown on the page: "DS is one of the names of
Dravet syndrome")."""

import sqlite3
from collections.abc import Sequence

from condlookup.errors import NotFoundError
from condlookup.text import fold_key, name_keys, normalize_name, quoted, without_ending

SHOWN_WHEN_AMBIGUOUS = 5


def find(db: sqlite3.Connection, query: str) -> int | None:
    """The row of the condition a query names: its best tier of names decides (see
    text.OWN_NAME). A catalogue's code is read in any of its common spellings (MIM:154700,
    Orphanet_558). None for no condition; an error naming them for more than one."""
    code = code_in(query)
    rows = []
    for tried in keys_to_try(query, code):
        rows = db.execute(
            "SELECT rowid, max(tier) FROM names WHERE key = ? GROUP BY rowid", (tried,)
        ).fetchall()
        if rows:
            break
    best = max((tier for _rowid, tier in rows), default=None)
    found = sorted(rowid for rowid, tier in rows if tier == best)
    if len(found) == 1:
        return int(found[0])
    if not found:
        return None
    marks = ",".join("?" * len(found))
    names = [
        f"{name} ({cond_id})"
        for cond_id, name in db.execute(
            f"SELECT id, name FROM conditions WHERE rowid IN ({marks}) ORDER BY rowid", found
        )
    ]
    more = len(names) - SHOWN_WHEN_AMBIGUOUS
    raise NotFoundError(
        f"{quoted(query)} names more than one condition: "
        f"{', '.join(names[:SHOWN_WHEN_AMBIGUOUS])}" + (f" and {more} more" if more > 0 else ""),
        hint="use the id to choose one",
    )


def keys_to_try(query: str, code: str | None) -> tuple[str, ...]:
    """The name keys a query is looked up by, until one finds something: as typed; then as
    people type it (sjogrens, haemophilia, migraines; `text.fold_key`); then with "disease" or
    "syndrome" left out (marfan disease is marfan, as Marfan syndrome is). A code only as
    itself."""
    key = normalize_name(code or query)
    if code:
        return (key,)
    return tuple(dict.fromkeys((key, fold_key(key), *without_ending(key))))


def found_by(query: str, name: str, condition_id: str, names: Sequence[str]) -> str | None:
    """The name other than its own (an abbreviation, a synonym, another catalogue's label) by
    which the query found the condition: as typed, or, where the query left out or swapped its
    "disease" or "syndrome" ("pompe syndrome"), the name it stands for ("Pompe disease").
    None for its own name, id or a code."""
    key = normalize_name(query)
    own = name_keys(name)  # its own name, with and without its generic ending, and folded
    typed = {key, fold_key(key)}
    if key == normalize_name(condition_id) or (typed | set(without_ending(key))) & set(own):
        return None
    if code_in(query):
        return None
    whole = (normalize_name(other) for other in names)
    if any(typed & {other, fold_key(other)} for other in whole):
        return " ".join(query.split())
    stems = set(without_ending(key)) or typed
    return next(
        (other for other in names if stems & set(name_keys(other))), " ".join(query.split())
    )


def code_in(query: str) -> str | None:
    """The catalogue code `query` spells, if it spells one (only text with a digit can)."""
    if not any(character.isdigit() for character in query):
        return None
    from condlookup.sources.codes import canonical_code  # noqa: PLC0415 - codes only

    return canonical_code(query)
