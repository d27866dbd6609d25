"""The HPO catalogue into the index: its diseases, one condition per disease (see `identity`),
their annotations, families and their shared features, and each condition's terms propagated to
their ancestors (the table search and match read).

Run only by a build. Terms and conditions are stored with integer keys (HP:0001251 is 1251) so
that the tables `match` and `search` read stay small.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from condlookup.catalogue import specialists
from condlookup.catalogue.identity import Disease, Entry, Identity, group, shared_features
from condlookup.catalogue.phrases import PAGES, write_phrases
from condlookup.catalogue.terms import Ontology, read_ontology, write_terms
from condlookup.errors import DataError
from condlookup.pages.models import Condition
from condlookup.sources.codes import term_number
from condlookup.sources.hpo import Annotation, read_annotations
from condlookup.sources.mondo import Mondo
from condlookup.sources.mondo import read as read_mondo
from condlookup.text import LABEL, OWN_NAME, SYNONYM, join_list, name_tiers, split_list

Progress = Callable[[str, float], None]

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
-- What plain words may stand for (see matching.symptoms): the HPO's names and synonyms, the
-- pages' symptom names and descriptions, the HPO's definitions; `text` is the words as
-- symptoms.plain_words gives them (the stemmer folds the rest), `shown` the text as written.
CREATE VIRTUAL TABLE phrases USING fts5(
    text, shown UNINDEXED, term UNINDEXED, source UNINDEXED, words UNINDEXED,
    tokenize = "porter unicode61 remove_diacritics 2"
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
-- A condition's terms with all their ancestors, for each of its descriptions (a catalogue
-- entry, or a curated page's own symptom list): the table search and match read.
CREATE TABLE propagated (
    term INTEGER NOT NULL, condition INTEGER NOT NULL, description INTEGER NOT NULL,
    frequency REAL NOT NULL, exact INTEGER NOT NULL, fraction REAL NOT NULL,
    PRIMARY KEY (term, condition, description)
) WITHOUT ROWID;
-- `size` is how many phenotype terms the description has (the prior of `match`).
CREATE TABLE descriptions (
    condition INTEGER NOT NULL, description INTEGER NOT NULL, origin TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (condition, description)
) WITHOUT ROWID;
-- Families: what a condition is a kind of (broader) and which kinds it has (narrower).
CREATE TABLE relations (
    broader INTEGER NOT NULL, narrower INTEGER NOT NULL, PRIMARY KEY (broader, narrower)
) WITHOUT ROWID;
CREATE INDEX relations_up ON relations (narrower, broader);
-- A family without annotations of its own: how many annotated types it has, and the features
-- they share.
CREATE TABLE families (condition INTEGER PRIMARY KEY, types INTEGER NOT NULL);
CREATE TABLE shared (
    condition INTEGER NOT NULL, term INTEGER NOT NULL, types INTEGER NOT NULL,
    PRIMARY KEY (condition, term)
) WITHOUT ROWID;
"""


def fill(
    connection: sqlite3.Connection,
    obo: Path,
    hpoa: Path,
    mondo: Path | None,
    curated: Sequence[tuple[int, Condition]],
    progress: Progress,
) -> dict[str, str]:
    """Add the catalogue; returns facts for the meta table (releases, counts)."""
    progress("Reading HPO terms", 0.0)
    ontology = read_ontology(obo)
    progress("Reading disease annotations", 0.3)
    entries = _entries(read_annotations(hpoa), ontology.alias)
    progress("Grouping diseases", 0.45)
    mondo_data = _read_mondo(mondo) if mondo is not None else None
    pages = [
        (rowid, page.codes.curies(), f"MONDO:{page.codes.mondo}" if page.codes.mondo else None)
        for rowid, page in curated
    ]
    annotated = {key for key, entry in entries.items() if entry.phenotypes}
    identity = group(entries, pages, mondo_data, annotated)
    connection.executescript(SCHEMA)
    progress("Writing terms", 0.55)
    write_terms(connection, ontology)
    progress("Writing diseases", 0.65)
    own_terms = _own_terms(identity, curated, ontology)
    shared = shared_features(identity, own_terms)
    genetic = {  # the conditions known to be inherited: an inheritance, or an OMIM entry
        disease.id
        for disease in identity.diseases
        if any(entry.inheritance or entry.id.startswith("OMIM:") for entry in disease.entries)
    }
    rowid_of: dict[str, int] = {}  # a condition's Mondo id (or own id) -> its rowid
    direct: dict[int, list[tuple[str, dict[int, float]]]] = {}
    for rowid, disease in enumerate(identity.diseases, start=len(curated) + 1):
        rowid_of[disease.id] = rowid
        if disease.entries:
            found = specialists.for_entries(disease.entries, ontology)
        else:
            found = specialists.for_family(shared[disease.id], genetic, ontology)
        _write_disease(connection, rowid, disease, found)
        direct[rowid] = [(entry.id, _phenotype_weights(entry)) for entry in disease.entries]
    for rowid, condition in curated:
        merged = identity.curated.get(rowid, [])
        mondo_id = identity.page_mondo.get(rowid)
        if mondo_id is not None:
            rowid_of[mondo_id] = rowid
        if merged or mondo_id is not None:
            _join_page(connection, rowid, merged, mondo_id, mondo_data)
        direct[rowid] = [(entry.id, _phenotype_weights(entry)) for entry in merged]
        own = _page_terms(connection, rowid, condition, ontology)
        write_phrases(connection, _page_phrases(condition, ontology))
        if own:
            direct[rowid].append(("page", own))
    progress("Linking families", 0.8)
    connection.executemany(
        "INSERT INTO relations VALUES (?, ?)",
        ((rowid_of[up], rowid_of[down]) for up, down in identity.relations),
    )
    for disease_id, (types, features) in shared.items():
        row = (rowid_of[disease_id], len(types))
        connection.execute("INSERT INTO families VALUES (?, ?)", row)
        connection.executemany(
            "INSERT INTO shared VALUES (?, ?, ?)",
            ((rowid_of[disease_id], term, count) for term, count in features),
        )
    progress("Propagating annotations", 0.85)
    counts = _write_propagated(connection, direct, ontology.ancestors)
    connection.executemany(
        "UPDATE terms SET diseases = ? WHERE id = ?", ((n, term) for term, n in counts.items())
    )
    progress("Finishing", 0.95)
    (annotated_rows,) = connection.execute(
        "SELECT count(DISTINCT condition) FROM propagated"
    ).fetchone()
    facts = {
        "catalogue_entries": str(len(entries)),
        "catalogue_conditions": str(len(identity.diseases)),
        "families": str(len(shared)),
        "hpo_terms": str(len(ontology.terms)),
        "annotated_conditions": str(annotated_rows),
    }
    if mondo_data is not None:
        facts["mondo_version"] = mondo_data.version
    return facts


def _read_mondo(path: Path) -> Mondo:
    try:
        return read_mondo(path)
    except (OSError, ValueError, EOFError) as err:
        raise DataError(f"{path}: cannot read the Mondo data: {err}") from None


def _entries(annotations: Iterable[Annotation], alias: dict[int, int]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for item in annotations:
        entry = entries.get(item.disease)
        if entry is None:
            entry = entries[item.disease] = Entry(item.disease, item.disease_name)
        number = alias.get(term_number(item.term))
        if number is None:
            continue  # a term this hp.obo does not know (the two files are of different releases)
        if item.aspect == "I":
            entry.inheritance.add(number)
        elif item.aspect == "C":
            entry.onsets.add(number)
        elif item.aspect == "P":
            onset = alias.get(term_number(item.onset)) if item.onset else None
            previous = entry.phenotypes.get(number)
            if previous is None or (item.frequency or 0) > (previous[0] or 0):
                entry.phenotypes[number] = (
                    item.frequency,
                    item.frequency_text,
                    onset,
                    item.disease,
                )
    return entries


def _own_terms(
    identity: Identity, curated: Sequence[tuple[int, Condition]], ontology: Ontology
) -> dict[str, set[int]]:
    """The phenotype terms of each condition that has a Mondo id, by that id."""
    found: dict[str, set[int]] = {}
    for disease in identity.diseases:
        terms = {number for entry in disease.entries for number in entry.phenotypes}
        if terms:
            found[disease.id] = terms
    for rowid, condition in curated:
        mondo_id = identity.page_mondo.get(rowid)
        if mondo_id is None:
            continue
        terms = {number for entry in identity.curated.get(rowid, []) for number in entry.phenotypes}
        for symptom in condition.symptoms:
            number = ontology.alias.get(term_number(symptom.hpo)) if symptom.hpo else None
            if number is not None:
                terms.add(number)
        found[mondo_id] = terms
    return found


def _write_disease(
    connection: sqlite3.Connection, rowid: int, disease: Disease, found: tuple[str, ...]
) -> None:
    if disease.entries:
        count = len({number for entry in disease.entries for number in entry.phenotypes})
        entries = ", ".join(entry.id for entry in disease.entries)
        summary = f"A disease in the HPO catalogue ({entries}), with {count} phenotype terms."
    else:
        summary = "A family of diseases in the HPO catalogue, with no annotations of its own."
    aliases = disease.aliases
    connection.execute(
        "INSERT INTO conditions VALUES (?, ?, ?, 'hpo', ?, ?, ?, ?)",
        (
            rowid,
            disease.id,
            disease.name,
            summary,
            join_list(aliases),
            join_list(found),
            join_list(disease.codes),
        ),
    )
    tiers = name_tiers(
        [
            *((code, OWN_NAME) for code in disease.codes),
            (disease.name, OWN_NAME),
            *((name, LABEL) for name in disease.names),
            *((name, SYNONYM) for name in disease.synonyms),
        ]
    )
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?)", [(key, rowid, tier) for key, tier in tiers.items()]
    )
    connection.execute(
        "INSERT INTO search (rowid, names, symptoms, body) VALUES (?, ?, '', '')",
        (rowid, "\n".join([disease.name, *aliases])),
    )
    for entry in disease.entries:
        _write_annotations(connection, rowid, entry)


def _join_page(
    connection: sqlite3.Connection,
    rowid: int,
    merged: Sequence[Entry],
    mondo_id: str | None,
    mondo: Mondo | None,
) -> None:
    """A curated page takes the annotations, codes and names of the disease it stands for."""
    named: list[tuple[str, int]] = []
    codes: list[str] = []
    if mondo is not None and mondo_id is not None:
        mondo_class = mondo.classes[mondo_id]
        codes += mondo_class.codes
        named += [(mondo_class.label, LABEL), *((s, SYNONYM) for s in mondo_class.synonyms)]
    for entry in merged:
        _write_annotations(connection, rowid, entry)
        codes.append(entry.id)
        named.append((entry.name, LABEL))
    named += [(code, OWN_NAME) for code in codes]
    (own,) = connection.execute("SELECT codes FROM conditions WHERE rowid = ?", (rowid,)).fetchone()
    every = list(dict.fromkeys([*split_list(own), *codes]))
    connection.execute("UPDATE conditions SET codes = ? WHERE rowid = ?", (join_list(every), rowid))
    # A key the page has already gets a second row: a query takes each condition's best tier.
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?)",
        [(key, rowid, tier) for key, tier in name_tiers(named).items()],
    )


def _page_terms(
    connection: sqlite3.Connection, rowid: int, condition: Condition, ontology: Ontology
) -> dict[int, float]:
    """A curated page's own symptom list as annotations; returns it as one description."""
    own: dict[int, float] = {}
    for symptom in condition.symptoms:
        if symptom.hpo is None:
            continue
        number = ontology.alias.get(term_number(symptom.hpo))
        if number is None:
            continue
        frequency = CURATED_FREQUENCIES.get(symptom.frequency or "")
        connection.execute(
            "INSERT INTO annotations VALUES (?, ?, 'P', ?, ?, NULL, 'page')",
            (rowid, number, frequency, symptom.frequency),
        )
        own[number] = max(own.get(number, 0.0), frequency or DEFAULT_FREQUENCY)
    return own


def _page_phrases(condition: Condition, ontology: Ontology) -> Iterator[tuple[str, int, int]]:
    """A page's symptom names and plain-words descriptions, as phrases for their HPO term."""
    for symptom in condition.symptoms:
        number = ontology.alias.get(term_number(symptom.hpo)) if symptom.hpo else None
        if number is not None:
            for text in (symptom.name, symptom.description):
                if text:
                    yield text, number, PAGES


def _write_annotations(connection: sqlite3.Connection, rowid: int, entry: Entry) -> None:
    rows: list[tuple[int, int, str, float | None, str | None, int | None, str]] = [
        (rowid, number, "P", frequency, text, onset, origin)
        for number, (frequency, text, onset, origin) in entry.phenotypes.items()
    ]
    rows += [(rowid, number, "I", None, None, None, entry.id) for number in entry.inheritance]
    rows += [(rowid, number, "C", None, None, None, entry.id) for number in entry.onsets]
    connection.executemany("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def _phenotype_weights(entry: Entry) -> dict[int, float]:
    return {
        number: _estimate(frequency, text)
        for number, (frequency, text, _onset, _origin) in entry.phenotypes.items()
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
    direct: dict[int, list[tuple[str, dict[int, float]]]],
    ancestors: dict[int, dict[int, int]],
) -> dict[int, int]:
    """Each description's terms with all their ancestors: the table search and match read.
    Returns, for each term, how many conditions have it or a narrower term.

    A condition has one description per catalogue entry, and a curated page one more, its own
    short list of hallmark features. For each term at or above a description's annotations,
    `frequency` is the best figure of an annotation at or below it, `exact` says one is the
    term itself, and `fraction` is the share of the description's terms that fall at or below.
    """
    rows: list[tuple[int, int, int, float, int, float]] = []
    conditions: dict[int, int] = {}
    for rowid, descriptions in direct.items():
        reached: set[int] = set()
        for number, (_origin, weights) in enumerate(descriptions):
            best: dict[int, tuple[float, int]] = {}
            under: dict[int, int] = {}
            for term, frequency in weights.items():
                for ancestor in ancestors.get(term, {term: 0}):
                    exact = int(ancestor == term)
                    under[ancestor] = under.get(ancestor, 0) + 1
                    previous = best.get(ancestor)
                    if previous is None or (frequency, exact) > previous:
                        best[ancestor] = (frequency, exact)
            size = max(len(weights), 1)
            rows += [
                (ancestor, rowid, number, frequency, exact, under[ancestor] / size)
                for ancestor, (frequency, exact) in best.items()
            ]
            reached.update(best)
        for term in reached:
            conditions[term] = conditions.get(term, 0) + 1
    rows.sort()  # in the table's own order: appended, not scattered through its B-tree
    connection.executemany("INSERT INTO propagated VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.executemany(
        "INSERT INTO descriptions VALUES (?, ?, ?, ?)",
        (
            (rowid, number, origin, len(weights))
            for rowid, descriptions in direct.items()
            for number, (origin, weights) in enumerate(descriptions)
        ),
    )
    return conditions
