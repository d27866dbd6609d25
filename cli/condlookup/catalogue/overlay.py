"""The pages onto the catalogue: the second half of an index build, run on a copy of the
catalogue half whenever a page changes.

A page that names a code of a catalogue condition (its Mondo id, an Orphanet or OMIM code, one
of its HPO entries) stands for it: one disease, one condition. The page takes it over: the
condition's annotations, descriptions, propagated rows, names, codes and family links become
the page's, and the condition keeps no row of its own. A condition goes to the first page, in
list order, that names one of its codes. The page's own symptom list is one more description,
after those it took over. Then what depends on which conditions exist is brought up to date:
how many conditions reach each term (the `match` prior), the meta counts, and the features the
types of a family above a page share (see `families`).

The page's own rows (conditions, page_data, names, search) are written before this runs.
"""

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from condlookup.catalogue import families
from condlookup.catalogue.build import INSERT_ANNOTATION, INSERT_NAME
from condlookup.catalogue.identity import code_key
from condlookup.catalogue.phrases import PAGES, write_phrases
from condlookup.catalogue.propagation import (
    DEFAULT_FREQUENCY,
    INSERT_DESCRIPTION,
    INSERT_PROPAGATED,
    Propagated,
    spread,
)
from condlookup.catalogue.tables import TAKEN_WITH_CONDITION
from condlookup.pages.models import Condition
from condlookup.sources.codes import term_number
from condlookup.text import LABEL, join_list, normalize_name, split_list

CURATED_FREQUENCIES = {
    "obligate": 1.0,
    "very frequent": 0.895,
    "frequent": 0.545,
    "occasional": 0.17,
    "very rare": 0.025,
}
Page = tuple[int, Condition]  # a page and its rowid


class Held(NamedTuple):
    """A catalogue condition that a page takes over, as the catalogue half holds it."""

    rowid: int
    id: str
    name: str
    codes: tuple[str, ...]


class Tally(NamedTuple):
    """How the counts of the catalogue change when pages join it."""

    taken: int  # catalogue conditions taken over
    families: int  # of which families
    made: int  # families that pages made
    annotated: int  # change in how many conditions have propagated rows


def join_pages(
    connection: sqlite3.Connection, pages: Sequence[Page], mondo: Path | None
) -> dict[str, str]:
    """Join the pages to the catalogue in `connection`; returns the meta facts that change."""
    taken = _takeovers(connection, pages)
    moved = _propagated_of(connection, [held.rowid for found in taken.values() for held in found])
    alias = _aliases(connection, pages)
    ancestors = _ancestors(connection, set(alias.values()))
    changes: dict[int, int] = {}  # term -> change in how many conditions reach it
    recorded: dict[int, int] = {}  # term -> change in how many conditions record it itself
    families_taken = annotated = 0
    bare: set[str] = set()
    for rowid, page in pages:
        held = taken.get(rowid, [])
        reached: set[int] = set()
        exact: set[int] = set()
        for found in held:
            lost = {row.term for row in moved.get(found.rowid, [])}
            lost_exact = {row.term for row in moved.get(found.rowid, []) if row.exact}
            for term in lost:
                changes[term] = changes.get(term, 0) - 1
            for term in lost_exact:
                recorded[term] = recorded.get(term, 0) - 1
            annotated -= bool(lost)
            reached |= lost
            exact |= lost_exact
        # The page's descriptions: those it takes over, then its own list.
        number = _move_descriptions(connection, rowid, held, moved)
        for found in held:
            was_family = _take_over(connection, rowid, found)
            families_taken += was_family
            if not was_family and found.rowid not in moved and found.id.startswith("MONDO:"):
                bare.add(found.id)  # no phenotype annotations: no families above it yet
        own = _own_terms(connection, rowid, page, alias)
        if own:
            rows = [Propagated._make(row) for row in spread(rowid, number, own, ancestors)]
            connection.executemany(INSERT_PROPAGATED, rows)
            connection.execute(INSERT_DESCRIPTION, (rowid, number, "page", len(own)))
            reached.update(row.term for row in rows)
            exact.update(own)
        for term in reached:
            changes[term] = changes.get(term, 0) + 1
        for term in exact:
            recorded[term] = recorded.get(term, 0) + 1
        annotated += bool(reached)
        write_phrases(connection, _phrases(page, alias))
        if rowid in taken:
            _add_codes(connection, rowid, [code for held in taken[rowid] for code in held.codes])
    connection.executemany(
        "UPDATE terms SET diseases = diseases + ?, annotated = annotated + ? WHERE id = ?",
        (
            (change, recorded.get(term, 0), term)
            for term, change in changes.items()
            if change or recorded.get(term)
        ),
    )
    held_ids = {held.id: rowid for rowid, found in taken.items() for held in found}
    gained, made = families.place_pages(connection, pages, held_ids, bare, mondo)
    for rowid, codes in gained.items():
        _add_codes(connection, rowid, codes)
    families.refresh(connection, [rowid for rowid, _page in pages], mondo)
    count = sum(len(found) for found in taken.values())
    return _facts(connection, Tally(count, families_taken, made, annotated))


def _takeovers(connection: sqlite3.Connection, pages: Sequence[Page]) -> dict[int, list[Held]]:
    """The catalogue conditions each page takes over, in the catalogue's order."""
    taken: dict[int, list[Held]] = {}
    claimed: set[int] = set()
    for rowid, page in pages:
        for code in page.codes.curies():
            row = connection.execute(
                "SELECT c.rowid, c.id, c.name, c.codes FROM codes k "
                "JOIN conditions c ON c.rowid = k.condition WHERE k.code = ?",
                (code,),
            ).fetchone()
            if row is None:
                continue
            condition, cond_id, name, codes = row
            if condition not in claimed:
                claimed.add(condition)
                taken.setdefault(rowid, []).append(
                    Held(condition, cond_id, name, split_list(codes))
                )
    for found in taken.values():
        found.sort(key=lambda held: held.rowid)
    return taken


def _propagated_of(
    connection: sqlite3.Connection, conditions: list[int]
) -> dict[int, list[Propagated]]:
    """The propagated rows of these conditions: one pass over the table, whose key starts with
    the term (the order match reads it in), for all of them at once."""
    found: dict[int, list[Propagated]] = {}
    if not conditions:
        return found
    connection.execute("CREATE TEMP TABLE taken (condition INTEGER PRIMARY KEY)")
    connection.executemany(
        "INSERT INTO temp.taken (condition) VALUES (?)", ((c,) for c in conditions)
    )
    for row in connection.execute(
        "SELECT term, condition, description, frequency, exact, fraction FROM propagated "
        "WHERE condition IN (SELECT condition FROM temp.taken)"
    ):
        item = Propagated._make(row)
        found.setdefault(item.condition, []).append(item)
    connection.execute("DROP TABLE temp.taken")
    return found


def _move_descriptions(
    connection: sqlite3.Connection,
    page: int,
    held: list[Held],
    moved: dict[int, list[Propagated]],
) -> int:
    """The descriptions of the conditions a page takes over become the page's, numbered in the
    order of their entries' codes, with their propagated rows. Returns how many there are."""
    described = []
    for found in held:
        described += [
            (found.rowid, *row)
            for row in connection.execute(
                "SELECT description, origin, size FROM descriptions WHERE condition = ?",
                (found.rowid,),
            )
        ]
        connection.execute("DELETE FROM descriptions WHERE condition = ?", (found.rowid,))
    described.sort(key=lambda item: code_key(item[2]))
    number_of = {(old, number): new for new, (old, number, _o, _s) in enumerate(described)}
    connection.executemany(
        INSERT_DESCRIPTION,
        ((page, new, origin, size) for new, (_old, _n, origin, size) in enumerate(described)),
    )
    connection.executemany(
        "UPDATE propagated SET condition = ?, description = ? "
        "WHERE term = ? AND condition = ? AND description = ?",
        (
            (
                page,
                number_of[row.condition, row.description],
                row.term,
                row.condition,
                row.description,
            )
            for found in held
            for row in moved.get(found.rowid, [])
        ),
    )
    return len(described)


def _take_over(connection: sqlite3.Connection, page: int, held: Held) -> bool:
    """Make the rest of a catalogue condition's rows the page's: its annotations, names and
    family links. Returns whether it was a family."""
    old = held.rowid
    for table in TAKEN_WITH_CONDITION:
        connection.execute(f"UPDATE {table} SET condition = ? WHERE condition = ?", (page, old))
    # Its names find the page. Its own name is another catalogue's label for the page, found as
    # exactly as any label, not as the page's own name.
    own_name = normalize_name(held.name)
    names = connection.execute("SELECT key, tier FROM names WHERE rowid = ?", (old,)).fetchall()
    connection.execute("DELETE FROM names WHERE rowid = ?", (old,))
    connection.executemany(
        INSERT_NAME,
        ((key, page, min(tier, LABEL) if key == own_name else tier) for key, tier in names),
    )
    for column in ("broader", "narrower"):
        connection.execute(
            f"UPDATE OR IGNORE relations SET {column} = ? WHERE {column} = ?", (page, old)
        )
    # What could not move is there already (a page taking over two related conditions).
    connection.execute("DELETE FROM relations WHERE broader = ? OR narrower = ?", (old, old))
    connection.execute("DELETE FROM relations WHERE broader = ? AND narrower = ?", (page, page))
    # A page shows its own features, not a family's: it is no family page.
    was_family = connection.execute("DELETE FROM families WHERE condition = ?", (old,)).rowcount
    connection.execute("DELETE FROM shared WHERE condition = ?", (old,))
    connection.execute("UPDATE codes SET condition = ? WHERE condition = ?", (page, old))
    connection.execute("DELETE FROM search WHERE rowid = ?", (old,))
    connection.execute("DELETE FROM conditions WHERE rowid = ?", (old,))
    return was_family > 0


def _add_codes(connection: sqlite3.Connection, rowid: int, codes: Sequence[str]) -> None:
    """The codes of what a page took over, after its own."""
    (own,) = connection.execute("SELECT codes FROM conditions WHERE rowid = ?", (rowid,)).fetchone()
    every = list(dict.fromkeys([*split_list(own), *codes]))
    connection.execute("UPDATE conditions SET codes = ? WHERE rowid = ?", (join_list(every), rowid))


def _aliases(connection: sqlite3.Connection, pages: Sequence[Page]) -> dict[int, int]:
    """The current id of each term the pages' symptoms name (an old id, an alternative id),
    for the terms this release knows."""
    found: dict[int, int] = {}
    wanted = {term_number(s.hpo) for _rowid, page in pages for s in page.symptoms if s.hpo}
    for number in wanted:
        row = connection.execute("SELECT id FROM term_alias WHERE alias = ?", (number,))
        current = row.fetchone()
        if current is None:
            row = connection.execute(
                "SELECT id FROM terms WHERE id = ? AND obsolete = 0", (number,)
            )
            current = row.fetchone()
        if current is not None:
            found[number] = current[0]
    return found


def _ancestors(connection: sqlite3.Connection, terms: set[int]) -> dict[int, dict[int, int]]:
    found: dict[int, dict[int, int]] = {}
    for term in terms:
        rows = connection.execute(
            "SELECT ancestor, distance FROM closure WHERE descendant = ?", (term,)
        )
        found[term] = dict(rows.fetchall())
    return found


def _own_terms(
    connection: sqlite3.Connection, rowid: int, page: Condition, alias: dict[int, int]
) -> dict[int, float]:
    """A page's own symptom list as annotations; returns it as one description's weights."""
    own: dict[int, float] = {}
    for symptom in page.symptoms:
        number = alias.get(term_number(symptom.hpo)) if symptom.hpo else None
        if number is None:
            continue
        frequency = CURATED_FREQUENCIES.get(symptom.frequency or "")
        connection.execute(
            INSERT_ANNOTATION, (rowid, number, "P", frequency, symptom.frequency, None, "page")
        )
        own[number] = max(own.get(number, 0.0), frequency or DEFAULT_FREQUENCY)
    return own


def _phrases(page: Condition, alias: dict[int, int]) -> Iterator[tuple[str, int, int]]:
    """A page's symptom names and plain-words descriptions, as phrases for their HPO term."""
    for symptom in page.symptoms:
        number = alias.get(term_number(symptom.hpo)) if symptom.hpo else None
        if number is not None:
            for text in (symptom.name, symptom.description):
                if text:
                    yield text, number, PAGES


def _facts(connection: sqlite3.Connection, tally: Tally) -> dict[str, str]:
    """The meta counts of the catalogue, now that pages took some of its conditions."""
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    facts = {}
    for key, change in (
        ("catalogue_conditions", tally.made - tally.taken),
        ("families", tally.made - tally.families),
        ("annotated_conditions", tally.annotated),
    ):
        if key in meta:
            facts[key] = str(int(meta[key]) + change)
    return facts
