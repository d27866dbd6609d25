"""The catalogue half of the index, from the outside data alone: the HPO's terms and diseases,
one condition per disease (see `identity`), their annotations, families and the features their
types share, and each condition's terms propagated to their ancestors.

Each public function is one stage of the build, listed in order in `condlookup.index.stages`:
it reads its files, writes its tables (see `tables`), leaves what later stages need in the
`Catalogue` it is handed, and returns facts for the meta table. Run only by a build.
"""

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from condlookup.catalogue import evidence, facts, names, propagation, specialists, summaries
from condlookup.catalogue.identity import Disease, Entry, Feature, Share, group, shared_features
from condlookup.catalogue.keyfacts import Said
from condlookup.catalogue.known_names import known_names
from condlookup.catalogue.propagation import Description
from condlookup.catalogue.specialists import Specialist
from condlookup.catalogue.tables import CATALOGUE_ROWIDS
from condlookup.catalogue.terms import Ontology, read_ontology, write_terms
from condlookup.errors import DataError
from condlookup.sources.codes import term_number
from condlookup.sources.hpo import Annotation, hpoa_release, read_annotations, release
from condlookup.sources.mondo import Mondo
from condlookup.sources.mondo import read as read_mondo
from condlookup.sources.orphanet import GROUPS, Disorder, Orphanet
from condlookup.sources.orphanet import read as read_orphanet
from condlookup.text import LABEL, OWN_NAME, SYNONYM, join_list, name_tiers

_Digest = TypeVar("_Digest")

INSERT_ANNOTATION = (
    "INSERT INTO annotations (condition, term, aspect, frequency, frequency_text, onset, origin) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_NAME = "INSERT INTO names (key, rowid, tier) VALUES (?, ?, ?)"
HEAD_WEIGHTS = "head_weights"  # the meta key of `evidence.head_weights`


@dataclass
class Catalogue:
    """What the stages of one build hand on to the stages after them: filled as the build goes
    (the HPO terms first, then the diseases' entries, then Mondo), so not frozen."""

    ontology: Ontology | None = None
    entries: dict[str, Entry] = field(default_factory=dict)
    mondo: Mondo | None = None
    orphanet: Orphanet | None = None

    def terms(self) -> Ontology:
        if self.ontology is None:
            raise RuntimeError("the HPO terms stage comes before the stages that use the terms")
        return self.ontology


def hpo_terms(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """hp.obo: the terms, their names, synonyms, definitions and is-a links."""
    (obo,) = files
    catalogue.ontology = read_ontology(obo)
    write_terms(connection, catalogue.ontology)
    return {
        "hpo_release": release(obo) or "unknown",
        "hpo_dir": str(obo.parent),
        "hpo_terms": str(len(catalogue.ontology.terms)),
    }


def hpo_annotations(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """phenotype.hpoa: the diseases' entries and their annotations (written with the diseases)."""
    (hpoa,) = files
    catalogue.entries = _entries(read_annotations(hpoa), catalogue.terms().alias)
    return {
        "hpoa_release": hpoa_release(hpoa) or "unknown",
        "catalogue_entries": str(len(catalogue.entries)),
    }


def mondo(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """The Mondo digest, which groups the entries into diseases and families (without it, each
    entry is a condition of its own)."""
    catalogue.mondo = _digest(files, read_mondo, "Mondo")
    return {"mondo_version": catalogue.mondo.version} if catalogue.mondo else {}


def everyday(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """condlookup's everyday phrases for findings, beside the HPO's names."""
    from condlookup.catalogue.everyday import write_everyday  # noqa: PLC0415

    written = sum(write_everyday(connection, path, catalogue.terms()) for path in files)
    return {"everyday_phrases": str(written)} if files else {}


def orphanet(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """The Orphanet digest: its facts join each condition through its ORPHA codes."""
    catalogue.orphanet = _digest(files, read_orphanet, "Orphanet")
    return {"orphanet_version": catalogue.orphanet.version} if catalogue.orphanet else {}


def genes(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """The genes: Orphanet's, with how each is involved (from the facts the diseases' stage
    wrote), and the HPO's genes_to_phenotype.txt, joined to conditions by their codes."""
    from condlookup.catalogue import gene_table  # noqa: PLC0415
    from condlookup.sources.hpo import read_genes  # noqa: PLC0415

    names: dict[str, tuple[str, str]] = {}
    if catalogue.orphanet is not None:
        for disorder in catalogue.orphanet.disorders.values():
            for gene in disorder.genes:
                if gene.name:
                    names.setdefault(gene.symbol, (gene.hgnc, gene.name))
    links = ((link.ncbi, link.symbol, link.disease) for path in files for link in read_genes(path))
    disorders = catalogue.orphanet.disorders.values() if catalogue.orphanet else ()
    return gene_table.write(connection, names, links, disorders)


def _digest(files: tuple[Path, ...], read: Callable[[Path], _Digest], what: str) -> _Digest | None:
    """A digest shipped in the package, read; None when the build was given none."""
    if not files:
        return None
    (path,) = files
    try:
        return read(path)
    except (OSError, ValueError, EOFError) as err:
        raise DataError(f"{path}: cannot read the {what} data: {err}") from None


def diseases(
    connection: sqlite3.Connection, catalogue: Catalogue, files: tuple[Path, ...]
) -> dict[str, str]:
    """The conditions: one per disease and family, with their annotations, names, codes and
    families, and their descriptions propagated (the table search and match read)."""
    ontology, entries = catalogue.terms(), catalogue.entries
    annotated = {key for key, entry in entries.items() if entry.phenotypes}
    identity = group(entries, catalogue.mondo, annotated)
    own_terms = {
        disease.id: terms
        for disease in identity.diseases
        if (terms := {number for entry in disease.entries for number in entry.phenotypes})
    }
    narrower: dict[str, list[str]] = {}
    for up, down in identity.relations:
        narrower.setdefault(up, []).append(down)
    families = [disease.id for disease in identity.diseases if not disease.entries]
    shared = shared_features(families, narrower, own_terms)
    who = _Who(catalogue)
    kin = {disease.id: who.kin(disease) for disease in identity.diseases if disease.entries}
    rowid_of: dict[str, int] = {}  # a condition's Mondo id (or own id) -> its rowid
    described: dict[int, list[Description]] = {}
    known = known_names(identity)
    for rowid, disease in enumerate(identity.diseases, start=CATALOGUE_ROWIDS):
        disorders = who.disorders(disease)
        orphanet_names = [name for found in disorders for name in (found.label, *found.synonyms)]
        aliases = names.also_called(
            disease.name, disease.names, disease.synonyms, orphanet_names, known, disease.id
        )
        rowid_of[disease.id] = rowid
        said = [fact for found in disorders for fact in facts.orphanet_facts(found, who.orphanet)]
        if disease.entries:
            seen = who.evidence_of(disease)
            chosen = specialists.choose(seen)
            told = who.told(disease, said, seen.systems, seen.features)
        else:
            family = shared[disease.id]
            types = [kin[key] for key in family.types]
            weights = who.family_weights(family.features, len(family.types))
            chosen = who.for_family(disease, weights, types)
            systems, total = evidence.systems_of(weights)
            told = who.told(disease, said, systems, total)._replace(
                family=True,
                types=len(family.types),
                genetic_types=all(item.genetic for item in types),
            )
        write_disease(connection, rowid, disease, chosen, aliases, summaries.summary(told))
        facts.write(connection, rowid, said)
        described[rowid] = [Description(entry.id, _weights(entry)) for entry in disease.entries]
    del known  # the names' owners and the names read are not needed past here: memory back
    names.read_name.cache_clear()
    connection.executemany(
        "INSERT INTO relations (broader, narrower) VALUES (?, ?)",
        ((rowid_of[up], rowid_of[down]) for up, down in identity.relations),
    )
    for disease_id, family in shared.items():
        connection.execute(
            "INSERT INTO families (condition, types) VALUES (?, ?)",
            (rowid_of[disease_id], len(family.types)),
        )
        connection.executemany(
            "INSERT INTO shared (condition, term, types) VALUES (?, ?, ?)",
            ((rowid_of[disease_id], share.term, share.types) for share in family.features),
        )
    propagation.write(connection, described, ontology.ancestors)
    with_rows = sum(
        1 for found in described.values() if any(item.weights for item in found)
    )  # the conditions that have propagated rows, counted without reading them back
    return {
        # How telling each Orphanet head is, for the families worked out again with the pages.
        HEAD_WEIGHTS: evidence.write_weights(who.telling),
        "catalogue_conditions": str(len(identity.diseases)),
        "families": str(len(shared)),
        "annotated_conditions": str(with_rows),
    }


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
            if previous is None or (item.frequency or 0) > (previous.frequency or 0):
                entry.phenotypes[number] = Feature(
                    item.frequency, item.frequency_text, onset, item.disease, item.ratio
                )
    return entries


class _Who:
    """Who to see for each condition (see `specialists`), from what the earlier stages read:
    Orphanet's facts, Mondo's classes and the HPO's annotations."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.ontology = catalogue.terms()
        self.orphanet = catalogue.orphanet or Orphanet("", "", {}, {}, {})
        classes = catalogue.mondo.classes if catalogue.mondo else {}
        self.kinds = evidence.MondoKinds({key: found.parents for key, found in classes.items()})
        self._systems: dict[int, tuple[str, ...]] = {}
        self.telling = evidence.head_weights(
            found.heads
            for found in self.orphanet.disorders.values()
            if found.disorder_type not in GROUPS
        )

    def disorders(self, disease: Disease) -> list[Disorder]:
        return facts.disorders_of(disease.codes, self.orphanet)

    def kin(self, disease: Disease) -> evidence.Kin:
        """What a family it is a type of takes from it: whether it is genetic, its onset."""
        disorders = self.disorders(disease)
        return evidence.Kin(bool(self._genetic(disease, disorders)), self._onset(disease))

    def _onset(self, disease: Disease) -> evidence.Onset:
        return evidence.onset_of(
            (value for disorder in self.disorders(disease) for value in disorder.onset),
            (term for entry in disease.entries for term in entry.onsets),
            self.ontology.ancestors,
        )

    def _genetic(self, disease: Disease, disorders: list[Disorder]) -> str:
        names = self.ontology.terms
        return evidence.genetic_reason(
            frozenset(head for disorder in disorders for head in disorder.heads),
            (mode for disorder in disorders for mode in disorder.inheritance),
            (
                (term, names[term].name)
                for entry in disease.entries
                for term in entry.inheritance
                if term in names
            ),
            self.ontology.ancestors,
            self.kinds.of(disease.mondo),
            any(code.startswith("DECIPHER:") for code in disease.codes),
        )

    def evidence_of(self, disease: Disease) -> evidence.Evidence:
        """What the specialist rules are told of a disease: its classification, and its
        features (the best figure of each term)."""
        disorders = self.disorders(disease)
        best: dict[int, float] = {}
        for entry in disease.entries:
            for number, feature in entry.phenotypes.items():
                value = feature.frequency if feature.frequency is not None else 0.5
                best[number] = max(best.get(number, 0.0), value)
        onset = self._onset(disease)
        return evidence.gather(
            frozenset(head for disorder in disorders for head in disorder.heads),
            self.kinds.of(disease.mondo),
            ((self._system(number), value) for number, value in best.items()),
            onset,
            self._genetic(disease, disorders),
            telling=self.telling,
            specific=self.kinds.specific(disease.mondo),
        )

    def family_weights(
        self, features: list[Share], types: int
    ) -> list[tuple[tuple[str, ...], float]]:
        """The organ systems of the features a family's types share, each weighing the share
        of its types that show it."""
        return [(self._system(share.term), share.types / max(types, 1)) for share in features]

    def for_family(
        self,
        disease: Disease,
        weights: list[tuple[tuple[str, ...], float]],
        kin: Iterable[evidence.Kin],
    ) -> tuple[Specialist, ...]:
        """From its own classification, and the features its types share."""
        disorders = self.disorders(disease)
        return specialists.for_family(
            frozenset(head for disorder in disorders for head in disorder.heads),
            self.kinds.of(disease.mondo),
            (value for disorder in disorders for value in disorder.onset),
            (mode for disorder in disorders for mode in disorder.inheritance),
            weights,
            kin,
            self.telling,
            self.kinds.specific(disease.mondo),
        )

    def told(
        self,
        disease: Disease,
        known: list[facts.Fact],
        systems: Mapping[str, float],
        features: float,
    ) -> summaries.Told:
        """What its first sentence is written from (see `summaries`)."""
        terms = self.ontology.terms

        def said(aspect: Callable[[Entry], set[int]]) -> list[Said]:
            found = {
                Said(terms[term].name, entry.id)
                for entry in disease.entries
                for term in aspect(entry)
                if term in terms
            }
            return sorted(found, key=lambda item: (item.origin, item.name))

        return summaries.Told(
            disease.name,
            known,
            said(lambda entry: entry.inheritance),
            said(lambda entry: entry.onsets),
            self.kinds.of(disease.mondo),
            self.kinds.specific(disease.mondo),
            systems,
            features,
            copy_number=any(code.startswith("DECIPHER:") for code in disease.codes),
        )

    def _system(self, term: int) -> tuple[str, ...]:
        if term not in self._systems:
            ancestors = self.ontology.ancestors.get(term, {term: 0})
            self._systems[term] = evidence.systems_of_term(ancestors)
        return self._systems[term]


def write_disease(
    connection: sqlite3.Connection,
    rowid: int,
    disease: Disease,
    found: tuple[Specialist, ...],
    aliases: Sequence[str] | None = None,
    summary: summaries.Summary | None = None,
) -> None:
    """A catalogue condition's rows: who to see is `found`, what it is also called `aliases`
    (by default, what its own names say), its first sentence `summary` (by default, what a
    family without facts is)."""
    if summary is None:
        summary = summaries.summary(summaries.Told(disease.name, family=not disease.entries))
    if aliases is None:
        aliases = disease.aliases
    connection.execute(
        "INSERT INTO conditions (rowid, id, name, source, summary, summary_from, aliases, "
        "specialists, because, codes) VALUES (?, ?, ?, 'hpo', ?, ?, ?, ?, ?, ?)",
        (
            rowid,
            disease.id,
            disease.name,
            summary.text,
            join_list(summary.sources),
            join_list(aliases),
            join_list(item.name for item in found),
            join_list(item.because for item in found),
            join_list(disease.codes),
        ),
    )
    connection.executemany(
        "INSERT OR IGNORE INTO codes (code, condition) VALUES (?, ?)",
        ((code, rowid) for code in disease.codes),
    )
    tiers = name_tiers(
        [
            *((code, OWN_NAME) for code in disease.codes),
            (disease.name, OWN_NAME),
            *((name, LABEL) for name in disease.names),
            *((name, SYNONYM) for name in disease.synonyms),
        ]
    )
    connection.executemany(INSERT_NAME, [(key, rowid, tier) for key, tier in tiers.items()])
    connection.execute(
        "INSERT INTO search (rowid, names, symptoms, body) VALUES (?, ?, '', '')",
        (rowid, "\n".join([disease.name, *disease.other_names])),
    )
    for entry in disease.entries:
        _write_annotations(connection, rowid, entry)


def _write_annotations(connection: sqlite3.Connection, rowid: int, entry: Entry) -> None:
    rows: list[tuple[int, int, str, float | None, str | None, int | None, str]] = [
        (rowid, number, "P", item.frequency, item.frequency_text, item.onset, item.origin)
        for number, item in entry.phenotypes.items()
    ]
    rows += [(rowid, number, "I", None, None, None, entry.id) for number in entry.inheritance]
    rows += [(rowid, number, "C", None, None, None, entry.id) for number in entry.onsets]
    connection.executemany(INSERT_ANNOTATION, rows)


def _weights(entry: Entry) -> dict[int, float]:
    return {
        number: propagation.estimate(item.frequency, item.ratio)
        for number, item in entry.phenotypes.items()
    }
