"""Genes and the conditions they are tied to, in the index: written by the build from
Orphanet's facts (how a gene is involved: disease-causing, a susceptibility factor, a modifier,
...) and the HPO's genes_to_phenotype.txt (which says only that a gene is associated); read
back for a gene's page, a condition's page, `search` and `match --gene`.

A gene is one row by its symbol, with its HGNC id and name (Orphanet's) and its NCBI Gene id
(the HPO's), whichever the sources give. It is found by its symbol in any case, by "HGNC:3603"
and by "NCBIGene:2200".
"""

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from condlookup.errors import NotFoundError
from condlookup.records import Record, model
from condlookup.text import quoted

ORPHANET = "Orphanet"
HPO = "HPO"
ASSOCIATED = "associated"
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
_GENE_ID = re.compile(r"\s*(hgnc|ncbigene|ncbi gene|entrez)\s*[:_ ]?\s*([0-9]{1,9})\s*", re.I)


def involvement(association: str) -> str:
    """'Disease-causing germline mutation(s) (loss of function) in' -> 'disease-causing'."""
    return next(
        (words for start, words in _INVOLVEMENT if association.startswith(start)),
        association.removesuffix(" in").lower(),
    )


def gene_key(query: str) -> str:
    """The key a gene is looked up by: 'HGNC:3603', 'NCBIGene:2200', or its symbol upper-cased
    (symbols are written upper case for human genes; C1orf112's lower letters are kept apart
    by the table, which stores the key of each)."""
    found = _GENE_ID.fullmatch(query)
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


class Tie(NamedTuple):
    """How a gene is tied to one condition, by whose word, for which subtype ('' the whole)."""

    involvement: str
    source: str
    part: str = ""


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


# -- reading ----------------------------------------------------------------------------------


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
        (Orphanet)', 'associated (HPO)'."""
        said = []
        whole = {tie.involvement for tie in self.ties if not tie.part}
        for tie in self.ties:
            if tie.part and tie.involvement in whole:
                continue  # true of the whole disease: of each subtype too
            where = f" in {tie.part}" if tie.part else ""
            said.append(f"{tie.involvement}{where}")
        return f"{'; '.join(dict.fromkeys(said))} ({self.ties[0].source})"


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
