"""Short pages for the diseases the Disease Ontology defines and the catalogue lacks (migraine,
asthma): written by the build from DO's digest that `update` fetched, found by `show` only when
no condition is. Each gives DO's definition, names, codes, what it is a kind of, and who to see
where the nearest DO class above it names a specialist.
"""

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from condlookup.catalogue.definitions import DO, Definition
from condlookup.records import Record, model
from condlookup.sources.codes import Link, disease_source
from condlookup.text import OWN_NAME, SYNONYM, join_list, name_tiers, split_list

if TYPE_CHECKING:
    from condlookup.sources.definitions import Entry

# The Disease Ontology's classes that say who looks after a disease, by DOID with DO's own
# label (checked against DO's files by a test). The nearest class above a disease decides.
# fmt: off
DO_CLASSES: dict[str, tuple[str, str]] = {
    "DOID:162": ("cancer", "oncologist"),
    "DOID:2531": ("hematologic cancer", "hematologist-oncologist"),
    "DOID:0050117": ("disease by infectious agent", "infectious disease specialist"),
    "DOID:150": ("disease of mental health", "psychiatrist"),
    "DOID:863": ("nervous system disease", "neurologist"),
    "DOID:5614": ("eye disease", "ophthalmologist"),
    "DOID:2742": ("auditory system disease", "ENT specialist and audiologist"),
    "DOID:1287": ("cardiovascular system disease", "cardiologist"),
    "DOID:178": ("vascular disease", "vascular specialist"),
    "DOID:114": ("heart disease", "cardiologist"),
    "DOID:865": ("vasculitis", "rheumatologist"),
    "DOID:1579": ("respiratory system disease", "pulmonologist"),
    "DOID:974": ("upper respiratory tract disease", "ENT specialist"),
    "DOID:77": ("gastrointestinal system disease", "gastroenterologist"),
    "DOID:409": ("liver disease", "hepatologist"),
    "DOID:1091": ("tooth disease", "dentist"),
    "DOID:557": ("kidney disease", "nephrologist"),
    "DOID:18": ("urinary system disease", "urologist"),
    "DOID:16": ("integumentary system disease", "dermatologist"),
    "DOID:28": ("endocrine system disease", "endocrinologist"),
    "DOID:9351": ("diabetes mellitus", "endocrinologist"),
    "DOID:74": ("hematopoietic system disease", "hematologist"),
    "DOID:2914": ("immune system disease", "immunologist"),
    "DOID:1205": ("allergic disease", "allergist"),
    "DOID:1575": ("rheumatic disease", "rheumatologist"),
    "DOID:848": ("arthritis", "rheumatologist"),
    "DOID:0080000": ("muscular disease", "neurologist"),
    "DOID:0080001": ("bone disease", "orthopedic specialist"),
    "DOID:229": ("female reproductive system disease", "gynecologist"),
    "DOID:48": ("male reproductive system disease", "urologist"),
    "DOID:655": ("inherited metabolic disorder", "metabolic specialist"),
}
# fmt: on
KINDS_SHOWN = 3
DO_ROOT = "DOID:4"  # "disease": a kind of it says nothing


@model
class CommonPage(Record):
    """A disease the Disease Ontology defines and the catalogue lacks: a short page."""

    id: str  # DOID:6364
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str, ...]
    kind_of: tuple[str, ...]  # the names of the DO classes it is a kind of
    specialists: tuple[str, ...]
    because: tuple[str, ...]
    definition: Definition | None
    do_version: str
    sources: tuple[Link, ...]
    source: str = "do"

    @property
    def summary(self) -> str:
        """condlookup's first sentence, from DO's facts alone: what it is a kind of."""
        from condlookup.catalogue.evidence import article  # noqa: PLC0415 - a DO page only

        name = self.name[:1].upper() + self.name[1:]
        if not self.kind_of:
            return f"{name} is a condition the Human Disease Ontology defines."
        kinds = " and ".join(f"{article(kind)} {kind}" for kind in self.kind_of[:2])
        return f"{name} is {kinds}, as the Human Disease Ontology classes it."


# -- the build --------------------------------------------------------------------------------


def write(connection: sqlite3.Connection, entries: "Sequence[Entry]") -> None:
    """DO's diseases that no catalogue condition is (by its DOID or a code DO gives), as short
    pages with the names that find them."""
    codes = dict(connection.execute("SELECT code, condition FROM codes"))
    every = {entry.code: entry for entry in entries}
    rowid = 0
    for entry in every.values():
        if entry.code in codes or any(code in codes for code in entry.xrefs):
            continue  # the catalogue has it: its page shows DO's definition
        rowid += 1
        chosen = _specialists(entry.code, every)
        kinds = [
            every[parent].name for parent in entry.parents if parent in every and parent != DO_ROOT
        ]
        connection.execute(
            "INSERT INTO common (rowid, id, name, aliases, codes, kind_of, specialists, because, "
            "definition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                entry.code,
                entry.name,
                join_list(entry.synonyms),
                join_list((entry.code, *entry.xrefs)),
                join_list(kinds[:KINDS_SHOWN]),
                join_list(name for name, _ in chosen),
                join_list(why for _, why in chosen),
                entry.definition,
            ),
        )
        named = [
            (entry.code, OWN_NAME),
            (entry.name, OWN_NAME),
            *((name, SYNONYM) for name in entry.synonyms),
        ]
        connection.executemany(
            "INSERT INTO common_names (key, rowid, tier) VALUES (?, ?, ?)",
            [(key, rowid, tier) for key, tier in name_tiers(named).items()],
        )


def _specialists(code: str, every: Mapping[str, object]) -> list[tuple[str, str]]:
    """Who to see, from the nearest of DO_CLASSES above a disease (itself included), with
    why; none where no class above it names one."""
    from condlookup.catalogue.evidence import article  # noqa: PLC0415 - a build only

    level = [code]
    seen = {code}
    while level:
        hits = [found for found in level if found in DO_CLASSES]
        if hits:
            chosen: dict[str, str] = {}
            for hit in sorted(hits):
                label, specialist = DO_CLASSES[hit]
                chosen.setdefault(
                    specialist,
                    f"the Human Disease Ontology classes it as {article(label)} {label}",
                )
            return list(chosen.items())
        following = []
        for found in level:
            entry = every.get(found)
            for parent in getattr(entry, "parents", ()):
                if parent not in seen:
                    seen.add(parent)
                    following.append(parent)
        level = following
    return []


# -- a page -----------------------------------------------------------------------------------


def common_for(db: sqlite3.Connection, query: str) -> CommonPage | None:
    """The short page of a disease the Disease Ontology defines and the catalogue lacks, if
    `update` fetched DO and the query names one."""
    from condlookup.catalogue import lookup  # noqa: PLC0415

    rowid = common_rowid(db, lookup.keys_to_try(query, lookup.code_in(query)))
    return common_page(db, rowid) if rowid is not None else None


def common_rowid(db: sqlite3.Connection, keys: Iterable[str]) -> int | None:
    """The short page a query's keys name, if exactly one does."""
    for key in keys:
        rows = db.execute(
            "SELECT rowid, max(tier) FROM common_names WHERE key = ? GROUP BY rowid", (key,)
        ).fetchall()
        if rows:
            best = max(tier for _, tier in rows)
            found = [rowid for rowid, tier in rows if tier == best]
            return found[0] if len(found) == 1 else None
    return None


def common_page(db: sqlite3.Connection, rowid: int) -> CommonPage:
    row = db.execute(
        "SELECT id, name, aliases, codes, kind_of, specialists, because, definition "
        "FROM common WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    code, name, aliases, codes, kind_of, specialists, because, text = row
    version_row = db.execute("SELECT value FROM meta WHERE key = 'do_definitions'").fetchone()
    version = version_row[0] if version_row else "unknown"
    every = split_list(codes)
    return CommonPage(
        id=code,
        name=name,
        aliases=split_list(aliases),
        codes=every,
        kind_of=split_list(kind_of),
        specialists=split_list(specialists),
        because=split_list(because),
        definition=Definition(text, DO, code, version) if text else None,
        do_version=version,
        sources=tuple(found for item in every if (found := disease_source(item))),
    )
