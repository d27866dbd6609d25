"""Facts from other sources than the HPO, by condition: Orphanet's classification heads,
inheritance, onset, prevalences and genes, written into the `facts` table by the build and read
back for a page. Each fact keeps the code of the entry it comes from (ORPHA:558), which names
its source: a page says whose word each fact is.
"""

import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from condlookup.sources.orphanet import Disorder, Orphanet

FactKind = Literal["head", "inheritance", "onset", "prevalence", "gene"]
INSERT_FACT = (
    "INSERT INTO facts (condition, kind, value, detail, code, origin, part) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


class Fact(NamedTuple):
    kind: FactKind
    value: str  # "Autosomal dominant", "1-5 / 10 000", "FBN1", a head's label
    detail: str  # a prevalence's kind and area, a gene's association; "" otherwise
    code: str  # a gene's HGNC id, a head's ORPHA code; "" otherwise
    origin: str  # the entry it comes from: ORPHA:558
    part: str = ""  # the subtype it is true of, where not the whole entry: "Marfan syndrome type 1"


def disorders_of(codes: Iterable[str], orphanet: "Orphanet") -> list["Disorder"]:
    """The Orphanet disorders among a condition's codes, in its codes' order."""
    return [found for code in codes if (found := orphanet.disorders.get(code)) is not None]


def orphanet_facts(disorder: "Disorder", orphanet: "Orphanet") -> Iterator[Fact]:
    """What Orphanet says of one disorder, as facts."""
    origin = disorder.code
    for head in disorder.heads:
        yield Fact("head", orphanet.heads.get(head, head), "", head, origin)
    for mode in disorder.inheritance:
        yield Fact("inheritance", mode, "", "", origin)
    for onset in disorder.onset:
        yield Fact("onset", onset, "", "", origin)
    for item in disorder.prevalences:
        detail = ", ".join(part for part in (item.kind, item.area) if part)
        yield Fact("prevalence", item.class_, detail, item.qualification, origin)
    for gene in disorder.genes:
        # A subtype's gene says which subtype has it: Marfan syndrome's FBN1 is type 1's.
        part = orphanet.disorders[gene.subtype].label if gene.subtype in orphanet.disorders else ""
        yield Fact("gene", gene.symbol, gene.association, gene.hgnc, origin, part)


def write(connection: sqlite3.Connection, rowid: int, facts: Iterable[Fact]) -> None:
    connection.executemany(
        INSERT_FACT,
        ((rowid, f.kind, f.value, f.detail, f.code, f.origin, f.part) for f in facts),
    )


def read(db: sqlite3.Connection, rowid: int) -> tuple[Fact, ...]:
    """A condition's facts, in the order they were written."""
    rows = db.execute(
        "SELECT kind, value, detail, code, origin, part FROM facts WHERE condition = ? "
        "ORDER BY rowid",
        (rowid,),
    )
    return tuple(Fact(*row) for row in rows)
