"""A condition's place among the others (its family in Mondo's tree), read from the index.
Apart from `diseases`, so that a curated page's `show` need not load the catalogue's page model.
"""

import sqlite3
from typing import Self

# Tuples with names, written out rather than NamedTuples: every `show` loads this module, and a
# NamedTuple class costs a tenth of a millisecond or more to create.


class Named(tuple[str, str]):
    """Another condition, as a page names it: (id, name)."""

    __slots__ = ()

    def __new__(cls, id: str, name: str) -> Self:  # noqa: A002 - the field's name
        return super().__new__(cls, (id, name))

    @property
    def id(self) -> str:
        return self[0]

    @property
    def name(self) -> str:
        return self[1]


class Links(tuple[tuple[Named, ...], tuple[Named, ...]]):
    """A condition's place among the others: what it is a kind of (broader), and which kinds it
    has (narrower)."""

    __slots__ = ()

    def __new__(cls, broader: tuple[Named, ...] = (), narrower: tuple[Named, ...] = ()) -> Self:
        return super().__new__(cls, (broader, narrower))

    @property
    def broader(self) -> tuple[Named, ...]:
        return self[0]

    @property
    def narrower(self) -> tuple[Named, ...]:
        return self[1]

    @property
    def family(self) -> bool:
        """Whether it has a family to show: something broader or narrower."""
        return bool(self.broader or self.narrower)


def links(db: sqlite3.Connection, rowid: int) -> Links:
    """What the condition in row `rowid` is a kind of, and which kinds it has, by name."""

    def named(sql: str) -> tuple[Named, ...]:
        rows = db.execute(sql, (rowid,)).fetchall()
        return tuple(sorted((Named(*row) for row in rows), key=lambda n: n.name.casefold()))

    return Links(
        broader=named(
            "SELECT c.id, c.name FROM relations r JOIN conditions c ON c.rowid = r.broader "
            "WHERE r.narrower = ?"
        ),
        narrower=named(
            "SELECT c.id, c.name FROM relations r JOIN conditions c ON c.rowid = r.narrower "
            "WHERE r.broader = ?"
        ),
    )
