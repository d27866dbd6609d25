"""A page's place among the catalogue's families, once the pages are joined to it (see
`overlay`), by the rules the catalogue's own conditions follow (see `identity`).

A page that took a condition over took its family links with it. What is left:

- A page whose Mondo disease no catalogue condition holds (no entry of this HPO release, no
  annotated type below it) still is that disease: it takes its names and codes from the Mondo
  digest, and is linked to the nearest conditions above and below it.
- Such a page, like one that took over a disease without phenotype annotations, makes the
  listed Mondo classes above it families, if they are none yet.
- A family above a page counts that page among its types, with the page's own symptom list
  among its features: its types, shared features and specialists are worked out again.
"""

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from condlookup.catalogue import evidence, facts, specialists, summaries
from condlookup.catalogue.build import HEAD_WEIGHTS, INSERT_NAME, write_disease
from condlookup.catalogue.identity import (
    family,
    nearest_above,
    new_families,
    owners,
    shared_features,
)
from condlookup.catalogue.specialties import BRANCHES, SYSTEM_OF_CATEGORY
from condlookup.catalogue.tables import CATALOGUE_ROWIDS
from condlookup.errors import DataError
from condlookup.pages.models import Condition
from condlookup.sources.mondo import Mondo
from condlookup.sources.mondo import read as read_mondo
from condlookup.text import LABEL, OWN_NAME, SYNONYM, join_list, name_tiers

Node = TypeVar("Node")
# How many rowids one query names: well under SQLite's limit of bound parameters.
CHUNK = 900


def place_pages(
    connection: sqlite3.Connection,
    pages: Sequence[tuple[int, Condition]],
    held: dict[str, int],
    bare: set[str],
    mondo: Path | None,
) -> tuple[dict[int, tuple[str, ...]], int]:
    """Give the pages whose Mondo id no catalogue condition holds their Mondo names and family
    links, and make the families above them and above `bare` (Mondo diseases without
    phenotype annotations that pages took over). `held` gives the rowid of the page that took
    over each catalogue condition, by its id. Returns the codes each page gained, and how many
    families were made."""
    added: dict[str, int] = {}  # a page's own Mondo id that nothing held -> the page
    for rowid, page in pages:
        mondo_id = f"MONDO:{page.codes.mondo}" if page.codes.mondo else None
        if mondo_id is None or mondo_id in held or mondo_id in added:
            continue
        if connection.execute("SELECT 1 FROM codes WHERE code = ?", (mondo_id,)).fetchone():
            continue
        added[mondo_id] = rowid
    if not (added or bare) or mondo is None:
        return {}, 0
    data = _read(mondo)
    added = {key: rowid for key, rowid in added.items() if key in data.classes}
    gained = {}
    for mondo_id, rowid in added.items():
        mondo_class = data.classes[mondo_id]
        named = [(mondo_class.label, LABEL), *((name, SYNONYM) for name in mondo_class.synonyms)]
        named += [(code, OWN_NAME) for code in mondo_class.codes]
        connection.executemany(
            INSERT_NAME, [(key, rowid, tier) for key, tier in name_tiers(named).items()]
        )
        gained[rowid] = mondo_class.codes
    nodes = dict(
        (cond_id, rowid)
        for rowid, cond_id in connection.execute(
            "SELECT rowid, id FROM conditions WHERE id LIKE 'MONDO:%'"
        )
    )
    nodes |= {key: rowid for key, rowid in held.items() if key.startswith("MONDO:")} | added
    made = _make_families(connection, data, nodes, {*added, *(bare & set(data.classes))})
    _link(connection, data, nodes, {*added, *made})
    return gained, len(made)


def _read(path: Path) -> Mondo:
    try:
        return read_mondo(path)
    except (OSError, ValueError, EOFError) as err:
        raise DataError(f"{path}: cannot read the Mondo data: {err}") from None


def _make_families(
    connection: sqlite3.Connection, data: Mondo, nodes: dict[str, int], below: set[str]
) -> list[str]:
    """The families that the pages in `below` make, written as the catalogue writes its own
    (their types, features and specialists are worked out by `refresh`)."""
    owner = owners(data.classes)
    made = new_families(below, set(nodes), data.classes, owner)
    (last,) = connection.execute("SELECT max(rowid) FROM conditions").fetchone()
    for rowid, mondo_id in enumerate(made, start=max(last or 0, CATALOGUE_ROWIDS - 1) + 1):
        write_disease(connection, rowid, family(mondo_id, data.classes, owner), ())
        connection.execute("INSERT INTO families (condition, types) VALUES (?, 0)", (rowid,))
        nodes[mondo_id] = rowid
    return made


def _link(
    connection: sqlite3.Connection, data: Mondo, nodes: dict[str, int], added: set[str]
) -> None:
    """Broader and narrower for the added Mondo ids, and again for the conditions below them,
    whose nearest broader condition may now be one of them."""
    children: dict[str, list[str]] = {}
    for mondo_id, mondo_class in data.classes.items():
        for parent in mondo_class.parents:
            children.setdefault(parent, []).append(mondo_id)
    has_page = set(nodes)
    for mondo_id in sorted(added | (_reach(children, added) & has_page)):
        rowid = nodes[mondo_id]
        if mondo_id not in added:
            connection.execute("DELETE FROM relations WHERE narrower = ?", (rowid,))
        connection.executemany(
            "INSERT OR IGNORE INTO relations (broader, narrower) VALUES (?, ?)",
            (
                (nodes[parent], rowid)
                for parent in nearest_above(mondo_id, has_page, data.classes)
                if nodes[parent] != rowid
            ),
        )


def refresh(connection: sqlite3.Connection, pages: Iterable[int], mondo: Path | None) -> None:
    """Work out again the types, shared features and specialists of the families above the
    pages, counting the pages' own terms as the catalogue counted its diseases'."""
    narrower: dict[int, list[int]] = {}
    broader: dict[int, list[int]] = {}
    for up, down in connection.execute("SELECT broader, narrower FROM relations"):
        narrower.setdefault(up, []).append(down)
        broader.setdefault(down, []).append(up)
    above = _reach(broader, [rowid for rowid in pages if rowid in broader])
    known = {rowid for (rowid,) in connection.execute("SELECT condition FROM families")}
    chosen = sorted(known & above)
    if not chosen:
        return
    own_terms: dict[int, set[int]] = {}
    for chunk in _chunks(sorted(_reach(narrower, chosen))):
        marks = ",".join("?" * len(chunk))
        for condition, term in connection.execute(
            "SELECT condition, term FROM annotations "
            f"WHERE aspect = 'P' AND condition IN ({marks})",
            chunk,
        ):
            own_terms.setdefault(condition, set()).add(term)
    shared = shared_features(chosen, narrower, own_terms)
    types = {rowid for found in shared.values() for rowid in found.types}
    kinds = evidence.MondoKinds(
        {key: found.parents for key, found in _read(mondo).classes.items()} if mondo else {}
    )
    kin = _kin(connection, [rowid for rowid in types if rowid >= CATALOGUE_ROWIDS], kinds)
    terms = sorted({share.term for found in shared.values() for share in found.features})
    system_of = _systems(connection, terms)
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (HEAD_WEIGHTS,)).fetchone()
    telling = evidence.read_weights(row[0] if row else None)
    for rowid, found in shared.items():
        connection.execute(
            "UPDATE families SET types = ? WHERE condition = ?", (len(found.types), rowid)
        )
        connection.execute("DELETE FROM shared WHERE condition = ?", (rowid,))
        connection.executemany(
            "INSERT INTO shared (condition, term, types) VALUES (?, ?, ?)",
            ((rowid, share.term, share.types) for share in found.features),
        )
        told = _orphanet(connection, [rowid]).get(rowid, _Told())
        shares = found.features
        cond_id, name = connection.execute(
            "SELECT id, name FROM conditions WHERE rowid = ?", (rowid,)
        ).fetchone()
        weights = [
            (system_of.get(share.term, ()), share.types / len(found.types)) for share in shares
        ]
        their = [kin[key] for key in found.types if key in kin]
        who = specialists.for_family(
            frozenset(told.heads),
            kinds.of(cond_id),
            told.onsets,
            told.inheritance,
            weights,
            their,
            telling,
            kinds.specific(cond_id),
        )
        systems, total = evidence.systems_of(weights)
        said = summaries.summary(
            summaries.Told(
                name,
                facts.read(connection, rowid),
                classes=kinds.of(cond_id),
                specific=kinds.specific(cond_id),
                systems=systems,
                features=total,
                types=len(found.types),
                family=True,
                # the pages among its types are not counted, as the specialists do not count them
                genetic_types=len(their) == len(found.types) and all(k.genetic for k in their),
            )
        )
        connection.execute(
            "UPDATE conditions SET specialists = ?, because = ?, summary = ?, summary_from = ? "
            "WHERE rowid = ?",
            (
                join_list(item.name for item in who),
                join_list(item.because for item in who),
                said.text,
                join_list(said.sources),
                rowid,
            ),
        )


class _Told(NamedTuple):
    """What Orphanet says of a condition, as the facts table holds it."""

    heads: Sequence[str] = ()
    onsets: Sequence[str] = ()
    inheritance: Sequence[str] = ()


def _orphanet(connection: sqlite3.Connection, conditions: list[int]) -> dict[int, _Told]:
    """The Orphanet heads, onsets and inheritance the facts table holds for each condition."""
    found: dict[int, dict[str, list[str]]] = {}
    for chunk in _chunks(conditions):
        marks = ",".join("?" * len(chunk))
        for condition, kind, value, code in connection.execute(
            "SELECT condition, kind, value, code FROM facts WHERE kind IN "
            f"('head', 'onset', 'inheritance') AND condition IN ({marks}) ORDER BY rowid",
            chunk,
        ):
            told = found.setdefault(condition, {"head": [], "onset": [], "inheritance": []})
            told[kind].append(code if kind == "head" else value)
    return {
        condition: _Told(told["head"], told["onset"], told["inheritance"])
        for condition, told in found.items()
    }


def _kin(
    connection: sqlite3.Connection, conditions: list[int], kinds: evidence.MondoKinds
) -> dict[int, evidence.Kin]:
    """What a family takes from each of these catalogue conditions, by the rules the catalogue
    follows (see `specialists`). Pages are not counted, as they never were."""
    found: dict[int, evidence.Kin] = {}
    for chunk in _chunks(conditions):
        marks = ",".join("?" * len(chunk))
        told = _orphanet(connection, chunk)
        aspects: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for condition, aspect, term, name in connection.execute(
            "SELECT a.condition, a.aspect, a.term, t.name FROM annotations a JOIN terms t "
            f"ON t.id = a.term WHERE a.aspect IN ('I', 'C') AND a.condition IN ({marks})",
            chunk,
        ):
            aspects.setdefault((condition, aspect), []).append((term, name))
        terms = sorted({term for found_terms in aspects.values() for term, _ in found_terms})
        ancestors = _above(connection, terms, evidence.TOLD_BY_ANCESTORS)
        ids = dict(
            connection.execute(f"SELECT rowid, id FROM conditions WHERE rowid IN ({marks})", chunk)
        )
        for condition in chunk:
            item = told.get(condition, _Told())
            reason = evidence.genetic_reason(
                frozenset(item.heads),
                item.inheritance,
                aspects.get((condition, "I"), ()),
                ancestors,
                kinds.of(ids.get(condition)),
            )
            onsets = (term for term, _ in aspects.get((condition, "C"), ()))
            onset = evidence.onset_of(item.onsets, onsets, ancestors)
            found[condition] = evidence.Kin(bool(reason), onset)
    return found


def _systems(connection: sqlite3.Connection, terms: list[int]) -> dict[int, tuple[str, ...]]:
    """The organ systems of each term (see `evidence.systems_of_term`)."""
    wanted = {*SYSTEM_OF_CATEGORY, *(at for found in BRANCHES.values() for at, _ in found)}
    above = _above(connection, terms, wanted)
    return {term: evidence.systems_of_term(above.get(term, ())) for term in terms}


def _above(
    connection: sqlite3.Connection, terms: list[int], wanted: Iterable[int]
) -> dict[int, list[int]]:
    """Which of the `wanted` terms each term is (or is a kind of)."""
    targets = ",".join(str(int(term)) for term in sorted(wanted))
    found: dict[int, list[int]] = {}
    for chunk in _chunks(terms):
        marks = ",".join("?" * len(chunk))
        for term, ancestor in connection.execute(
            f"SELECT descendant, ancestor FROM closure WHERE descendant IN ({marks}) "
            f"AND ancestor IN ({targets})",
            chunk,
        ):
            found.setdefault(term, []).append(ancestor)
    return found


def _reach(links: dict[Node, list[Node]], start: Iterable[Node]) -> set[Node]:
    """Every node reached from `start` through `links` (not the start, unless reached)."""
    found: set[Node] = set()
    stack = [following for node in start for following in links.get(node, ())]
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack += links.get(node, ())
    return found


def _chunks(items: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
