"""The build's genes: each gene once, by symbol, and the conditions it is tied to, from
Orphanet's facts (already in the index's `facts`) and the HPO's genes_to_phenotype.txt. Read
back by `genes` and `gene_pages`."""

import sqlite3
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from condlookup.catalogue.genes import ASSOCIATED, HPO, ORPHANET, Tie, gene_key

# Orphanet's association types, in a few words each; the first words decide.
_INVOLVEMENT = (
    ("Disease-causing somatic", "disease-causing (somatic)"),
    ("Disease-causing", "disease-causing"),
    ("Major susceptibility factor", "susceptibility factor"),
    ("Modifying", "modifier"),
    ("Candidate gene", "candidate"),
    ("Role in the phenotype", "plays a part"),
    ("Part of a fusion gene", "part of a fusion gene"),
    ("Biomarker", "biomarker"),
)


def involvement(association: str) -> str:
    """'Disease-causing germline mutation(s) (loss of function) in' -> 'disease-causing'."""
    return next(
        (words for start, words in _INVOLVEMENT if association.startswith(start)),
        association.removesuffix(" in").lower(),
    )


# -- the build --------------------------------------------------------------------------------


class GeneRow(NamedTuple):
    symbol: str
    name: str
    hgnc: str
    ncbi: str


def write(
    connection: sqlite3.Connection,
    orphanet_names: Mapping[str, tuple[str, str]],
    hpo_links: Iterable[tuple[str, str, str]],
) -> dict[str, str]:
    """The genes and their ties. `orphanet_names` is each symbol's (HGNC id, name) from
    Orphanet's digest; the ties of Orphanet's come from the index's facts; `hpo_links` is the
    HPO's (NCBI id, symbol, disease code) triples."""
    codes = dict(connection.execute("SELECT code, condition FROM codes"))
    genes: dict[str, GeneRow] = {}
    ties: dict[tuple[str, int], list[Tie]] = {}
    rows = connection.execute(
        "SELECT condition, value, detail, code, part FROM facts WHERE kind = 'gene' ORDER BY rowid"
    )
    for condition, symbol, association, hgnc, part in rows:
        hgnc_id, name = orphanet_names.get(symbol, (hgnc, ""))
        genes.setdefault(symbol, GeneRow(symbol, name, hgnc or hgnc_id, ""))
        tie = Tie(involvement(association), ORPHANET, part)
        found = ties.setdefault((symbol, condition), [])
        if tie not in found:
            found.append(tie)
    for ncbi, symbol, disease in hpo_links:
        condition = codes.get(disease)
        known = genes.get(symbol)
        if known is None:
            genes[symbol] = GeneRow(symbol, "", "", ncbi)
        elif not known.ncbi:
            genes[symbol] = known._replace(ncbi=ncbi)
        if condition is None:
            continue
        found = ties.setdefault((symbol, condition), [])
        if not found:  # Orphanet's word, where it has one, says more than "associated"
            found.append(Tie(ASSOCIATED, HPO))
    # Only a gene tied to a condition of the index is one: it has a page, and ranks something.
    tied_genes = {symbol for symbol, _condition in ties}
    rowids: dict[str, int] = {}
    listed = sorted(gene for gene in genes.values() if gene.symbol in tied_genes)
    for rowid, gene in enumerate(listed, start=1):
        rowids[gene.symbol] = rowid
        connection.execute(
            "INSERT INTO genes (rowid, symbol, name, hgnc, ncbi) VALUES (?, ?, ?, ?, ?)",
            (rowid, *gene),
        )
        keys = {gene_key(gene.symbol), *(gene_key(code) for code in (gene.hgnc, gene.ncbi) if code)}
        connection.executemany(
            "INSERT OR IGNORE INTO gene_keys (key, gene) VALUES (?, ?)",
            [(key, rowid) for key in keys],
        )
    connection.executemany(
        "INSERT INTO gene_conditions (gene, condition, involvement, source, part) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (rowids[symbol], condition, *tie)
            for (symbol, condition), found in ties.items()
            for tie in found
        ],
    )
    return {"genes": str(len(listed))}
