"""Definitions written by others, in the index: written by the build from the digests `update`
installed (see `condlookup.sources.definitions`), read back for a page.

- A definition joins the catalogue condition its code names: an Orphanet packet's ORPHA code,
  a DO disease's DOID (Mondo gives each disease's DOID). A page shows Orphanet's first (of its
  first ORPHA code that has one), and the Disease Ontology's where Orphanet has none.
- A disease of the Disease Ontology that no catalogue condition is (by its DOID, or a code DO
  gives for it) gets a short page of its own (`CommonPage`): its definition, names, codes,
  what it is a kind of, and who to see where its DO class says.
"""

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from condlookup.records import Record, model

if TYPE_CHECKING:
    from condlookup.sources.definitions import Definitions

ORPHANET = "orphanet"
DO = "do"
# Who each source is, as a page credits it.
CREDITS = {
    ORPHANET: ("Orphanet", "CC BY 4.0", "https://www.orpha.net"),
    DO: ("the Human Disease Ontology", "CC0 1.0", "https://disease-ontology.org"),
}


@model
class Definition(Record):
    """Another source's definition of a disease, with its credit."""

    text: str
    origin: str  # "orphanet", "do"
    code: str  # the entry it defines: ORPHA:558, DOID:6364
    version: str  # the source's version in use

    @property
    def source(self) -> str:
        return CREDITS[self.origin][0][:1].upper() + CREDITS[self.origin][0][1:]

    @property
    def licence(self) -> str:
        return CREDITS[self.origin][1]

    @property
    def url(self) -> str:
        return CREDITS[self.origin][2]

    @property
    def credit(self) -> str:
        """'Orphanet's definition (ORPHA:558), version 2025-12-09, CC BY 4.0:
        https://www.orpha.net'."""
        whose = "Orphanet's" if self.origin == ORPHANET else "The Human Disease Ontology's"
        return (
            f"{whose} definition ({self.code}), version {self.version}, {self.licence}: {self.url}"
        )


# -- the build --------------------------------------------------------------------------------


def read(files: Sequence[Path]) -> "list[Definitions]":
    """The digests `files` that are whole; one that is not is not used (`update` fetches it
    again)."""
    from condlookup.errors import DataError  # noqa: PLC0415
    from condlookup.sources.definitions import read_digest  # noqa: PLC0415

    found = []
    for path in files:
        try:
            found.append(read_digest(path))
        except DataError:
            continue
    return found


def write(connection: sqlite3.Connection, digests: "Sequence[Definitions]") -> dict[str, str]:
    """The definitions of the digests, joined to the catalogue's conditions by their codes;
    facts for `meta`."""
    meta: dict[str, str] = {}
    codes = dict(connection.execute("SELECT code, condition FROM codes"))
    for found in digests:
        meta[f"{found.origin}_definitions"] = found.version
        rows = [
            (codes[entry.code], found.origin, entry.code, entry.definition)
            for entry in found.entries
            if entry.definition and entry.code in codes
        ]
        connection.executemany(
            "INSERT INTO definitions (condition, origin, code, text) VALUES (?, ?, ?, ?)", rows
        )
    return meta


# -- a page -----------------------------------------------------------------------------------


def definition(
    db: sqlite3.Connection, rowid: int, codes: Iterable[str], meta: Mapping[str, str]
) -> Definition | None:
    """The definition a condition's page shows: Orphanet's first, of its codes in order."""
    rows = db.execute(
        "SELECT origin, code, text FROM definitions WHERE condition = ?", (rowid,)
    ).fetchall()
    if not rows:
        return None
    order = {code: at for at, code in enumerate(codes)}
    origin, code, text = min(
        rows, key=lambda row: (row[0] != ORPHANET, order.get(row[1], len(order)))
    )
    return Definition(text, origin, code, meta.get(f"{origin}_definitions", "unknown"))
