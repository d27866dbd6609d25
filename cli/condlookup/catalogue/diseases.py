"""A catalogue disease's page and a condition's HPO annotations, read from the index."""

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.catalogue.definitions import Definition
    from condlookup.catalogue.facts import Fact
    from condlookup.catalogue.keyfacts import KeyFact, Said

from condlookup.catalogue.links import Links, links
from condlookup.records import Kind, Record, model
from condlookup.sources.codes import Link, disease_source, hpo_id
from condlookup.text import plain_name, split_list


@model
class Phenotype(Record):
    """One HPO annotation of a condition, ready to show."""

    hpo: str
    name: str
    layperson: tuple[str, ...]
    category: str
    frequency: float | None
    frequency_text: str | None
    # the catalogue entry it comes from, "page" for a curated page's own, "types" for the
    # features a family's types share
    origin: str

    @property
    def plain_name(self) -> str | None:
        """Its everyday name, where the HPO gives one that is not the term itself."""
        return plain_name(self.name, self.layperson)


@model
class CataloguePage(Record):
    """A disease of the HPO catalogue that no curated page stands for, or a family of them."""

    id: str
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str, ...]  # every code that finds it: MONDO:..., ORPHA:..., OMIM:..., GARD:...
    inheritance: tuple[str, ...]
    onsets: tuple[str, ...]
    # Its annotations; for a family (types > 0), the features its types share, with the share
    # of its types that show each as the frequency.
    phenotypes: tuple[Phenotype, ...]
    specialists: tuple[str, ...]
    because: tuple[str, ...]  # why each specialist is named, in the same order
    sources: tuple[Link, ...]  # where each code leads
    links: Links
    hpo_release: str | None
    mondo_version: str | None = None
    types: int = 0  # for a family without annotations of its own: its annotated types
    source: Kind = "hpo"
    # What other sources say of it (Orphanet's facts), and its key facts in a line each.
    facts: "tuple[Fact, ...]" = ()
    key_facts: "tuple[KeyFact, ...]" = ()
    orphanet_version: str | None = None  # set when it shows Orphanet's facts
    # condlookup's own first sentence, written from its facts when the index was built (see
    # catalogue.summaries), and whose facts it says ("Orphanet", "HPO", "Mondo").
    summary: str = ""
    summary_from: tuple[str, ...] = ()
    # Another source's definition (Orphanet's, else DO's), where `update` fetched one.
    definition: "Definition | None" = None


# The bands of the HPO frequency terms, in words.
_BANDS = (
    (1.0, "obligate"),
    (0.8, "very frequent"),
    (0.3, "frequent"),
    (0.05, "occasional"),
    (0.0, "very rare"),
)
_CATEGORY_PREFIXES = ("Abnormality of the ", "Abnormality of ")


# A figure counted in fewer patients than this (1/1, 2/2, 1/2: one case report) says what
# those few had, not how often the disease brings it: it is said so, drawn with no bar and
# ordered with the features of unknown frequency, not above the established ones.
FEW_PATIENTS = 3
_PATIENTS = {1: "one patient", 2: "two patients"}


def patients(text: str | None) -> int | None:
    """How many patients a figure like '3/7' was counted in; None for other words."""
    counted = text.partition("/")[2] if text else ""
    return int(counted) if counted.isdigit() else None


def weighed(frequency: float | None, text: str | None) -> float | None:
    """A feature's frequency as bars and order use it: None for one counted in few patients."""
    counted = patients(text)
    return None if counted is not None and counted < FEW_PATIENTS else frequency


def frequency_words(frequency: float | None, text: str | None) -> str:
    """'very frequent', or the exact figure when the source gave one: '3/7 (43%)', '1/1 (one
    patient only)'."""
    if frequency is None:
        return text or "frequency not known"
    counted = patients(text)
    if counted is not None and counted < FEW_PATIENTS:
        return f"{text} ({_PATIENTS.get(counted, f'{counted} patients')} only)"
    if text and "/" in text:
        return f"{text} ({round(frequency * 100)}%)"
    if text:  # a band's own words, a percentage, or "3 of 8 types"
        return text
    return next(words for floor, words in _BANDS if frequency >= floor)


def category_label(name: str | None) -> str:
    if not name:
        return "Other"
    for prefix in _CATEGORY_PREFIXES:
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return rest[:1].upper() + rest[1:]
    return name


def phenotypes(db: sqlite3.Connection, rowid: int) -> tuple[Phenotype, ...]:
    """A condition's phenotype annotations, grouped by organ system, most frequent first."""
    rows = db.execute(
        """
        SELECT a.term, t.name, t.layperson, c.name, a.frequency, a.frequency_text, a.origin
        FROM annotations a JOIN terms t ON t.id = a.term LEFT JOIN terms c ON c.id = t.category
        WHERE a.condition = ? AND a.aspect = 'P'
        """,
        (rowid,),
    ).fetchall()
    found: dict[str, Phenotype] = {}
    for term, name, layperson, category, frequency, text, origin in rows:
        key = hpo_id(term)
        item = Phenotype(
            hpo=key,
            name=name,
            layperson=split_list(layperson),
            category=category_label(category),
            frequency=frequency,
            frequency_text=text,
            origin=origin,
        )
        previous = found.get(key)
        # A term on both the page and in the catalogue is shown once, with the better figure.
        if previous is None or (item.frequency or 0) > (previous.frequency or 0):
            found[key] = item
    return _ordered(found.values())


def _ordered(items: Iterable[Phenotype]) -> tuple[Phenotype, ...]:
    items = list(items)
    weight: dict[str, float] = {}
    for item in items:
        shown = weighed(item.frequency, item.frequency_text)
        weight[item.category] = weight.get(item.category, 0.0) + (shown or 0.5)
    return tuple(
        sorted(
            items,
            key=lambda p: (
                -weight[p.category],
                p.category,
                -(weighed(p.frequency, p.frequency_text) or -1),
                p.name,
            ),
        )
    )


# The HPO's aspect C, "clinical course", holds ages of onset (the terms under Onset,
# HP:0003674) beside courses ("Progressive") and deaths ("Death in infancy"): only the onsets
# are said as onsets.
ONSET = 3674
_ONLY_ONSETS = (
    f" AND (a.aspect <> 'C' OR a.term IN (SELECT descendant FROM closure WHERE ancestor = {ONSET}))"
)


def aspect_names(db: sqlite3.Connection, rowid: int, aspect: str) -> tuple[str, ...]:
    """The names of a condition's HPO annotations of one aspect (I: inheritance, C: onset)."""
    rows = db.execute(
        "SELECT DISTINCT t.name FROM annotations a JOIN terms t ON t.id = a.term "
        f"WHERE a.condition = ? AND a.aspect = ?{_ONLY_ONSETS} ORDER BY t.name",
        (rowid, aspect),
    )
    return tuple(name for (name,) in rows)


def said(db: sqlite3.Connection, rowid: int, aspect: str) -> "tuple[Said, ...]":
    """The HPO's annotations of one aspect (I: inheritance, C: onset), with their entries."""
    from condlookup.catalogue.keyfacts import Said  # noqa: PLC0415 - a page of the catalogue

    rows = db.execute(
        "SELECT t.name, a.origin FROM annotations a JOIN terms t ON t.id = a.term "
        f"WHERE a.condition = ? AND a.aspect = ?{_ONLY_ONSETS} ORDER BY a.origin, t.name",
        (rowid, aspect),
    )
    return tuple(Said(*row) for row in rows)


def catalogue_page(db: sqlite3.Connection, rowid: int) -> CataloguePage:
    """The page of the catalogue condition in row `rowid`."""
    from condlookup.catalogue import facts  # noqa: PLC0415 - a catalogue page only
    from condlookup.catalogue.keyfacts import key_facts  # noqa: PLC0415

    cond_id, name, aliases, specialists, because, codes, summary, summary_from = db.execute(
        "SELECT id, name, aliases, specialists, because, codes, summary, summary_from "
        "FROM conditions WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    meta = dict(
        db.execute(
            "SELECT key, value FROM meta "
            "WHERE key IN ('hpo_release', 'mondo_version', 'orphanet_version', "
            "'orphanet_definitions', 'do_definitions')"
        )
    )
    known = facts.read(db, rowid)
    definition = None
    if "orphanet_definitions" in meta or "do_definitions" in meta:  # fetched by `update`
        from condlookup.catalogue import definitions  # noqa: PLC0415

        definition = definitions.definition(db, rowid, split_list(codes) or (cond_id,), meta)
    types, shared = family_features(db, rowid)
    every = split_list(codes) or (cond_id,)
    return CataloguePage(
        id=cond_id,
        name=name,
        aliases=split_list(aliases),
        codes=every,
        inheritance=aspect_names(db, rowid, "I"),
        onsets=aspect_names(db, rowid, "C"),
        phenotypes=shared if types else phenotypes(db, rowid),
        specialists=split_list(specialists),
        because=split_list(because),
        sources=tuple(found for code in every if (found := disease_source(code))),
        links=links(db, rowid),
        hpo_release=meta.get("hpo_release"),
        mondo_version=meta.get("mondo_version") if cond_id.startswith("MONDO:") else None,
        types=types,
        facts=known,
        key_facts=key_facts(known, said(db, rowid, "I"), said(db, rowid, "C")),
        orphanet_version=meta.get("orphanet_version") if known else None,
        definition=definition,
        summary=summary,
        summary_from=split_list(summary_from),
    )


def family_features(db: sqlite3.Connection, rowid: int) -> tuple[int, tuple[Phenotype, ...]]:
    """For a family without annotations of its own: its annotated types, and the features
    they share, each with the share of its types that show it as the frequency."""
    row = db.execute("SELECT types FROM families WHERE condition = ?", (rowid,)).fetchone()
    if row is None:
        return 0, ()
    (types,) = row
    rows = db.execute(
        """
        SELECT s.term, t.name, t.layperson, c.name, s.types
        FROM shared s JOIN terms t ON t.id = s.term LEFT JOIN terms c ON c.id = t.category
        WHERE s.condition = ?
        """,
        (rowid,),
    )
    found = [
        Phenotype(
            hpo=hpo_id(term),
            name=name,
            layperson=split_list(layperson),
            category=category_label(category),
            frequency=count / types,
            frequency_text=f"{count} of {types}",
            origin="types",
        )
        for term, name, layperson, category, count in rows
    ]
    return types, _ordered(found)
