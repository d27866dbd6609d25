"""The HPO's terms into the index: their names and synonyms, what replaced an old id, the
closure of their is-a links, and each term's organ system."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from condlookup.catalogue.phrases import DEFINITIONS, NAMES, ROOT_PHENOTYPE, write_phrases
from condlookup.errors import DataError
from condlookup.sources.codes import term_number
from condlookup.sources.hpo import Term, check_is_a, read_terms
from condlookup.text import join_list


@dataclass(frozen=True, slots=True)
class Ontology:
    terms: dict[int, Term]
    alias: dict[int, int]  # every id a term is known by -> its current id
    ancestors: dict[int, dict[int, int]]  # term -> {ancestor (itself included): distance}
    category_of: dict[int, int | None]  # term -> its organ system (a child of the root)


def read_ontology(obo: Path) -> Ontology:
    terms = {term_number(term.id): term for term in read_terms(obo)}
    check_is_a(terms.values(), str(obo))
    if ROOT_PHENOTYPE not in terms:
        raise DataError(f"{obo}: no HP:0000118 term: not a complete hp.obo")
    ancestors = _closure(terms)
    categories = {child for child, term in terms.items() if _parent_ids(term) == [ROOT_PHENOTYPE]}
    category_of = {
        number: _category(distances, categories) for number, distances in ancestors.items()
    }
    return Ontology(terms, _aliases(terms), ancestors, category_of)


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

    def visit(number: int) -> dict[int, int]:
        if number in found:
            return found[number]
        distances = {number: 0}
        for parent in _parent_ids(terms[number]):
            if parent not in terms:  # a dangling parent (read_ontology refuses a cycle)
                continue
            for ancestor, distance in visit(parent).items():
                if distance + 1 < distances.get(ancestor, 1 << 30):
                    distances[ancestor] = distance + 1
        found[number] = distances
        return distances

    for number, term in terms.items():
        if not term.obsolete:
            visit(number)
    return found


def _category(distances: dict[int, int], categories: set[int]) -> int | None:
    candidates = [
        (distance, number) for number, distance in distances.items() if number in categories
    ]
    return min(candidates)[1] if candidates else None


def write_terms(connection: sqlite3.Connection, ontology: Ontology) -> None:
    terms, alias = ontology.terms, ontology.alias
    connection.executemany(
        "INSERT INTO terms (id, name, definition, layperson, category, obsolete, replaced_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                number,
                term.name,
                term.definition,
                join_list(term.layperson),
                ontology.category_of.get(number),
                int(term.obsolete),
                alias.get(number) if term.obsolete else None,
            )
            for number, term in terms.items()
        ),
    )
    connection.executemany(
        "INSERT INTO term_alias (alias, id) VALUES (?, ?)",
        ((old, new) for old, new in alias.items() if old != new),
    )
    connection.executemany(
        "INSERT INTO closure (ancestor, descendant, distance) VALUES (?, ?, ?)",
        (
            (ancestor, number, distance)
            for number, distances in ontology.ancestors.items()
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
    write_phrases(
        connection,
        (
            (name, number, NAMES)
            for number, term in terms.items()
            if not term.obsolete
            for name in dict.fromkeys([term.name, *(s.text for s in term.synonyms)])
        ),
    )
    write_phrases(
        connection,
        (
            (term.definition, number, DEFINITIONS)
            for number, term in terms.items()
            if not term.obsolete and term.definition
        ),
    )
