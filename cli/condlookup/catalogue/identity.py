"""One disease, one condition: catalogue entries grouped by Mondo, and the families they form.

The HPO annotates many diseases twice, once as an Orphanet entry and once as an OMIM entry. The
rules, applied when the index is built (the README says the same):

- Entries that Mondo maps to one disease are one condition, whose id is the Mondo id
  (MONDO:0007947); every code of the disease finds it. An entry Mondo does not map joins the one
  Mondo disease whose label is its name (case and punctuation aside), if there is exactly one;
  else it keeps its own id (OMIM:..., ORPHA:..., DECIPHER:...).
- An entry that two Mondo diseases claim goes to the one with the lower number.
- A code that Mondo maps but the HPO release lacks is still a code of its disease (it finds the
  page), with nothing to annotate.
- A curated page that names any code of a catalogue condition (its Mondo id, an Orphanet or
  OMIM code, an HPO entry) stands for it: it takes that condition over, annotations, names,
  codes and families, when the pages are added to the catalogue (see `overlay`).
- A family is a Mondo disease with no entry of its own in this release, which a rare-disease
  catalogue lists (it has an Orphanet, OMIM or GARD code) and which has at least one annotated
  condition below it. It gets a page; a grouping class that no catalogue lists does not, nor
  does Mondo's root, "disease".
- Broader and narrower link the conditions that have pages, skipping classes that have none.

The grouping knows nothing of pages: the catalogue half of the index is built from the outside
data alone, and the pages take their conditions over afterwards.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from condlookup.catalogue.names import also_called
from condlookup.sources.hpo import Ratio
from condlookup.sources.mondo import Mondo, MondoClass
from condlookup.text import normalize_name

# Mondo's root, "disease": every condition is a kind of it, so it is no family to show.
MONDO_ROOT = "MONDO:0000001"
# A family page lists the features its types share: those shown by at least two of them (or by
# its one type), most shared first, at most this many.
SHARED_FEATURES = 40
# What a family's types are known by: Mondo ids while the catalogue is built, rowids after.
Key = TypeVar("Key")


class Feature(NamedTuple):
    """One phenotype of an entry: how often, in the source's words, from when, and whose."""

    frequency: float | None  # the fraction of patients, when given
    frequency_text: str | None  # "very frequent", "3/7", "40%"
    onset: int | None  # an HPO onset term
    origin: str  # the entry it comes from
    ratio: Ratio | None = None  # the count of patients, when the frequency is one


@dataclass
class Entry:
    """One disease of phenotype.hpoa while the index is built."""

    id: str
    name: str
    phenotypes: dict[int, Feature] = field(default_factory=dict)  # by term
    inheritance: set[int] = field(default_factory=set)
    onsets: set[int] = field(default_factory=set)


@dataclass
class Disease:
    """One catalogue condition while the index is built: one disease's entries, or a family."""

    id: str
    name: str
    entries: list[Entry]
    codes: list[str]  # every code that finds it, its id first
    names: list[str]  # labels in the catalogues: found as exactly as the name
    synonyms: list[str]  # other names people use: give way to another condition's label
    mondo: str | None = None

    @property
    def other_names(self) -> list[str]:
        """Every other label and synonym, once each: what search reads."""
        seen = {normalize_name(self.name)}
        found = []
        for name in (*self.names, *self.synonyms):
            key = normalize_name(name)
            if key not in seen:
                seen.add(key)
                found.append(name)
        return found

    @property
    def aliases(self) -> list[str]:
        """The names shown as "also called", by what its own names say (see `names`; the
        build adds Orphanet's names and what the rest of the catalogue says)."""
        return also_called(self.name, self.names, self.synonyms, me=self.id)


@dataclass
class Identity:
    diseases: list[Disease]  # the catalogue's conditions, in id order
    # (broader, narrower) pairs of Mondo ids, both with a page
    relations: list[tuple[str, str]]


def group(entries: dict[str, Entry], mondo: Mondo | None, annotated: set[str]) -> Identity:
    """Group the entries; `annotated` names the entries that have phenotype annotations."""
    classes = mondo.classes if mondo else {}
    owner = owners(classes)
    by_label: dict[str, list[str]] = {}
    for mondo_id, mondo_class in classes.items():
        if mondo_class.label:
            by_label.setdefault(normalize_name(mondo_class.label), []).append(mondo_id)

    by_mondo: dict[str, list[Entry]] = {}
    alone: list[Entry] = []
    for key in sorted(entries, key=code_key):
        entry = entries[key]
        home = owner.get(key)
        if home is None:  # joins the one disease of its very name, if Mondo has one
            same = by_label.get(normalize_name(entry.name), [])
            home = same[0] if len(same) == 1 else None
        if home is not None:
            by_mondo.setdefault(home, []).append(entry)
        else:
            alone.append(entry)

    diseases = [_single(entry) for entry in alone]
    for mondo_id, found in by_mondo.items():
        diseases.append(_grouped(mondo_id, classes, found, owner))
    # Families: a listed Mondo disease without entries, above an annotated condition.
    with_annotations = {
        mondo_id
        for mondo_id, found in by_mondo.items()
        if any(entry.id in annotated for entry in found)
    }
    has_page = set(by_mondo)
    for mondo_id in new_families(with_annotations, has_page, classes, owner):
        diseases.append(_grouped(mondo_id, classes, [], owner))
        has_page.add(mondo_id)
    diseases.sort(key=lambda disease: code_key(disease.id))
    return Identity(diseases, _relations(has_page, classes))


def owners(classes: dict[str, MondoClass]) -> dict[str, str]:
    """Each code's Mondo disease: of two that claim it, the one with the lower number."""
    owner: dict[str, str] = {}
    for mondo_id in sorted(classes, key=_number):
        for code in classes[mondo_id].codes:
            owner.setdefault(code, mondo_id)
    return owner


def new_families(
    below: set[str], has_page: set[str], classes: dict[str, MondoClass], owner: dict[str, str]
) -> list[str]:
    """The families above the conditions `below` that have no page yet: the listed classes (a
    label, and a code of their own in a rare-disease catalogue) other than Mondo's root, in id
    order. A Disease Ontology id does not make one: DO names common diseases and broad classes
    too ("migraine", "nervous system disease"), and its ids only join its definitions."""
    return [
        mondo_id
        for mondo_id in sorted(_ancestors(below, classes) - has_page - {MONDO_ROOT}, key=_number)
        if classes[mondo_id].label
        and any(
            owner.get(code) == mondo_id and not code.startswith("DOID:")
            for code in classes[mondo_id].codes
        )
    ]


def family(mondo_id: str, classes: dict[str, MondoClass], owner: dict[str, str]) -> Disease:
    """A Mondo family as a condition of its own, without entries."""
    return _grouped(mondo_id, classes, [], owner)


class Share(NamedTuple):
    """A feature of a family: a term, and how many of the family's types show it."""

    term: int
    types: int


class Shared(NamedTuple, Generic[Key]):
    """A family's annotated types, and the features they share, most shared first."""

    types: set[Key]
    features: list[Share]


def shared_features(
    families: Iterable[Key],
    narrower: Mapping[Key, Sequence[Key]],
    own_terms: Mapping[Key, set[int]],
) -> dict[Key, Shared[Key]]:
    """For each family: its annotated types (the conditions below it with terms of their own)
    and the features they share."""
    found = {}
    for family in families:
        types: set[Key] = set()
        stack = list(narrower.get(family, ()))
        seen: set[Key] = set()
        while stack:
            below = stack.pop()
            if below in seen:
                continue
            seen.add(below)
            if own_terms.get(below):
                types.add(below)
            stack += narrower.get(below, ())
        counts: dict[int, int] = {}
        for below in types:
            for term in own_terms[below]:
                counts[term] = counts.get(term, 0) + 1
        least = 2 if len(types) > 1 else 1
        ranked = sorted(
            (Share(term, count) for term, count in counts.items() if count >= least),
            key=lambda share: (-share.types, share.term),
        )
        found[family] = Shared(types, ranked[:SHARED_FEATURES])
    return found


def _single(entry: Entry) -> Disease:
    return Disease(entry.id, entry.name, [entry], [entry.id], [entry.name], [])


def _grouped(
    mondo_id: str, classes: dict[str, MondoClass], entries: list[Entry], owner: dict[str, str]
) -> Disease:
    mondo_class = classes[mondo_id]
    label = mondo_class.label
    codes = [mondo_id, *(code for code in mondo_class.codes if owner.get(code) == mondo_id)]
    codes += [entry.id for entry in entries if entry.id not in codes]
    name = display_name(label) if label else entries[0].name
    names = [name, *(entry.name for entry in entries)]
    return Disease(mondo_id, name, entries, codes, names, list(mondo_class.synonyms), mondo_id)


def display_name(label: str) -> str:
    """Mondo writes names in lower case ("spinal muscular atrophy"); a page starts with a
    capital, unless the first word is spelled with capitals inside, like a gene ("mTOR")."""
    first = label.split(" ", 1)[0]
    if first[:1].islower() and first[1:] == first[1:].lower():
        return label[:1].upper() + label[1:]
    return label


def _ancestors(start: set[str], classes: dict[str, MondoClass]) -> set[str]:
    """Every Mondo class above the ones in `start` (not themselves, unless above another)."""
    found: set[str] = set()
    stack = [parent for mondo_id in start for parent in _parents(classes, mondo_id)]
    while stack:
        mondo_id = stack.pop()
        if mondo_id not in found:
            found.add(mondo_id)
            stack += _parents(classes, mondo_id)
    return found


def _relations(pages: set[str], classes: dict[str, MondoClass]) -> list[tuple[str, str]]:
    """(broader, narrower) between classes with pages: the nearest ones on each path up."""
    pairs = {
        (parent, mondo_id)
        for mondo_id in pages
        for parent in nearest_above(mondo_id, pages, classes)
    }
    return sorted(pairs, key=lambda pair: (_number(pair[0]), _number(pair[1])))


def nearest_above(mondo_id: str, pages: set[str], classes: dict[str, MondoClass]) -> set[str]:
    """The classes with a page that are nearest above `mondo_id`, one on each path up."""
    found = set()
    seen: set[str] = set()
    stack = list(_parents(classes, mondo_id))
    while stack:
        parent = stack.pop()
        if parent in seen:
            continue
        seen.add(parent)
        if parent in pages:
            found.add(parent)
        else:
            stack += _parents(classes, parent)
    return found


def _parents(classes: dict[str, MondoClass], mondo_id: str) -> tuple[str, ...]:
    found = classes.get(mondo_id)
    return found.parents if found else ()


def _number(mondo_id: str) -> int:
    return int(mondo_id.partition(":")[2])


def code_key(code: str) -> tuple[str, int]:
    """The order of codes, and of the entries they name: by catalogue, then by number."""
    prefix, _, number = code.partition(":")
    return prefix, int(number)
