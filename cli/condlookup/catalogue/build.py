"""The HPO catalogue into the index: terms, their closure, diseases and their annotations.

Run only by a build. Terms and diseases are stored with integer keys (HP:0001251 is 1251) so that
the tables `match` and `search` read stay small.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from condlookup.catalogue import specialists
from condlookup.catalogue.codes import term_number
from condlookup.catalogue.hpo import Annotation, Term, read_annotations, read_terms
from condlookup.errors import DataError
from condlookup.pages.models import Condition
from condlookup.text import join_list, name_keys

Progress = Callable[[str, float], None]

ROOT_PHENOTYPE = 118  # HP:0000118 Phenotypic abnormality
PEDIATRIC_ONSETS = (410280, 3577, 3623, 30674)  # pediatric, congenital, neonatal, antenatal
# When an annotation gives no frequency, count it as this fraction of patients.
DEFAULT_FREQUENCY = 0.5
CURATED_FREQUENCIES = {
    "obligate": 1.0,
    "very frequent": 0.895,
    "frequent": 0.545,
    "occasional": 0.17,
    "very rare": 0.025,
}

SCHEMA = """
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT,
    layperson TEXT NOT NULL,
    category INTEGER,
    diseases INTEGER NOT NULL DEFAULT 0,
    obsolete INTEGER NOT NULL,
    replaced_by INTEGER
);
CREATE TABLE term_alias (alias INTEGER PRIMARY KEY, id INTEGER NOT NULL);
CREATE TABLE closure (
    ancestor INTEGER NOT NULL, descendant INTEGER NOT NULL, distance INTEGER NOT NULL,
    PRIMARY KEY (ancestor, descendant)
) WITHOUT ROWID;
CREATE INDEX closure_up ON closure (descendant, ancestor);
CREATE VIRTUAL TABLE term_search USING fts5(
    name, term UNINDEXED, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TABLE annotations (
    condition INTEGER NOT NULL,
    term INTEGER NOT NULL,
    aspect TEXT NOT NULL,
    frequency REAL,
    frequency_text TEXT,
    onset INTEGER,
    origin TEXT NOT NULL
);
CREATE INDEX annotations_condition ON annotations (condition);
CREATE TABLE propagated (
    term INTEGER NOT NULL, condition INTEGER NOT NULL, frequency REAL NOT NULL,
    exact INTEGER NOT NULL, fraction REAL NOT NULL, PRIMARY KEY (term, condition)
) WITHOUT ROWID;
"""


@dataclass
class _Disease:
    """A catalogue disease while it is being built."""

    id: str
    name: str
    phenotypes: dict[int, tuple[float | None, str | None, int | None, str]] = field(
        default_factory=dict
    )
    inheritance: set[int] = field(default_factory=set)
    onsets: set[int] = field(default_factory=set)


def fill(
    connection: sqlite3.Connection,
    obo: Path,
    hpoa: Path,
    curated: Sequence[tuple[int, Condition]],
    progress: Progress,
) -> dict[str, str]:
    """Add the catalogue; returns facts for the meta table (releases, counts)."""
    progress("Reading HPO terms", 0.0)
    terms = {term_number(term.id): term for term in read_terms(obo)}
    if ROOT_PHENOTYPE not in terms:
        raise DataError(f"{obo}: no HP:0000118 term: not a complete hp.obo")
    alias = _aliases(terms)
    progress("Linking terms", 0.15)
    ancestors = _closure(terms)
    categories = {child for child, term in terms.items() if _parent_ids(term) == [ROOT_PHENOTYPE]}
    category_of = {
        number: _category(distances, categories) for number, distances in ancestors.items()
    }
    progress("Reading disease annotations", 0.3)
    diseases = _diseases(read_annotations(hpoa), alias)
    progress("Merging curated pages", 0.5)
    rows, merged_origin = _conditions(diseases, curated, first_rowid=len(curated) + 1)
    progress("Writing terms", 0.55)
    connection.executescript(SCHEMA)
    _write_terms(connection, terms, alias, ancestors, category_of)
    progress("Writing diseases", 0.7)
    # Each condition's descriptions: one per catalogue entry, and a curated page's own list.
    direct: dict[int, list[dict[int, float]]] = {}
    for rowid, disease in rows:
        found = derive_specialists(disease, category_of, ancestors)
        _write_disease(connection, rowid, disease, found)
        direct[rowid] = [_phenotype_weights(disease)]
    for rowid, condition in curated:
        descriptions = []
        for disease in merged_origin.get(rowid, []):
            _write_annotations(connection, rowid, disease)
            descriptions.append(_phenotype_weights(disease))
        own: dict[int, float] = {}
        for symptom in condition.symptoms:
            if symptom.hpo is None:
                continue
            number = alias.get(term_number(symptom.hpo))
            if number is None:
                continue
            frequency = CURATED_FREQUENCIES.get(symptom.frequency or "")
            connection.execute(
                "INSERT INTO annotations VALUES (?, ?, 'P', ?, ?, NULL, 'page')",
                (rowid, number, frequency, symptom.frequency),
            )
            own[number] = max(own.get(number, 0.0), frequency or DEFAULT_FREQUENCY)
        if own:
            descriptions.append(own)
        direct[rowid] = descriptions
    progress("Propagating annotations", 0.85)
    _write_propagated(connection, direct, ancestors)
    connection.execute(
        "UPDATE terms SET diseases = (SELECT count(*) FROM propagated WHERE term = terms.id)"
    )
    progress("Finishing", 0.95)
    (annotated,) = connection.execute("SELECT count(DISTINCT condition) FROM propagated").fetchone()
    return {
        "catalogue_diseases": str(len(diseases)),
        "hpo_terms": str(len(terms)),
        "annotated_conditions": str(annotated),
    }


def _parent_ids(term: Term) -> list[int]:
    return [term_number(parent) for parent in term.parents]


def _aliases(terms: dict[int, Term]) -> dict[int, int]:
    """Every id a term is known by (its own, alt_ids, obsolete ids replaced) to its current id."""
    alias = {number: number for number, term in terms.items() if not term.obsolete}
    for number, term in terms.items():
        for alt in term.alt_ids:
            alias.setdefault(term_number(alt), number)
    for number, term in terms.items():
        if term.obsolete and term.replaced_by:
            target = alias.get(term_number(term.replaced_by))
            if target is not None:
                alias.setdefault(number, target)
    return alias


def _closure(terms: dict[int, Term]) -> dict[int, dict[int, int]]:
    """For each term, its ancestors (itself included) and the shortest distance to each."""
    found: dict[int, dict[int, int]] = {}

    def visit(number: int, trail: frozenset[int]) -> dict[int, int]:
        if number in found:
            return found[number]
        distances = {number: 0}
        for parent in _parent_ids(terms[number]):
            if parent in trail or parent not in terms:
                continue  # a cycle or a dangling parent in a broken file: ignore the edge
            for ancestor, distance in visit(parent, trail | {number}).items():
                if distance + 1 < distances.get(ancestor, 1 << 30):
                    distances[ancestor] = distance + 1
        found[number] = distances
        return distances

    for number, term in terms.items():
        if not term.obsolete:
            visit(number, frozenset())
    return found


def _category(distances: dict[int, int], categories: set[int]) -> int | None:
    candidates = [
        (distance, number) for number, distance in distances.items() if number in categories
    ]
    return min(candidates)[1] if candidates else None


def _diseases(annotations: Iterable[Annotation], alias: dict[int, int]) -> dict[str, _Disease]:
    diseases: dict[str, _Disease] = {}
    for item in annotations:
        disease = diseases.get(item.disease)
        if disease is None:
            disease = diseases[item.disease] = _Disease(item.disease, item.disease_name)
        number = alias.get(term_number(item.term))
        if number is None:
            continue  # a term this hp.obo does not know (the two files are of different releases)
        if item.aspect == "I":
            disease.inheritance.add(number)
        elif item.aspect == "C":
            disease.onsets.add(number)
        elif item.aspect == "P":
            onset = alias.get(term_number(item.onset)) if item.onset else None
            previous = disease.phenotypes.get(number)
            if previous is None or (item.frequency or 0) > (previous[0] or 0):
                disease.phenotypes[number] = (
                    item.frequency,
                    item.frequency_text,
                    onset,
                    item.disease,
                )
    return diseases


def _conditions(
    diseases: dict[str, _Disease], curated: Sequence[tuple[int, Condition]], first_rowid: int
) -> tuple[list[tuple[int, _Disease]], dict[int, list[_Disease]]]:
    """Rowids for the diseases that no curated page stands for, and the merged ones by page."""
    owner: dict[str, int] = {}
    for rowid, condition in curated:
        for code in condition.codes.curies():
            owner[code] = rowid
    rows = []
    merged: dict[int, list[_Disease]] = {}
    rowid = first_rowid
    for key in sorted(diseases, key=_disease_order):
        disease = diseases[key]
        if key in owner:
            merged.setdefault(owner[key], []).append(disease)
        else:
            rows.append((rowid, disease))
            rowid += 1
    return rows, merged


def _disease_order(disease_id: str) -> tuple[str, int]:
    prefix, _, number = disease_id.partition(":")
    return prefix, int(number)


def _write_terms(
    connection: sqlite3.Connection,
    terms: dict[int, Term],
    alias: dict[int, int],
    ancestors: dict[int, dict[int, int]],
    category_of: dict[int, int | None],
) -> None:
    connection.executemany(
        "INSERT INTO terms (id, name, definition, layperson, category, obsolete, replaced_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                number,
                term.name,
                term.definition,
                join_list(term.layperson),
                category_of.get(number),
                int(term.obsolete),
                alias.get(number) if term.obsolete else None,
            )
            for number, term in terms.items()
        ),
    )
    connection.executemany(
        "INSERT INTO term_alias VALUES (?, ?)",
        ((old, new) for old, new in alias.items() if old != new),
    )
    connection.executemany(
        "INSERT INTO closure VALUES (?, ?, ?)",
        (
            (ancestor, number, distance)
            for number, distances in ancestors.items()
            for ancestor, distance in distances.items()
        ),
    )
    # One row per name, so that all the words of a search must be in one name of a term.
    connection.executemany(
        "INSERT INTO term_search (name, term) VALUES (?, ?)",
        (
            (name, number)
            for number, term in terms.items()
            if not term.obsolete
            for name in dict.fromkeys([term.name, *(s.text for s in term.synonyms)])
        ),
    )


def derive_specialists(
    disease: _Disease, category_of: dict[int, int | None], ancestors: dict[int, dict[int, int]]
) -> tuple[str, ...]:
    weights = [
        (category, frequency if frequency is not None else DEFAULT_FREQUENCY)
        for number, (frequency, _text, _onset, _origin) in disease.phenotypes.items()
        if (category := category_of.get(number)) is not None
    ]
    pediatric = any(
        onset in PEDIATRIC_ONSETS or any(a in PEDIATRIC_ONSETS for a in ancestors.get(onset, {}))
        for onset in disease.onsets
    )
    genetic = bool(disease.inheritance) or disease.id.startswith("OMIM:")
    return specialists.derive(weights, pediatric=pediatric, genetic=genetic)


def _write_disease(
    connection: sqlite3.Connection, rowid: int, disease: _Disease, found: tuple[str, ...]
) -> None:
    count = len(disease.phenotypes)
    summary = f"A disease in the HPO catalogue ({disease.id}), with {count} phenotype terms."
    connection.execute(
        "INSERT INTO conditions VALUES (?, ?, ?, 'hpo', ?, '', ?)",
        (rowid, disease.id, disease.name, summary, join_list(found)),
    )
    keys = {key: 1 for key in name_keys(disease.id)}
    for position, key in enumerate(name_keys(disease.name)):
        keys.setdefault(key, int(position == 0))
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?)", [(key, rowid, exact) for key, exact in keys.items()]
    )
    connection.execute(
        "INSERT INTO search (rowid, names, symptoms, body) VALUES (?, ?, '', '')",
        (rowid, disease.name),
    )
    _write_annotations(connection, rowid, disease)


def _write_annotations(connection: sqlite3.Connection, rowid: int, disease: _Disease) -> None:
    rows: list[tuple[int, int, str, float | None, str | None, int | None, str]] = [
        (rowid, number, "P", frequency, text, onset, origin)
        for number, (frequency, text, onset, origin) in disease.phenotypes.items()
    ]
    rows += [(rowid, number, "I", None, None, None, disease.id) for number in disease.inheritance]
    rows += [(rowid, number, "C", None, None, None, disease.id) for number in disease.onsets]
    connection.executemany("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def _phenotype_weights(disease: _Disease) -> dict[int, float]:
    return {
        number: _estimate(frequency, text)
        for number, (frequency, text, _onset, _origin) in disease.phenotypes.items()
    }


def _estimate(frequency: float | None, text: str | None) -> float:
    """The frequency to rank by: a count of n in m patients as (n + 1) / (m + 2).

    One patient in one report ("1/1") is weak evidence that every patient has the finding;
    the rule of succession pulls small counts toward the middle. Bands and percentages stand.
    """
    if frequency is None:
        return DEFAULT_FREQUENCY
    if text and "/" in text:
        numerator, _, denominator = text.partition("/")
        try:
            return (int(numerator) + 1) / (int(denominator) + 2)
        except ValueError:
            return frequency
    return frequency


def _write_propagated(
    connection: sqlite3.Connection,
    direct: dict[int, list[dict[int, float]]],
    ancestors: dict[int, dict[int, int]],
) -> None:
    """Each condition's terms with all their ancestors: the table search and match read.

    `frequency` is the best figure of any annotation at or below the term, `exact` says one
    is the term itself, and `fraction` is the share of a description's terms that fall at or
    below it, in the description where that share is largest (a curated page's own short list
    of hallmark features counts as one description, its catalogue entries as others).
    """

    def rows() -> Iterator[tuple[int, int, float, int, float]]:
        for rowid, descriptions in direct.items():
            best: dict[int, tuple[float, int]] = {}
            fraction: dict[int, float] = {}
            for weights in descriptions:
                under: dict[int, int] = {}
                for number, frequency in weights.items():
                    for ancestor in ancestors.get(number, {number: 0}):
                        exact = int(ancestor == number)
                        under[ancestor] = under.get(ancestor, 0) + 1
                        previous = best.get(ancestor)
                        if previous is None or (frequency, exact) > previous:
                            best[ancestor] = (frequency, exact)
                size = max(len(weights), 1)
                for ancestor, count in under.items():
                    fraction[ancestor] = max(fraction.get(ancestor, 0.0), count / size)
            for ancestor, (frequency, exact) in best.items():
                yield ancestor, rowid, frequency, exact, fraction[ancestor]

    connection.executemany("INSERT INTO propagated VALUES (?, ?, ?, ?, ?)", rows())
