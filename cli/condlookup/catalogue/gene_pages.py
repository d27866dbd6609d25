"""A gene's page: its names and ids, and the conditions it is tied to, read from the index."""

import sqlite3

from condlookup.catalogue.genes import ORPHANET, Tie, rank, ties_words
from condlookup.records import Record, model


@model
class GeneDisease(Record):
    """A condition a gene page lists."""

    id: str
    name: str
    codes: tuple[str, ...]
    ties: tuple[Tie, ...]
    summary: str  # the condition's first sentence: why one would open it

    @property
    def involvement(self) -> str:
        """'disease-causing (Orphanet)', 'disease-causing in Marfan syndrome type 2
        (Orphanet)', 'associated (HPO)' (see genes.ties_words)."""
        return ties_words(self.ties)


@model
class GenePage(Record):
    """A gene's page: its names and ids, and the conditions it is tied to."""

    symbol: str
    name: str
    hgnc: str
    ncbi: str
    diseases: tuple[GeneDisease, ...]
    hpo_release: str | None
    orphanet_version: str | None  # set when an Orphanet tie is shown
    source: str = "gene"

    @property
    def id(self) -> str:
        return self.hgnc or self.ncbi or self.symbol

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code in (self.hgnc, self.ncbi) if code)

    @property
    def aliases(self) -> tuple[str, ...]:
        return ()


def gene_page(db: sqlite3.Connection, rowid: int) -> GenePage:
    symbol, name, hgnc, ncbi = db.execute(
        "SELECT symbol, name, hgnc, ncbi FROM genes WHERE rowid = ?", (rowid,)
    ).fetchone()
    meta = dict(
        db.execute("SELECT key, value FROM meta WHERE key IN ('hpo_release', 'orphanet_version')")
    )
    found: dict[int, list[Tie]] = {}
    for condition, *tie in db.execute(
        "SELECT condition, involvement, source, part FROM gene_conditions WHERE gene = ? "
        "ORDER BY rowid",
        (rowid,),
    ):
        found.setdefault(condition, []).append(Tie(*tie))
    diseases = []
    for condition, ties in found.items():
        cond_id, cond_name, codes, summary = db.execute(
            "SELECT id, name, codes, summary FROM conditions WHERE rowid = ?", (condition,)
        ).fetchone()
        ordered = tuple(sorted(ties, key=lambda tie: rank(tie.involvement)))
        diseases.append(
            GeneDisease(cond_id, cond_name, tuple(codes.split("\x1f")), ordered, summary)
        )
    diseases.sort(key=lambda item: (rank(item.ties[0].involvement), item.name.casefold()))
    orphanet = any(tie.source == ORPHANET for item in diseases for tie in item.ties)
    return GenePage(
        symbol,
        name,
        hgnc,
        ncbi,
        tuple(diseases),
        meta.get("hpo_release"),
        meta.get("orphanet_version") if orphanet else None,
    )
