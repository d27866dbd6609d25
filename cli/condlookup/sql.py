"""The small rules of querying the index, written once: a long `IN` list in chunks, words as an
FTS5 expression that nothing typed can turn into syntax, and which conditions a `--source`
scope takes. A base module: it imports nothing of the package."""

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from condlookup.records import Kind, Scope

# SQLite refuses more than SQLITE_MAX_VARIABLE_NUMBER parameters in one statement (999 in
# builds before 3.32): longer lists go in chunks below it.
CHUNK = 900


def rows_in(
    db: sqlite3.Connection, sql: str, values: Sequence[Any], *before: Any
) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql`, whose `{marks}` stands for the placeholders of `values`, chunk by
    chunk; `before` are the parameters that come ahead of the list."""
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), (*before, *chunk))


# A word shorter than this is matched whole even where words are read as prefixes: "als",
# stemmed to "al", would find every "all", "alveolar" and "alopecia".
SHORTEST_PREFIX = 4


def fts_words(words: Sequence[str], *, operator: str = "AND", prefix: bool = False) -> str:
    """Words as an FTS5 expression: each one quoted (quotes inside doubled), so that `NEAR`,
    `*`, `-`, parentheses or SQL typed by a user stay words; with `prefix`, each word of
    SHORTEST_PREFIX letters or more is the start of a word."""
    return f" {operator} ".join(
        '"'
        + word.replace('"', '""')
        + '"'
        + ("*" if prefix and len(word) >= SHORTEST_PREFIX else "")
        for word in words
    )


def fts_forms(forms: Sequence[Sequence[str]], *, prefix: bool = False) -> str:
    """Each word in any of its forms ("feet" or "foot"), every word: an FTS5 expression whose
    words are quoted as in `fts_words`."""
    return " AND ".join(f"({fts_words(group, operator='OR', prefix=prefix)})" for group in forms)


def fts_phrase(words: Sequence[str]) -> str:
    """The words as one FTS5 phrase: in this order, next to each other."""
    return '"' + " ".join(words).replace('"', '""') + '"'


def in_scope(kind: "Kind", scope: "Scope") -> bool:
    """Whether a condition from `kind` is one that `--source SCOPE` takes: "curated" takes
    the bundled pages and the user's own, "hpo" the catalogue's diseases."""
    return scope == "all" or (kind == "hpo") == (scope == "hpo")


def scope_condition(scope: "Scope") -> str:
    """`in_scope` as an SQL condition on the conditions table's `source` column."""
    return {"all": "1", "hpo": "source = 'hpo'", "curated": "source != 'hpo'"}[scope]
