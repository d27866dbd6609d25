"""Genes and the conditions they are tied to, in the index: written by the build (see
`gene_table`) from Orphanet's facts (how a gene is involved: disease-causing, a susceptibility
factor, a modifier, ...) and the HPO's genes_to_phenotype.txt (which says only that a gene is
associated); looked up here for a condition's page, `search` and `match --gene`, and read
whole for a gene's page (`gene_pages`).

A gene is one row by its symbol, with its HGNC id and name (Orphanet's) and its NCBI Gene id
(the HPO's), whichever the sources give. It is found by its symbol in any case, by "HGNC:3603"
and by "NCBIGene:2200".
"""

import re
import sqlite3
from collections.abc import Sequence
from typing import Self

from condlookup.errors import NotFoundError
from condlookup.text import quoted

ORPHANET = "Orphanet"
HPO = "HPO"
ASSOCIATED = "associated"
# The order a page lists a gene's ties in: the causes first.
ORDER = (
    "disease-causing",
    "disease-causing (somatic)",
    "susceptibility factor",
    "modifier",
    "plays a part",
    "part of a fusion gene",
    "candidate",
    "biomarker",
    ASSOCIATED,
)
_GENE_ID = r"\s*(hgnc|ncbigene|ncbi gene|entrez)\s*[:_ ]?\s*([0-9]{1,9})\s*"


def gene_key(query: str) -> str:
    """The key a gene is looked up by: 'HGNC:3603', 'NCBIGene:2200', or its symbol upper-cased
    (symbols are written upper case for human genes; C1orf112's lower letters are kept apart
    by the table, which stores the key of each)."""
    # Only an id has a digit: a symbol alone costs no pattern (this runs on every `show`).
    found = re.fullmatch(_GENE_ID, query, re.I) if any(c.isdigit() for c in query) else None
    if found:
        prefix = "HGNC" if found.group(1).lower() == "hgnc" else "NCBIGene"
        return f"{prefix}:{int(found.group(2))}"
    return " ".join(query.split()).upper()


def named_gene(query: str) -> str | None:
    """The gene a query asks for by name ("gene:DMD", "gene: fbn1"), else None."""
    asked, colon, symbol = " ".join(query.split()).partition(":")
    return symbol.strip() or None if colon and asked.casefold() == "gene" else None


def no_gene(symbol: str) -> NotFoundError:
    return NotFoundError(
        f"no gene {quoted(symbol)} in the data in use",
        hint="give a gene's HGNC symbol (FBN1), or HGNC:3603 or NCBIGene:2200",
    )


class Tie(tuple[str, str, str]):
    """How a gene is tied to one condition, by whose word, for which subtype ('' the whole).

    A tuple with names, written out: every `show` of a condition imports it, and a NamedTuple
    class costs a tenth of a millisecond to create."""

    __slots__ = ()

    def __new__(cls, involvement: str, source: str, part: str = "") -> Self:
        return super().__new__(cls, (involvement, source, part))

    @property
    def involvement(self) -> str:
        return self[0]

    @property
    def source(self) -> str:
        return self[1]

    @property
    def part(self) -> str:
        return self[2]


def ties_words(ties: Sequence[Tie]) -> str:
    """How a gene is tied to one condition, in a few words with whose they are:
    'disease-causing (Orphanet)', 'disease-causing in Marfan syndrome type 2 (Orphanet)',
    'plays a part in 4 of its types (Orphanet)', 'associated (HPO)'. A tie true of the whole
    condition stands for its subtypes' of the same kind; several subtypes are counted."""
    whole = {tie.involvement for tie in ties if not tie.part}
    parts: dict[str, list[str]] = {}
    for tie in ties:
        if not (tie.part and tie.involvement in whole):
            parts.setdefault(tie.involvement, []).append(tie.part)
    said = []
    for kind, where in parts.items():
        named = [part for part in dict.fromkeys(where) if part]
        if not named:
            said.append(kind)
        elif len(named) == 1:
            said.append(f"{kind} in {named[0]}")
        else:
            said.append(f"{kind} in {len(named)} of its types")
    sources = " and ".join(dict.fromkeys(tie.source for tie in ties))
    return f"{'; '.join(said)} ({sources})"


def by_gene(ties: Sequence[tuple[str, Tie]]) -> list[tuple[str, list[Tie]]]:
    """A condition's ties, gathered by gene, in their order (causes first)."""
    found: dict[str, list[Tie]] = {}
    for symbol, tie in ties:
        found.setdefault(symbol, []).append(tie)
    return list(found.items())


# -- reading ----------------------------------------------------------------------------------


def gene_rowid(db: sqlite3.Connection, query: str) -> int | None:
    row = db.execute("SELECT gene FROM gene_keys WHERE key = ?", (gene_key(query),)).fetchone()
    return int(row[0]) if row else None


def symbol_of(db: sqlite3.Connection, query: str) -> str | None:
    """The symbol of the gene a query names, if it names one."""
    row = db.execute(
        "SELECT g.symbol FROM gene_keys k JOIN genes g ON g.rowid = k.gene WHERE k.key = ?",
        (gene_key(query),),
    ).fetchone()
    return str(row[0]) if row else None


def rank(words: str) -> int:
    """The place of an involvement in ORDER: the causes first."""
    return ORDER.index(words) if words in ORDER else len(ORDER)


def of_condition(db: sqlite3.Connection, rowid: int) -> tuple[tuple[str, Tie], ...]:
    """A condition's genes, each with how it is tied to it, causes first."""
    rows = db.execute(
        "SELECT g.symbol, c.involvement, c.source, c.part FROM gene_conditions c "
        "JOIN genes g ON g.rowid = c.gene WHERE c.condition = ? ORDER BY c.rowid",
        (rowid,),
    ).fetchall()
    found = [(symbol, Tie(*tie)) for symbol, *tie in rows]
    # A page that takes over several entries may have a gene by Orphanet's word and by the
    # HPO's: Orphanet's says how, the HPO's only that it is associated.
    by_orphanet = {symbol for symbol, tie in found if tie.source == ORPHANET}
    found = [
        (symbol, tie)
        for symbol, tie in dict.fromkeys(found)
        if tie.source == ORPHANET or symbol not in by_orphanet
    ]
    return tuple(sorted(found, key=lambda item: (rank(item[1].involvement), item[0])))


def conditions_of(db: sqlite3.Connection, symbols: Sequence[str]) -> dict[int, list[str]]:
    """For candidate genes: each condition tied to any of them, with the symbols that tie it."""
    found: dict[int, list[str]] = {}
    for symbol in symbols:
        rows = db.execute(
            "SELECT c.condition FROM gene_conditions c JOIN genes g ON g.rowid = c.gene "
            "WHERE g.symbol = ?",
            (symbol,),
        )
        for (condition,) in rows:
            if symbol not in found.setdefault(condition, []):
                found[condition].append(symbol)
    return found
