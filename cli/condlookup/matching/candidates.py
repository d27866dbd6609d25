"""Candidate genes for `match --gene/--genes`: the list an exome or panel pipeline gives, read
as people write it, and checked against the genes the index knows.

A list is one symbol a line (`#` starts a comment), in any case, with Windows line endings or a
byte-order mark; HGNC ids ("HGNC:3603") and NCBI Gene ids ("NCBIGene:2200") are taken too.
Further columns (a score, an inheritance) are passed over, unless every one of them is a gene
the data knows: then the list holds several genes a line, and each is used (`Beside`).
What is not a gene the data knows is said, one line for each kind of problem, and the rest is
used: an unknown or withdrawn symbol, an Ensembl id, a repeat. A file that is not text, or
larger than any gene list, is refused whole.
"""

import dataclasses
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from condlookup.errors import CondlookupError
from condlookup.text import quoted

if TYPE_CHECKING:
    from condlookup.matching.ranking import MatchResult

MAX_FILE = 8 * 1024 * 1024  # bytes: 60,000 genes of 20 characters and a comment each, and more
SHOWN = 8  # unknown symbols named in a line; the rest counted
_ENSEMBL = re.compile(r"ENS[A-Z]*G[0-9]{6,}(\.[0-9]+)?", re.IGNORECASE)
_SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9@._:/-]{0,39}")


class Candidates(NamedTuple):
    """The candidate genes the index knows, as its symbols, in the order given; and a line for
    each kind of problem with the rest."""

    symbols: tuple[str, ...]
    notes: tuple[str, ...]


def read_file(path: Path) -> list[str]:
    """The entries of a gene list file, comments and blank lines left out."""
    try:
        with path.open("rb") as handle:  # never more than that: /dev/zero, a pipe, has no size
            data = handle.read(MAX_FILE + 1)
    except OSError as err:
        raise CondlookupError(f"{path}: cannot read it: {err.strerror or err}") from None
    if len(data) > MAX_FILE:
        raise CondlookupError(
            f"{path}: larger than {MAX_FILE // 2**20} MB: not a list of genes",
            hint="give one gene symbol a line",
        )
    if b"\x00" in data:
        raise CondlookupError(f"{path}: not a text file: not a list of genes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CondlookupError(f"{path}: not UTF-8 text (byte {err.start})") from None
    found: list[str] = []
    for line in text.splitlines():
        fields = [field for field in re.split(r"[\s,;]+", line.split("#", 1)[0]) if field]
        if fields:
            found += [fields[0], *(Beside(field) for field in fields[1:])]
    return found


class Beside(str):
    """A further field of a line of a gene list, after the first. A pipeline may give more
    columns (a symbol, then a score or an inheritance): those are passed over. Only where every
    such field of the list is a gene the data knows ("TGFBR1,FBN1") is the list read as
    several genes a line, and each is used."""

    __slots__ = ()


def resolve(db: sqlite3.Connection, given: Iterable[str]) -> Candidates:
    """The genes the index knows among `given`, by symbol (any case) or id, each once."""
    from condlookup.catalogue.genes import symbol_of  # noqa: PLC0415

    symbols: dict[str, None] = {}
    unknown: list[str] = []
    ensembl: list[str] = []
    malformed: list[str] = []
    repeats = 0
    given = list(given)
    beside = [entry for entry in given if isinstance(entry, Beside)]
    several = bool(beside) and all(
        _SYMBOL.fullmatch(entry) and symbol_of(db, entry) for entry in beside
    )
    for entry in given:
        if isinstance(entry, Beside) and not several:
            continue  # a column beside the gene: a score, an inheritance
        if _ENSEMBL.fullmatch(entry):
            ensembl.append(entry)
            continue
        if not _SYMBOL.fullmatch(entry):
            malformed.append(entry)
            continue
        symbol = symbol_of(db, entry)
        if symbol is None:
            unknown.append(entry)
        elif symbol in symbols:
            repeats += 1
        else:
            symbols[symbol] = None
    notes = []
    if unknown:
        notes.append(
            f"{_some(unknown)}: no gene of that symbol or id in the data in use (a withdrawn "
            "or misspelt symbol, or a gene tied to no disease): left out"
        )
    if ensembl:
        notes.append(f"{_some(ensembl)}: Ensembl ids; give gene symbols (FBN1): left out")
    if malformed:
        notes.append(f"{_some(malformed)}: not gene symbols: left out")
    if repeats:
        notes.append(f"{repeats} repeated gene{'s' if repeats != 1 else ''}: counted once")
    if several:
        notes.append("several genes on one line: each used (one gene a line is the usual form)")
    return Candidates(tuple(symbols), tuple(notes))


def _some(items: Sequence[str]) -> str:
    shown = ", ".join(quoted(item) for item in items[:SHOWN])
    more = len(items) - SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


class Chosen(NamedTuple):
    """Candidate genes as a ranking takes them: the genes, and each condition tied to one of
    them, with the genes that tie it."""

    candidates: Candidates
    tied: dict[int, list[str]]


def choose(db: sqlite3.Connection, given: Iterable[str]) -> Chosen:
    """The candidates among `given`, and their conditions; an error when the data knows none."""
    from condlookup.catalogue.genes import conditions_of  # noqa: PLC0415

    given = list(given)
    found = resolve(db, given)
    if not found.symbols:
        raise CondlookupError(
            f"none of the {len(given)} candidate genes is a gene the data in use knows",
            hint="; ".join(found.notes) or None,
        )
    return Chosen(found, conditions_of(db, found.symbols))


def with_genes(result: "MatchResult", chosen: Chosen) -> "MatchResult":
    """A ranking that says which candidate genes it used and what was said of the others."""
    return dataclasses.replace(
        result, genes=chosen.candidates.symbols, gene_notes=chosen.candidates.notes
    )
