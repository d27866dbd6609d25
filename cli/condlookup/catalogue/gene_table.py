"""The build's genes: each gene once, by symbol (any case), and the conditions it is tied to, from
Orphanet's facts (already in the index's `facts`) and the HPO's genes_to_phenotype.txt. Read
back by `genes` and `gene_pages`."""

import sqlite3
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from condlookup.catalogue.genes import ASSOCIATED, HPO, ORPHANET, Tie, gene_key
from condlookup.sources.orphanet import Disorder

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
    disorders: Iterable[Disorder] = (),
) -> dict[str, str]:
    """The genes and their ties. `orphanet_names` is each symbol's (HGNC id, name) from
    Orphanet's digest; the ties of Orphanet's come from the index's facts, and, for a disorder
    of the digest (`disorders`) that is no condition of the index, through the OMIM entries
    Orphanet maps it to exactly; `hpo_links` is the HPO's (NCBI id, symbol, disease code)
    triples. A gene is one gene whatever the case of its symbol's letters (Orphanet writes
    C9ORF72, the HPO C9orf72, as HGNC does): it is shown as the HPO spells it."""
    codes = dict(connection.execute("SELECT code, condition FROM codes"))
    genes: dict[str, GeneRow] = {}  # by gene_key(symbol)
    ties: dict[tuple[str, int], list[Tie]] = {}  # (gene_key(symbol), condition): its ties

    def tie_orphanet(condition: int, symbol: str, association: str, hgnc: str, part: str) -> None:
        hgnc_id, name = orphanet_names.get(symbol, (hgnc, ""))
        key = gene_key(symbol)
        genes.setdefault(key, GeneRow(symbol, name, hgnc or hgnc_id, ""))
        tie = Tie(involvement(association), ORPHANET, part)
        found = ties.setdefault((key, condition), [])
        if tie not in found:
            found.append(tie)

    rows = connection.execute(
        "SELECT condition, value, detail, code, part FROM facts WHERE kind = 'gene' ORDER BY rowid"
    )
    for condition, symbol, association, hgnc, part in rows:
        tie_orphanet(condition, symbol, association, hgnc, part)
    links = list(hpo_links)
    by_hpo = {(gene_key(symbol), codes[code]) for _, symbol, code in links if code in codes}
    for disorder in disorders:
        if disorder.code in codes:
            continue  # its facts gave its genes
        # Orphanet's word is for its own disorder, which it maps exactly to an OMIM entry that
        # Mondo does not join to it. It says how a gene the HPO ties to that entry is involved,
        # and names the disorder, so the page says whose word it is and for what (ORPHA:26106
        # for the OMIM entry 137215). It adds no gene: a group mapped to one numbered entry
        # would give that entry the genes of the others.
        exact = {ref.code for ref in disorder.omim if ref.relation == "E"} & codes.keys()
        named = f"{disorder.label} ({disorder.code})"
        for condition in sorted({codes[code] for code in exact}):
            for linked in disorder.genes:
                pair = (gene_key(linked.symbol), condition)
                if linked.subtype or pair not in by_hpo or pair in ties:
                    continue  # a subtype's gene; a gene the HPO does not tie; Orphanet's word
                tie_orphanet(condition, linked.symbol, linked.association, linked.hgnc, named)
    for ncbi, symbol, disease in links:
        key = gene_key(symbol)
        known = genes.get(key)
        genes[key] = (
            GeneRow(symbol, "", "", ncbi)
            if known is None
            else known._replace(symbol=symbol, ncbi=known.ncbi or ncbi)
        )
        condition = codes.get(disease)
        if condition is None:
            continue
        found = ties.setdefault((key, condition), [])
        if not found:  # Orphanet's word, where it has one, says more than "associated"
            found.append(Tie(ASSOCIATED, HPO))
    # Only a gene tied to a condition of the index is one: it has a page, and ranks something.
    tied_genes = {key for key, _condition in ties}
    rowids: dict[str, int] = {}
    listed = sorted((gene, key) for key, gene in genes.items() if key in tied_genes)
    for rowid, (gene, key) in enumerate(listed, start=1):
        rowids[key] = rowid
        connection.execute(
            "INSERT INTO genes (rowid, symbol, name, hgnc, ncbi) VALUES (?, ?, ?, ?, ?)",
            (rowid, *gene),
        )
        keys = {key, *(gene_key(code) for code in (gene.hgnc, gene.ncbi) if code)}
        connection.executemany(
            "INSERT OR IGNORE INTO gene_keys (key, gene) VALUES (?, ?)",
            [(each, rowid) for each in keys],
        )
    connection.executemany(
        "INSERT INTO gene_conditions (gene, condition, involvement, source, part) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (rowids[key], condition, *tie)
            for (key, condition), found in ties.items()
            for tie in found
        ],
    )
    return {"genes": str(len(listed))}
